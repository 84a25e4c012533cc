// Runs one action for one account: checks the input against the action's schema, picks the token
// the action can use, and hands run() a context whose calls carry that token.
import type * as z from 'zod/mini';
import { CourierFailure } from '../errors';
import { inputFailure, PARSE_OPTIONS } from './issue-words';
import type { SlackClient } from '../slack/client';
import { bindToken } from '../slack/client';
import type { ActionContext, ActionDef, TokenNeed } from './types';

export type TokenKind = ActionContext['tokenKind'];

export interface RunnerDeps {
  /** Which token chains the account has. */
  chains: { bot: boolean; user: boolean };
  /**
   * The refresher's withToken for this account: runs `work` with a fresh token of that kind and,
   * on token_expired, refreshes once and runs it again.
   */
  withToken<T>(kind: TokenKind, work: (token: string) => Promise<T>): Promise<T>;
  /** The workspace's Slack client (lib/slack/client.ts); the runner gives each call its token. */
  client: SlackClient;
}

export interface ActionOutcome<Output = unknown> {
  result: Output;
  tokenKind: TokenKind;
}

/** The token kinds an action can run with, preferred first. */
export const TOKEN_PREFERENCE: Record<TokenNeed, readonly TokenKind[]> = {
  bot: ['bot'],
  user: ['user'],
  'either-bot': ['bot', 'user'],
  'either-user': ['user', 'bot'],
};

function scopePhrase(scopes: readonly string[], kind: TokenKind): string {
  if (scopes.length === 0) return `with ${kind} scopes`;
  return `with the ${scopes.join(', ')} ${kind} scope${scopes.length > 1 ? 's' : ''}`;
}

/** The token kind the action runs with on this account, or a sentence saying how to get one. */
export function pickToken(def: ActionDef, chains: RunnerDeps['chains']): TokenKind {
  const kinds = TOKEN_PREFERENCE[def.token];
  const kind = kinds.find((candidate) => chains[candidate]);
  if (kind) return kind;
  const preferred = kinds[0] ?? 'bot';
  const needs = kinds.length > 1 ? 'a bot or user token' : `a ${preferred} token`;
  throw new CourierFailure(
    'missing_scope',
    `${def.title} needs ${needs}: reconnect this workspace ${scopePhrase(def.scopes[preferred], preferred)}.`,
  );
}

/**
 * Parses the input, picks the token and runs the action. Every request gets its token through
 * withToken, so a refresh between two pages of a long list costs a retry of that page only.
 * Slack's errors pass through as thrown; toWireError (lib/errors.ts) gives them their kind.
 */
export async function runAction<Output>(
  def: ActionDef<z.ZodMiniType, Output>,
  rawInput: unknown,
  deps: RunnerDeps,
): Promise<ActionOutcome<Output>> {
  const parsed = def.input.safeParse(rawInput ?? {}, PARSE_OPTIONS);
  if (!parsed.success) throw inputFailure(def.title, parsed.error);
  const tokenKind = pickToken(def, deps.chains);
  const calls = bindToken(deps.client, (work) => deps.withToken(tokenKind, work));
  return { result: await def.run({ tokenKind, ...calls }, parsed.data), tokenKind };
}
