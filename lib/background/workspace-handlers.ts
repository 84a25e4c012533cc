import { linkWorkspace } from '../auth/link';
import { CourierFailure } from '../errors';
import { launchAuthFlow, redirectUrl } from '../platform/identity';
import { bumpRevision } from '../platform/revision';
import { accountSummary, listAccountSummaries } from '../store/accounts';
import { KeyLostError } from '../store/key-lost';
import type { Handlers } from './router';
import { refreshDirectory } from './directory';
import type { Services } from './services';

export function workspaceHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'accounts.list' | 'workspaces.connect' | 'workspaces.disconnect' | 'workspaces.check'> {
  return {
    'accounts.list': async () => {
      const { store, health } = await services();
      const accounts = await listAccountSummaries(store.db);
      // "Refreshing" lives in memory: it lasts a moment and must not cost a database write.
      return accounts.map((account) =>
        account.status === 'connected' && health.isRefreshing(account.id)
          ? { ...account, status: 'refreshing' }
          : account,
      );
    },

    'workspaces.connect': async ({ profileId, team }) => {
      const { store, transport, health } = await services();
      const profile = await store.profiles.get(profileId);
      if (!profile)
        throw new CourierFailure('invalid_input', 'That connector profile no longer exists. Reload the options page.');
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
        team,
      );
      await Promise.all([bumpRevision('accounts'), health.updateBadge()]);
      // The popup should find its channels right away: fill the directory in the background.
      void services()
        .then((all) => refreshDirectory(all, account.id))
        .catch(() => undefined);
      return accountSummary(account, profile.name);
    },

    'workspaces.disconnect': async ({ accountId }) => {
      const { store, transport, health } = await services();
      const account = await store.accounts.get(accountId);
      if (!account) return null;
      const profile = await store.profiles.get(account.profileId);
      // Tokens sealed under a lost key cannot be revoked, but the workspace can still be removed.
      const chains = await store.chains.listByAccount(accountId).catch((error: unknown) => {
        if (error instanceof KeyLostError) return [];
        throw error;
      });
      let unrevoked = 0;
      if (profile) {
        const api = transport(profile.baseUrl);
        // With rotation auth.revoke revokes one token at a time: every access and refresh token goes.
        const tokens = chains
          .flatMap((chain) => [chain.accessToken, chain.refreshToken])
          .filter((token): token is string => Boolean(token));
        const results = await Promise.allSettled(tokens.map((token) => api.call('auth.revoke', {}, { token })));
        unrevoked = results.filter((result) => result.status === 'rejected').length;
      }
      await store.accounts.remove(accountId);
      await Promise.all([bumpRevision('accounts'), health.updateBadge()]);
      if (unrevoked > 0 && unrevoked === chains.length * 2) {
        // Removed here either way; say what is left to do on Slack's side.
        console.warn(`Courier: ${account.teamName} was removed, but Slack did not confirm the token revocation.`);
      }
      return null;
    },

    'workspaces.check': async ({ accountId, kind }) => {
      const { store, transport, refresher } = await services();
      const account = await store.accounts.get(accountId);
      const profile = account && (await store.profiles.get(account.profileId));
      if (!account || !profile) throw new CourierFailure('invalid_input', 'That workspace is no longer linked.');
      const chainKind = kind ?? (account.botScopes.length > 0 ? 'bot' : 'user');
      const body = await refresher.withToken(accountId, chainKind, (token) =>
        transport(profile.baseUrl).call('auth.test', {}, { token }),
      );
      return { teamId: String(body.team_id), userId: String(body.user_id) };
    },
  };
}
