// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import { classifyFailure, explain } from './classify';
import { RAN_OUT_CODE } from './run-out';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

describe('classifyFailure', () => {
  it.each([
    'network',
    'timeout',
    'garbage',
    'http_error',
    'rate_limited',
    'ratelimited',
    'service_unavailable',
    'internal_error',
    'fatal_error',
    'request_timeout',
    'org_login_required',
    'team_added_to_org',
    'unknown_error',
  ])('retries %s', (code) => {
    expect(classifyFailure(code)).toBe('transient');
  });

  it.each([
    'invalid_refresh_token',
    'invalid_grant',
    'token_revoked',
    'account_inactive',
    'invalid_auth',
    'not_authed',
    'bad_client_secret',
    'invalid_client_id',
    'team_access_not_granted',
    'invalid_code',
    'pkce_not_allowed',
    'state_mismatch',
    'some_future_code',
  ])('gives up on %s', (code) => {
    expect(classifyFailure(code)).toBe('terminal');
  });

  it('refreshes once on token_expired', () => {
    expect(classifyFailure('token_expired')).toBe('expired');
  });

  it('reads HTTP statuses', () => {
    expect([429, 408, 425, 500, 502, 503, 504, 302].map(classifyFailure)).toEqual(Array(8).fill('transient'));
    expect([400, 401, 403, 404, 410].map(classifyFailure)).toEqual(Array(5).fill('terminal'));
  });

  it('is not fooled by inherited property names', () => {
    expect(classifyFailure('constructor')).toBe('terminal');
    expect(explain('constructor')).toBe(
      'Slack refused with "constructor". Try again, or reconnect the workspace if it keeps happening.',
    );
  });
});

describe('explain', () => {
  it('asks for the redirect URL to be added, quoting it', () => {
    expect(explain('bad_redirect_uri', { redirectUri: REDIRECT })).toMatch(
      /^Add this redirect URL to your Slack app: https:\/\/abcdefghijklmnop\.chromiumapp\.org\/ /,
    );
    expect(explain('bad_redirect_uri')).toContain('Diagnostics');
  });

  it('points at the profile field to fix', () => {
    expect(explain('bad_client_secret')).toContain('Client secret');
    expect(explain('invalid_client_id')).toContain('Client ID');
    expect(explain('pkce_not_allowed')).toContain('Turn on PKCE');
    expect(explain('pkce_not_allowed')).toContain('confidential client');
  });

  it('lists the requested scopes on invalid_scope when known', () => {
    expect(explain('invalid_scope', { scopes: ['chat:write', 'channels:read'] })).toContain(
      '(chat:write, channels:read)',
    );
    expect(explain('invalid_scope')).not.toContain('()');
  });

  it('says why a workspace needs a reconnect, by name', () => {
    for (const code of ['invalid_refresh_token', 'token_revoked', 'account_inactive', 'invalid_auth']) {
      expect(explain(code, { workspace: 'Acme' })).toMatch(/^Acme needs to reconnect: .+\.$/);
    }
    expect(explain('account_inactive')).toMatch(/^This workspace needs to reconnect: .*deactivated/);
    expect(explain('invalid_auth')).toContain('IP address');
  });

  it('says that a PKCE sign-in ran out, and that only a reconnect helps', () => {
    expect(classifyFailure(RAN_OUT_CODE)).toBe('terminal');
    expect(explain(RAN_OUT_CODE, { workspace: 'Acme Corp' })).toBe(
      "Acme Corp needs to reconnect: its sign-in ran out after 30 days without a refresh (Slack ends a PKCE app's sign-in 30 days after the last refresh).",
    );
  });

  it('covers the connect flow', () => {
    expect(explain('access_denied')).toContain('cancelled');
    expect(explain('state_mismatch')).toMatch(/forged.*Try connecting again/);
    expect(explain('invalid_code')).toContain('10 minutes');
    expect(explain('invalid_code_verifier')).toContain('PKCE');
  });

  it('names the host that cannot be reached and the base URL that answered garbage', () => {
    expect(explain('network', { baseUrl: 'https://slack-gov.com' })).toBe(
      "Courier can't reach slack-gov.com. Check that you're online, then try again.",
    );
    expect(explain('network')).toContain('slack.com');
    expect(explain('garbage', { baseUrl: 'http://127.0.0.1:4567' })).toBe(
      "Slack answered with something that isn't JSON. Check the profile's Slack base URL (http://127.0.0.1:4567).",
    );
  });

  it('explains HTTP statuses', () => {
    expect(explain(429)).toContain('limiting');
    expect(explain(503)).toContain('HTTP 503');
    expect(explain(404, { baseUrl: 'https://slack.example' })).toContain('Slack base URL (https://slack.example)');
  });

  it("falls back to a sentence that includes Slack's code", () => {
    expect(explain('some_future_code')).toBe(
      'Slack refused with "some_future_code". Try again, or reconnect the workspace if it keeps happening.',
    );
  });

  it('says a Slack code the way lib/slack/codes.ts does, naming the workspace', () => {
    expect(explain('ekm_access_denied')).toBe(explainSlackError('ekm_access_denied'));
    expect(explain('token_revoked', { workspace: 'Acme' })).toBe(
      'Acme needs to reconnect: its token was revoked, or the app was removed from the workspace.',
    );
    expect(explain('token_revoked')).toBe(explainSlackError('token_revoked'));
  });

  it('never echoes a token or secret passed where a code was expected', () => {
    for (const leak of ['xoxe.xoxb-1-abc', 'xoxe-1-MTIzNDU2', '0123456789abcdef0123456789abcdef', 'secret value']) {
      const sentence = explain(leak);
      expect(sentence).not.toContain(leak);
      expect(sentence).toContain('an unrecognised error');
    }
  });
});
