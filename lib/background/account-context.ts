import { CourierFailure } from '../errors';
import type { RunnerDeps } from '../actions/runner';
import type { Account, Profile } from '../store/records';
import type { Services } from './services';

export interface AccountContext {
  account: Account;
  profile: Profile;
  runner: RunnerDeps;
}

/** Everything needed to act for one linked workspace: its record, profile, chains and client. */
export async function accountContext(services: Services, accountId: string): Promise<AccountContext> {
  const { store, refresher, clientFor } = services;
  const account = await store.accounts.get(accountId);
  const profile = account && (await store.profiles.get(account.profileId));
  if (!account || !profile) {
    throw new CourierFailure('invalid_input', 'That workspace is no longer linked. Reload the page and pick another.');
  }
  // Every call passes here: read only this account's chains, through the index.
  const chains = await store.chains.listMeta(accountId);
  const has = (kind: 'bot' | 'user') => chains.some((chain) => chain.kind === kind);
  return {
    account,
    profile,
    runner: {
      chains: { bot: has('bot'), user: has('user') },
      withToken: (kind, work) => refresher.withToken(accountId, kind, work),
      client: clientFor(profile.baseUrl, account.teamId),
    },
  };
}

/** Where a batch of attempts gets each account's context. */
export type AccountContexts = (accountId: string) => Promise<AccountContext>;

/**
 * Contexts for one batch of attempts (a fan-out, a drain): each account is read once, not once per
 * item. A context holds no token, so nothing here outlives a rotation; it lives as long as the batch.
 */
export function contextsOnce(services: Services): AccountContexts {
  const read = new Map<string, Promise<AccountContext>>();
  return (accountId) => {
    let context = read.get(accountId);
    if (!context) read.set(accountId, (context = accountContext(services, accountId)));
    return context;
  };
}
