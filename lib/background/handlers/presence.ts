import { accountContext, callsFor } from '../../actions/account-context';
import { CourierFailure, toWireError } from '../../errors';
import type { Handlers } from '../../messaging/router';
import type { PresenceView } from '../../protocol';
import type { Services } from '../services';

async function presenceOf(services: Services, accountId: string): Promise<PresenceView> {
  const context = await accountContext(services, accountId);
  const canSet = context.runner.chains.user && context.account.userScopes.includes('users:write');
  const base = { accountId, teamName: context.account.teamName, canSet };
  try {
    const kind = context.runner.chains.user ? 'user' : 'bot';
    const user = kind === 'user' ? context.account.authedUserId : undefined;
    const body = await callsFor(context, kind).call('users.getPresence', user ? { user } : {});
    return { ...base, presence: body.presence === 'away' ? 'away' : 'active' };
  } catch (error) {
    return { ...base, presence: 'unknown', error: toWireError(error).message };
  }
}

export function presenceHandlers(services: () => Promise<Services>): Pick<Handlers, 'presence.list' | 'presence.set'> {
  return {
    'presence.list': async () => {
      const all = await services();
      const accounts = (await all.store.accounts.list()).filter((account) => account.status !== 'needs_reconnect');
      return Promise.all(accounts.map((account) => presenceOf(all, account.id)));
    },
    'presence.set': async ({ accountId, presence }) => {
      const all = await services();
      const context = await accountContext(all, accountId);
      if (!context.runner.chains.user || !context.account.userScopes.includes('users:write')) {
        throw new CourierFailure(
          'missing_scope',
          `Setting presence needs a user token with the users:write scope. Reconnect ${context.account.teamName} with it.`,
        );
      }
      await callsFor(context, 'user').call('users.setPresence', { presence });
      return presenceOf(all, accountId);
    },
  };
}
