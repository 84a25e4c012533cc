import { describe, expect, it } from 'vitest';
import { CourierFailure, toWireError } from './errors';
import { SlackApiError, SlackTransportError } from './slack/errors';

const TOKEN = 'xoxb-1111-2222-secretsecret';

describe('toWireError', () => {
  it('passes Courier failures through, with their field', () => {
    expect(
      toWireError(new CourierFailure('invalid_input', 'Send Message: channel is required.', { field: 'channel' })),
    ).toEqual({ kind: 'invalid_input', message: 'Send Message: channel is required.', field: 'channel' });
    expect(toWireError(new CourierFailure('offline', 'Queued.'))).toEqual({ kind: 'offline', message: 'Queued.' });
  });

  it.each([
    ['missing_scope', 'missing_scope'],
    ['not_in_channel', 'not_in_channel'],
    ['ratelimited', 'rate_limited'],
    ['rate_limited', 'rate_limited'],
    ['invalid_auth', 'needs_reconnect'],
    ['token_revoked', 'needs_reconnect'],
    ['account_inactive', 'needs_reconnect'],
    ['not_authed', 'needs_reconnect'],
    ['token_expired', 'needs_reconnect'],
    ['channel_not_found', 'slack_error'],
    ['some_new_error', 'slack_error'],
  ])('maps Slack %s to %s, with its sentence', (code, kind) => {
    const error = new SlackApiError('chat.postMessage', code, { needed: 'chat:write', provided: 'users:read' });
    expect(toWireError(error)).toMatchObject({ kind, message: error.sentence });
  });

  it('tells which scopes to add for missing_scope', () => {
    const wire = toWireError(
      new SlackApiError('users.list', 'missing_scope', { needed: 'users:read', provided: 'chat:write' }),
    );
    expect(wire.message).toContain('users:read');
    expect(wire.message).toContain('reconnect');
    // Structured too, so "Reconnect" can ask Slack for exactly these.
    expect(wire.scopes).toEqual(['users:read']);
  });

  it.each([
    ['network', 'offline'],
    ['timeout', 'offline'],
    ['rate_limited', 'rate_limited'],
    ['http_error', 'slack_error'],
    ['garbage', 'slack_error'],
  ] as const)('maps a %s transport failure to %s', (failure, kind) => {
    const error = new SlackTransportError('users.list', failure, { status: 502, retryAfter: 12 });
    expect(toWireError(error)).toEqual({ kind, message: error.sentence });
  });

  it('says how long to wait when rate limited', () => {
    const wire = toWireError(new SlackTransportError('users.list', 'rate_limited', { retryAfter: 42 }));
    expect(wire.message).toContain('42 s');
  });

  it('reduces anything else to a generic sentence, and never shows a token', () => {
    const wire = toWireError(new Error(`fetch https://slack.com/api/x?token=${TOKEN} failed`));
    expect(wire.kind).toBe('internal');
    expect(wire.message).not.toContain(TOKEN);
    expect(JSON.stringify(toWireError(new SlackApiError('x', TOKEN)))).not.toContain(TOKEN);
  });
});
