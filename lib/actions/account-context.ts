import type { Refresher } from '../auth/refresher';
import { CourierFailure } from '../errors';
import type { RunnerDeps } from './runner';
import type { SlackCalls, SlackClient } from '../slack/client';
import { bindToken } from '../slack/client';
import type { AccountsRepo } from '../store/accounts';
import type { ChainsRepo } from '../store/chains';
import type { ProfilesRepo } from '../store/profiles';
import type { Account, Profile } from '../store/records';

export type ChainKind = 'bot' | 'user';

export interface AccountContext {
  account: Account;
  profile: Profile;
  runner: RunnerDeps;
}

/** What a context is read from: the stored records, the refresher's token use and the clients. */
export interface ContextSources {
  store: {
    accounts: Pick<AccountsRepo, 'get'>;
    profiles: Pick<ProfilesRepo, 'get'>;
    chains: Pick<ChainsRepo, 'listMeta'>;
  };
  refresher: Pick<Refresher, 'withToken'>;
  clientFor: (baseUrl: string, team: string) => SlackClient;
}

/** Everything needed to act for one linked workspace: its record, profile, chains and client. */
export async function accountContext(sources: ContextSources, accountId: string): Promise<AccountContext> {
  const { store, refresher, clientFor } = sources;
  const account = await store.accounts.get(accountId);
  const profile = account && (await store.profiles.get(account.profileId));
  if (!account || !profile) {
    throw new CourierFailure('invalid_input', 'That workspace is no longer linked. Reload the page and pick another.');
  }
  // Every call passes here: read only this account's chains, through the index.
  const chains = await store.chains.listMeta(accountId);
  const has = (kind: ChainKind) => chains.some((chain) => chain.kind === kind);
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
export function contextsOnce(contextOf: AccountContexts): AccountContexts {
  const read = new Map<string, Promise<AccountContext>>();
  return (accountId) => {
    let context = read.get(accountId);
    if (!context) read.set(accountId, (context = contextOf(accountId)));
    return context;
  };
}

/** The account's calls with one token kind: refreshed on use, within the workspace's budget. */
export function callsFor(context: AccountContext, kind: ChainKind): SlackCalls {
  return bindToken(context.runner.client, (work) => context.runner.withToken(kind, work));
}

/** The bot token when the account has one, else the user token: the default for sending. */
export function preferredKind(context: AccountContext): ChainKind {
  return context.runner.chains.bot ? 'bot' : 'user';
}

/** The account's calls with its preferred token (preferredKind). */
export function preferredCalls(context: AccountContext): SlackCalls {
  return callsFor(context, preferredKind(context));
}
