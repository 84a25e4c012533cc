// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, codeExchangeParams, refreshParams } from './authorize';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const base = {
  baseUrl: 'https://slack.com',
  clientId: '1234567890.1234567890',
  botScopes: ['chat:write', 'channels:read'],
  userScopes: ['users:write'],
  redirectUri: REDIRECT,
  state: 'state-123',
};

describe('authorize URL', () => {
  it("points at the profile's Slack and carries comma-joined scopes", () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(`${url.origin}${url.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '1234567890.1234567890',
      scope: 'chat:write,channels:read',
      user_scope: 'users:write',
      redirect_uri: REDIRECT,
      state: 'state-123',
    });
  });

  it('encodes every value, so a redirect URL with a query stays one parameter', () => {
    const href = buildAuthorizeUrl({ ...base, redirectUri: 'https://x.example/cb?a=1&b=2', state: 'a+b/c=' });
    expect(href).toContain('redirect_uri=https%3A%2F%2Fx.example%2Fcb%3Fa%3D1%26b%3D2');
    expect(new URL(href).searchParams.get('state')).toBe('a+b/c=');
  });

  it('leaves out empty scope lists', () => {
    const botOnly = new URL(buildAuthorizeUrl({ ...base, userScopes: [] })).searchParams;
    expect(botOnly.has('user_scope')).toBe(false);
    const userOnly = new URL(buildAuthorizeUrl({ ...base, botScopes: [] })).searchParams;
    expect(userOnly.has('scope')).toBe(false);
    expect(userOnly.get('user_scope')).toBe('users:write');
  });

  it('adds team on reconnect and the S256 challenge for public clients', () => {
    const params = new URL(buildAuthorizeUrl({ ...base, team: 'T9TK3CUKW', codeChallenge: 'E9Melhoa2Owv' }))
      .searchParams;
    expect(params.get('team')).toBe('T9TK3CUKW');
    expect(params.get('code_challenge')).toBe('E9Melhoa2Owv');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(new URL(buildAuthorizeUrl(base)).searchParams.has('code_challenge_method')).toBe(false);
  });

  it('uses a loopback test server and tolerates a trailing slash', () => {
    expect(buildAuthorizeUrl({ ...base, baseUrl: 'http://127.0.0.1:4567/' })).toMatch(
      /^http:\/\/127\.0\.0\.1:4567\/oauth\/v2\/authorize\?client_id=/,
    );
  });
});

describe('token requests', () => {
  const exchange = { clientId: '1.2', code: 'code-1', redirectUri: REDIRECT };

  it('sends the secret for a confidential client', () => {
    expect(Object.fromEntries(codeExchangeParams({ ...exchange, clientSecret: 's3cr3t-s3cr3t' }))).toEqual({
      client_id: '1.2',
      client_secret: 's3cr3t-s3cr3t',
      code: 'code-1',
      redirect_uri: REDIRECT,
    });
  });

  it('sends the verifier and no secret for a public client', () => {
    const params = codeExchangeParams({ ...exchange, clientSecret: undefined, codeVerifier: 'verifier-1' });
    expect(Object.fromEntries(params)).toEqual({
      client_id: '1.2',
      code: 'code-1',
      redirect_uri: REDIRECT,
      code_verifier: 'verifier-1',
    });
  });

  it('refuses both or neither of secret and verifier', () => {
    expect(() => codeExchangeParams({ ...exchange, clientSecret: 'x', codeVerifier: 'y' })).toThrow(TypeError);
    expect(() => codeExchangeParams({ ...exchange, clientSecret: '' })).toThrow(TypeError);
  });

  it('refreshes with grant_type=refresh_token and no PKCE values', () => {
    expect(
      Object.fromEntries(refreshParams({ clientId: '1.2', clientSecret: 'sec', refreshToken: 'xoxe-1-r' })),
    ).toEqual({
      client_id: '1.2',
      client_secret: 'sec',
      grant_type: 'refresh_token',
      refresh_token: 'xoxe-1-r',
    });
    expect(Object.fromEntries(refreshParams({ clientId: '1.2', refreshToken: 'xoxe-1-r' }))).toEqual({
      client_id: '1.2',
      grant_type: 'refresh_token',
      refresh_token: 'xoxe-1-r',
    });
  });
});
