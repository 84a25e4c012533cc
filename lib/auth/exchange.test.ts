// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CourierFailure } from '../errors';
import type { Chain } from '../store/records';
import type { AuthTest } from './exchange';
import {
  chainFromRefresh,
  LinkError,
  linkFromExchange,
  parseAuthTest,
  parseExchangeResponse,
  parseRefreshResponse,
  UnexpectedResponse,
} from './exchange';
import authTestDocs from './fixtures/docs-examples.auth.test.json';
import exchangeDocs from './fixtures/docs-examples.oauth.v2.access.json';
import authTestSkeleton from './fixtures/java-skeleton.auth.test.json';
import exchangeSkeleton from './fixtures/java-skeleton.oauth.v2.access.json';

const NOW = 1_800_000_000_000;
const TWELVE_HOURS = 43_200_000;

/** Per the samples' README: a skeleton becomes a success body once ok is true and error fields go. */
function successFrom<T extends object>(skeleton: T): Record<string, unknown> {
  const { error: _e, warning: _w, needed: _n, provided: _p, ...rest } = skeleton as Record<string, unknown>;
  return { ...rest, ok: true };
}

const authTest: AuthTest = parseAuthTest({ ...authTestDocs.success_with_bot_token.example, team_id: 'T9TK3CUKW' });

