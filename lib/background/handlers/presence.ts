import { accountContext } from '../../actions/account-context';
import { runAction } from '../../actions/runner';
import { getUserPresence, setUserPresence } from '../../actions/users';
import { CourierFailure, toWireError } from '../../errors';
import type { Handlers } from '../../messaging/router';
import type { PresenceView } from '../../protocol';
import type { Services } from '../services';

async function presenceOf(services: Services, accountId: string): Promise<PresenceView> {
  const context = await accountContext(services, accountId);
  const canSet = context.runner.chains.user && context.account.userScopes.includes('users:write');
  const base = { accountId, teamName: context.account.teamName, canSet };
  try {
    // The action prefers the user token; with it, the person's own presence is asked for by id.
    const user = context.runner.chains.user ? context.account.authedUserId : undefined;
    const { result } = await runAction(getUserPresence, user ? { user } : {}, context.runner);
    return { ...base, presence: result.presence === 'away' ? 'away' : 'active' };
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
      await runAction(setUserPresence, { presence }, context.runner);
      return presenceOf(all, accountId);
    },
  };
}
