import * as z from 'zod/mini';
import { CourierFailure } from '../errors';
import { authedUserSchema, authTestResponse, oauthV2AccessResponse } from '../slack/schemas/auth';
import type { Account, Chain, ChainKind } from '../store/records';
import { accountId, chainId } from '../store/records';
import { splitScopes } from './scopes';

// The shapes are Slack's, from lib/slack/schemas/auth.ts. Linking narrows the few fields it builds
// an account and its chains from: token kinds, lifetimes and the ids it keys on.

const named = z.looseObject({ id: z.string().check(z.minLength(1)), name: z.optional(z.string()) });
const lifetimeSeconds = z.optional(z.int().check(z.positive()));
const linked = { expires_in: lifetimeSeconds, team: z.nullish(named), enterprise: z.nullish(named) };

export const exchangeResponseSchema = z.extend(oauthV2AccessResponse, {
  ...linked,
  // The docs' examples say "bot", the method's JSON schema says "granular_bot".
  token_type: z.optional(z.enum(['bot', 'granular_bot'])),
  authed_user: z.optional(
    z.extend(authedUserSchema, {
      token_type: z.optional(z.literal('user')),
      expires_in: lifetimeSeconds,
    }),
  ),
});
export type ExchangeResponse = z.output<typeof exchangeResponseSchema>;

/** A refresh answers flat, one token per call, even for a user token (never under authed_user). */
export const refreshResponseSchema = z.extend(oauthV2AccessResponse, {
  ...linked,
  app_id: z.optional(z.string()),
  access_token: z.string().check(z.minLength(1)),
  token_type: z.enum(['bot', 'granular_bot', 'user']),
});
export type RefreshResponse = z.output<typeof refreshResponseSchema>;

export const authTestSchema = z.extend(authTestResponse, { team_id: z.string().check(z.minLength(1)) });
export type AuthTest = z.output<typeof authTestSchema>;

/**
 * Slack answered ok but not in the shape Courier knows. A plain Error, not a CourierFailure: the
 * caller decides whether that is worth a retry, and the message names no value from the body.
 */
export class UnexpectedResponse extends Error {
  constructor(method: string, detail: string, options?: ErrorOptions) {
    super(`Slack's ${method} answer ${detail}.`, options);
    this.name = 'UnexpectedResponse';
  }
}

function parseWith<T>(schema: z.ZodMiniType<T>, method: string, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(body)'))].join(', ');
    throw new UnexpectedResponse(method, `has an unexpected shape at ${fields}`, { cause: result.error });
  }
  return result.data;
}

export const parseExchangeResponse = (body: unknown) => parseWith(exchangeResponseSchema, 'oauth.v2.access', body);
export const parseRefreshResponse = (body: unknown) => parseWith(refreshResponseSchema, 'oauth.v2.access', body);
export const parseAuthTest = (body: unknown) => parseWith(authTestSchema, 'auth.test', body);

export type LinkProblem = 'org_install' | 'no_tokens' | 'team_mismatch';

/** Slack's answer cannot become an account; the message tells the person what to do. */
export class LinkError extends CourierFailure {
  readonly problem: LinkProblem;
  constructor(problem: LinkProblem, message: string) {
    super('slack_error', message);
    this.name = 'LinkError';
    this.problem = problem;
  }
}

interface Issued {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresIn?: number | undefined;
  scopes: string[];
  /** How long the refresh token is good for (PKCE), from lib/auth/run-out.ts; undefined: for ever. */
  refreshLifetimeMs?: number | undefined;
}

function chainOf(ownerId: string, kind: ChainKind, issued: Issued, now: number, version: number): Chain {
  return {
    id: chainId(ownerId, kind),
    accountId: ownerId,
    kind,
    accessToken: issued.accessToken,
    ...(issued.refreshToken ? { refreshToken: issued.refreshToken } : {}),
    ...(issued.expiresIn === undefined
      ? {}
      : { expiresAt: now + issued.expiresIn * 1000, lifetimeMs: issued.expiresIn * 1000 }),
    scopes: issued.scopes,
    version,
    refreshedAt: now,
    ...(issued.refreshToken && issued.refreshLifetimeMs !== undefined
      ? { refreshExpiresAt: now + issued.refreshLifetimeMs }
      : {}),
  };
}