describe('oauth.v2.access code exchange schema', () => {
  it("accepts Slack's documented examples, rotation off and on, and Sign in with Slack", () => {
    expect(parseExchangeResponse(exchangeDocs.success.example).token_type).toBe('bot');
    const rotating = parseExchangeResponse(exchangeDocs.success_with_token_rotation.example);
    expect(rotating.expires_in).toBe(43200);
    expect(rotating.authed_user?.refresh_token).toBe('xoxe-1-...');
    expect(parseExchangeResponse(exchangeDocs.success_with_sign_in_with_slack.example).access_token).toBeUndefined();
  });

  it("types every field of the Java SDK's all-fields skeleton", () => {
    // Placeholders swapped only where Courier checks values: an enum and the ids it keys on.
    const body = {
      ...successFrom(exchangeSkeleton),
      token_type: 'granular_bot',
      team: { ...exchangeSkeleton.team, id: 'T00000000' },
      enterprise: { ...exchangeSkeleton.enterprise, id: 'E00000000' },
      authed_user: { ...exchangeSkeleton.authed_user, token_type: 'user' },
    };
    const parsed = parseExchangeResponse(body);
    expect(parsed.expires_in).toBe(123);
    expect(parsed.authed_user?.expires_in).toBe(123);
    expect(parsed.team).toEqual({ id: 'T00000000', name: '' });
    expect(parsed.incoming_webhook?.configuration_url).toBe('');
    expect(parsed.is_enterprise_install).toBe(false);
  });

  it('keeps fields it does not know', () => {
    const parsed = parseExchangeResponse({ ...exchangeDocs.success.example, brand_new: { x: 1 } });
    expect(parsed).toHaveProperty('brand_new', { x: 1 });
  });

  it('refuses error envelopes and wrong types without quoting the body', () => {
    expect(() => parseExchangeResponse(exchangeDocs.error.example)).toThrow(UnexpectedResponse);
    expect(() => parseExchangeResponse({ ...exchangeDocs.success.example, token_type: 'xoxb-secret' })).toThrow(
      /token_type/,
    );
    try {
      parseExchangeResponse({ ...exchangeDocs.success_with_token_rotation.example, expires_in: 'xoxe-1-secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnexpectedResponse);
      expect(error).not.toBeInstanceOf(CourierFailure);
      expect((error as Error).message).toContain('expires_in');
      expect((error as Error).message).not.toContain('xoxe');
    }
  });
});

describe('auth.test schema', () => {
  it('accepts the documented examples and the all-fields skeleton', () => {
    expect(parseAuthTest(authTestDocs.success.example).team_id).toBe('T12345678');
    expect(parseAuthTest(authTestDocs.success_with_bot_token.example).bot_id).toBe('BZYBOTHED');
    const skeleton = parseAuthTest(successFrom(authTestSkeleton));
    expect(skeleton.expires_in).toBe(12345);
    expect(skeleton.enterprise_id).toBe('E00000000');
    expect(parseAuthTest({ ...authTestDocs.success.example, user: null, expires_in: null }).user).toBeNull();
  });

  it('refuses an answer without a team', () => {
    const { team_id: _team, ...noTeam } = authTestDocs.success.example;
    expect(() => parseAuthTest(noTeam)).toThrow(UnexpectedResponse);
  });
});

describe('refresh response schema', () => {
  const flat = {
    ok: true,
    access_token: 'xoxe.xoxp-1-new',
    refresh_token: 'xoxe-1-new',
    expires_in: 43200,
    token_type: 'user',
    scope: 'chat:write,users:write',
    app_id: 'A0KRD7HC3',
    team: { id: 'T9TK3CUKW', name: 'Slack Softball Team' },
    enterprise: null,
    is_enterprise_install: false,
    user_id: 'U1234',
  };

  it('accepts the flat shape for user and bot tokens', () => {
    expect(parseRefreshResponse(flat).user_id).toBe('U1234');
    expect(parseRefreshResponse({ ...flat, token_type: 'bot', bot_user_id: 'U0KRQLJ9H' }).token_type).toBe('bot');
  });

  it('refuses the nested exchange shape, which carries no top-level user token', () => {
    expect(() => parseRefreshResponse(exchangeDocs.success_with_sign_in_with_slack.example)).toThrow(
      UnexpectedResponse,
    );
  });
});

describe('linkFromExchange', () => {
  it('ends each chain’s refresh token after the lifetime given (a PKCE profile), or never', () => {
    const exchange = parseExchangeResponse(exchangeDocs.success_with_token_rotation.example);
    const month = 30 * 86_400_000;
    const pkce = linkFromExchange(exchange, authTest, 'p1', NOW, month).chains;
    expect(pkce.map((chain) => [chain.kind, chain.refreshExpiresAt])).toEqual([
      ['bot', NOW + month],
      ['user', NOW + month],
    ]);
    const confidential = linkFromExchange(exchange, authTest, 'p1', NOW).chains;
    expect(confidential.every((chain) => !('refreshExpiresAt' in chain))).toBe(true);
  });

  it('links a rotating install into an account with a bot and a user chain', () => {
    const exchange = parseExchangeResponse(exchangeDocs.success_with_token_rotation.example);
    const { account, chains } = linkFromExchange(exchange, authTest, 'p1', NOW);
    expect(account).toStrictEqual({
      id: 'p1:T9TK3CUKW',
      profileId: 'p1',
      teamId: 'T9TK3CUKW',
      teamName: 'Slack Softball Team',
      teamUrl: 'https://subarachnoid.slack.com/',
      enterpriseId: 'E12345678',
      enterpriseName: 'slack-sports',
      appId: 'A0KRD7HC3',
      botUserId: 'U0KRQLJ9H',
      authedUserId: 'U1234',
      botScopes: ['commands', 'incoming-webhook'],
      userScopes: ['chat:write'],
      status: 'connected',
      linkedAt: NOW,
      updatedAt: NOW,
    });
    expect(chains).toStrictEqual([
      {
        id: 'p1:T9TK3CUKW:bot',
        accountId: 'p1:T9TK3CUKW',
        kind: 'bot',
        accessToken: 'xoxe.xoxb-1-..',
        refreshToken: 'xoxe-1-...',
        expiresAt: NOW + TWELVE_HOURS,
        lifetimeMs: TWELVE_HOURS,
        scopes: ['commands', 'incoming-webhook'],
        version: 0,
        refreshedAt: NOW,
      },
      {
        id: 'p1:T9TK3CUKW:user',
        accountId: 'p1:T9TK3CUKW',
        kind: 'user',
        accessToken: 'xoxe.xoxp-1234',
        refreshToken: 'xoxe-1-...',
        expiresAt: NOW + TWELVE_HOURS,
        lifetimeMs: TWELVE_HOURS,
        scopes: ['chat:write'],
        version: 0,
        refreshedAt: NOW,
      },
    ]);
  });

  it('gives non-rotating tokens no expiry and no refresh token', () => {
    const { chains } = linkFromExchange(parseExchangeResponse(exchangeDocs.success.example), authTest, 'p1', NOW);
    expect(chains.map((chain) => Object.keys(chain).sort())).toEqual([
      ['accessToken', 'accountId', 'id', 'kind', 'refreshedAt', 'scopes', 'version'],
      ['accessToken', 'accountId', 'id', 'kind', 'refreshedAt', 'scopes', 'version'],
    ]);
  });

  it('links a user-only install, naming the team from auth.test when the exchange does not', () => {
    const exchange = parseExchangeResponse(exchangeDocs.success_with_sign_in_with_slack.example);
    const userTest = parseAuthTest({ ...authTestDocs.success.example, team_id: 'T024BE7LD' });
    const { account, chains } = linkFromExchange(exchange, userTest, 'p2', NOW);
    expect(account.teamName).toBe('Subarachnoid Workspace');
    expect(account.botScopes).toEqual([]);
    expect(account).not.toHaveProperty('botUserId');
    expect(account).not.toHaveProperty('enterpriseId');
    expect(chains.map((chain) => chain.kind)).toEqual(['user']);
  });

  it('refuses org-wide installs with a sentence that says so', () => {
    const exchange = parseExchangeResponse({
      ...exchangeDocs.success.example,
      team: null,
      is_enterprise_install: true,
    });
    expect(() => linkFromExchange(exchange, authTest, 'p1', NOW)).toThrow(/Enterprise organization.*single workspace/);
  });

  it('refuses an answer without tokens and one whose workspaces disagree', () => {
    const { access_token: _bot, authed_user: _user, ...bare } = exchangeDocs.success.example;
    const noTokens = parseExchangeResponse({ ...bare, authed_user: { id: 'U1234' } });
    expect(() => linkFromExchange(noTokens, authTest, 'p1', NOW)).toThrow(LinkError);
    expect(() => linkFromExchange(noTokens, authTest, 'p1', NOW)).toThrow(/bot or user scope/);
    const exchange = parseExchangeResponse(exchangeDocs.success.example);
    const other = parseAuthTest(authTestDocs.success.example);
    const error = (() => {
      try {
        linkFromExchange(exchange, other, 'p1', NOW);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(CourierFailure);
    expect(error).toMatchObject({ problem: 'team_mismatch', kind: 'slack_error' });
  });
});

describe('chainFromRefresh', () => {
  const previous: Chain = {
    id: 'p1:T1:bot',
    accountId: 'p1:T1',
    kind: 'bot',
    accessToken: 'xoxe.xoxb-old',
    refreshToken: 'xoxe-1-old',
    expiresAt: NOW + 60_000,
    lifetimeMs: TWELVE_HOURS,
    scopes: ['chat:write'],
    version: 4,
    refreshedAt: NOW - TWELVE_HOURS,
    dead: { code: 'ratelimited', at: NOW - 1 },
  };
  const later = NOW + 1000;
  const refresh = parseRefreshResponse({
    ok: true,
    access_token: 'xoxe.xoxb-new',
    refresh_token: 'xoxe-1-new',
    expires_in: 43200,
    token_type: 'bot',
    scope: 'chat:write,files:write',
  });

  it('rotates both tokens and bumps the version', () => {
    expect(chainFromRefresh(previous, refresh, later)).toStrictEqual({
      id: 'p1:T1:bot',
      accountId: 'p1:T1',
      kind: 'bot',
      accessToken: 'xoxe.xoxb-new',
      refreshToken: 'xoxe-1-new',
      expiresAt: later + TWELVE_HOURS,
      lifetimeMs: TWELVE_HOURS,
      scopes: ['chat:write', 'files:write'],
      version: 5,
      refreshedAt: later,
    });
  });

  it('keeps the old refresh token and scopes when the answer lacks them', () => {
    const { refresh_token: _r, scope: _s, ...bare } = refresh;
    const next = chainFromRefresh(previous, parseRefreshResponse(bare), later);
    expect(next.refreshToken).toBe('xoxe-1-old');
    expect(next.scopes).toEqual(['chat:write']);
  });

  it('gives a PKCE chain’s new refresh token its own end; a kept old one keeps the end it had', () => {
    const month = 30 * 86_400_000;
    expect(chainFromRefresh(previous, refresh, later, month).refreshExpiresAt).toBe(later + month);
    expect(chainFromRefresh(previous, refresh, later)).not.toHaveProperty('refreshExpiresAt');
    const { refresh_token: _r, ...bare } = refresh;
    const kept = { ...previous, refreshExpiresAt: NOW + 5 };
    expect(chainFromRefresh(kept, parseRefreshResponse(bare), later, month).refreshExpiresAt).toBe(NOW + 5);
    // A kept token whose end Courier never knew does not get 30 days it may not have.
    expect(chainFromRefresh(previous, parseRefreshResponse(bare), later, month)).not.toHaveProperty('refreshExpiresAt');
  });

  it('treats granular_bot as bot and refuses a token of the other kind', () => {
    expect(chainFromRefresh(previous, { ...refresh, token_type: 'granular_bot' }, later).kind).toBe('bot');
    expect(() => chainFromRefresh(previous, { ...refresh, token_type: 'user' }, later)).toThrow(UnexpectedResponse);
  });
});
