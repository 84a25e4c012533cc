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
