import { linkWorkspace } from '../../auth/link';
import { CourierFailure } from '../../errors';
import { launchAuthFlow, redirectUrl } from '../../platform/identity';
import { bumpRevision } from '../../platform/revision';
import { accountSummary } from '../../store/accounts';
import { parseResponse } from '../../slack/schemas';
import { accountId as accountIdOf } from '../../store/records';
import type { Handlers } from '../../messaging/router';
import { refreshDirectory } from '../../directory/refresh';
import { revokeAccount } from '../../auth/revoke-account';
import type { Services } from '../services';

export function workspaceHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'accounts.list' | 'workspaces.connect' | 'workspaces.disconnect' | 'workspaces.check'> {
  return {
    'accounts.list': async () => {
      const { store, health } = await services();
      const accounts = await store.accounts.summaries();
      // "Refreshing" lives in memory: it lasts a moment and must not cost a database write.
      return accounts.map((account) =>
        account.status === 'connected' && health.isRefreshing(account.id)
          ? { ...account, status: 'refreshing' }
          : account,
      );
    },

    'workspaces.connect': async ({ profileId, team }) => {
      const { store, transport, health, outbox } = await services();
      const profile = await store.profiles.get(profileId);
      if (!profile)
        throw new CourierFailure('invalid_input', 'That connector profile no longer exists. Reload the options page.');
      const linked = team ? await store.accounts.get(accountIdOf(profile.id, team)) : undefined;
      const account = await linkWorkspace(
        {
          redirectUri: redirectUrl(),
          launchAuthFlow,
          transport,
          saveLinked: async (draft, chains) => {
            await store.chains.saveLinked(draft, chains);
          },
          now: Date.now,
        },
        profile,
        team ? { teamId: team, teamName: linked?.teamName ?? team } : undefined,
      );
      await Promise.all([bumpRevision('accounts'), health.updateBadge()]);
      // What failed only for want of this reconnect goes now, without a Retry.
      await outbox.resumeReconnected(account).catch(() => 0);
      // The popup should find its channels right away: fill the directory in the background.
      void services()
        .then((all) => refreshDirectory(all.directories, account.id))
        .catch(() => undefined);
      return accountSummary(account, profile.name);
    },

    'workspaces.disconnect': async ({ accountId }) => {
      const all = await services();
      const account = await all.store.accounts.get(accountId);
      if (!account) return {};
      const unrevoked = await revokeAccount(all, account);
      // Removed here either way; the sentence says what is left to do on Slack's side.
      await all.store.accounts.remove(accountId);
      await Promise.all([bumpRevision('accounts'), all.health.updateBadge()]);
      return unrevoked ? { unrevoked } : {};
    },

    'workspaces.check': async ({ accountId, kind }) => {
      const { store, transport, refresher } = await services();
      const account = await store.accounts.get(accountId);
      const profile = account && (await store.profiles.get(account.profileId));
      if (!account || !profile) throw new CourierFailure('invalid_input', 'That workspace is no longer linked.');
      const chainKind = kind ?? (account.botScopes.length > 0 ? 'bot' : 'user');
      const body = await refresher.withToken(accountId, chainKind, async (token) =>
        parseResponse('auth.test', await transport(profile.baseUrl).call('auth.test', {}, { token })),
      );
      return { teamId: body.team_id, userId: body.user_id };
    },
  };
}