/**
 * Turns a code exchange and the auth.test made with its token into the account and its chains,
 * ready to be stored together. The bot chain exists when a bot token came back at top level, the
 * user chain when one came back under authed_user.
 */
export function linkFromExchange(
  exchange: ExchangeResponse,
  authTest: AuthTest,
  profileId: string,
  now: number,
  refreshLifetimeMs?: number,
): { account: Account; chains: Chain[] } {
  const team = exchange.team;
  if (!team) {
    throw new LinkError(
      'org_install',
      'Slack installed the app for a whole Enterprise organization, which Courier does not support yet. Install it on a single workspace and connect again.',
    );
  }
  if (authTest.team_id !== team.id) {
    throw new LinkError('team_mismatch', 'Slack named two different workspaces while connecting. Connect again.');
  }
  const botToken = exchange.access_token;
  const user = exchange.authed_user;
  const userToken = user?.access_token;
  if (!botToken && !userToken) {
    throw new LinkError(
      'no_tokens',
      'Slack finished connecting but sent no token. Add at least one bot or user scope to the profile and connect again.',
    );
  }

  const id = accountId(profileId, team.id);
  const botScopes = botToken ? splitScopes(exchange.scope) : [];
  const userScopes = userToken ? splitScopes(user.scope) : [];
  const enterpriseId = exchange.enterprise?.id || authTest.enterprise_id || undefined;
  const enterpriseName = exchange.enterprise?.name || undefined;

  const account: Account = {
    id,
    profileId,
    teamId: team.id,
    teamName: team.name || authTest.team || team.id,
    ...(authTest.url ? { teamUrl: authTest.url } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(enterpriseName ? { enterpriseName } : {}),
    appId: exchange.app_id,
    ...(botToken && exchange.bot_user_id ? { botUserId: exchange.bot_user_id } : {}),
    ...(user?.id ? { authedUserId: user.id } : {}),
    botScopes,
    userScopes,
    status: 'connected',
    linkedAt: now,
    updatedAt: now,
  };

  const chains: Chain[] = [];
  if (botToken) {
    const issued = { accessToken: botToken, refreshToken: exchange.refresh_token, expiresIn: exchange.expires_in };
    chains.push(chainOf(id, 'bot', { ...issued, scopes: botScopes, refreshLifetimeMs }, now, 0));
  }
  if (userToken) {
    const issued = { accessToken: userToken, refreshToken: user.refresh_token, expiresIn: user.expires_in };
    chains.push(chainOf(id, 'user', { ...issued, scopes: userScopes, refreshLifetimeMs }, now, 0));
  }
  return { account, chains };
}

/**
 * The chain after a refresh. A rotating refresh always brings a new refresh token; should one come
 * back without, the old one is kept rather than leaving the chain unable to refresh again. A PKCE
 * chain's new refresh token runs `refreshLifetimeMs` from now; a kept old one keeps its end.
 */
export function chainFromRefresh(
  previous: Chain,
  refresh: RefreshResponse,
  now: number,
  refreshLifetimeMs?: number,
): Chain {
  const kind: ChainKind = refresh.token_type === 'user' ? 'user' : 'bot';
  if (kind !== previous.kind) {
    throw new UnexpectedResponse('oauth.v2.access', `renewed a ${kind} token for a ${previous.kind} chain`);
  }
  const issued = {
    accessToken: refresh.access_token,
    refreshToken: refresh.refresh_token || previous.refreshToken,
    expiresIn: refresh.expires_in,
    scopes: refresh.scope === undefined ? previous.scopes : splitScopes(refresh.scope),
    ...(refresh.refresh_token ? { refreshLifetimeMs } : {}),
  };
  const next = chainOf(previous.accountId, kind, issued, now, previous.version + 1);
  const kept = !refresh.refresh_token && previous.refreshExpiresAt !== undefined;
  return kept ? { ...next, refreshExpiresAt: previous.refreshExpiresAt } : next;
}
