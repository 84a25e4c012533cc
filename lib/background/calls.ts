import type { SlackCalls } from '../slack/client';
import { bindToken } from '../slack/client';
import type { AccountContext } from './account-context';

export type ChainKind = 'bot' | 'user';

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
