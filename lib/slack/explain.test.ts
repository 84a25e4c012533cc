import { describe, expect, it } from 'vitest';
import { SlackApiError, SlackTransportError } from './errors';
import { explainSlackError, scopeList } from './explain';

const TOKEN = 'xoxb-1234567890-0987654321-abcdefABCDEF';

describe('explain', () => {
  it.each([
    'not_in_channel',
    'channel_not_found',
    'is_archived',
    'ratelimited',
    'invalid_auth',
    'token_revoked',
    'account_inactive',
    'not_allowed_token_type',
    'msg_too_long',
    'no_text',
    'message_not_found',
    'cant_update_message',
    'cant_delete_message',
    'time_in_past',
    'time_too_far',
    'name_taken',
    'invalid_name',
    'already_in_channel',
    'cant_invite_self',
    'user_not_found',
    'users_not_found',
    'file_not_found',
    'already_public',
    'not_authed',
    'restricted_action',
  ])('has its own sentence for %s', (code) => {
    const sentence = explainSlackError(code);
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(sentence).not.toContain(code);
  });

  it('names the scopes missing_scope needs, and those the token has', () => {
    const sentence = explainSlackError('missing_scope', { needed: 'users:read', provided: 'chat:write,channels:read' });
    expect(sentence).toBe(
      "This needs the Slack scope users:read, which the token doesn't have (it has chat:write, channels:read). Add it to the connector profile and reconnect the workspace.",
    );
    expect(explainSlackError('missing_scope', { needed: 'a:b,c:d' })).toContain('scopes a:b, c:d');
  });

  it("names Slack's code when it has no sentence, and nothing that doesn't look like a code", () => {
    expect(explainSlackError('some_new_error')).toBe('Slack refused with "some_new_error".');
    expect(explainSlackError(TOKEN)).not.toContain('xoxb');
    expect(explainSlackError('toString')).not.toContain('function');
    expect(explainSlackError('missing_scope', { needed: TOKEN, provided: `${TOKEN},chat:write` })).not.toContain(
      'xoxb',
    );
  });

  it('keeps only strings that look like scopes', () => {
    expect(scopeList('chat:write, users:read.email ,<b>x</b>,')).toEqual(['chat:write', 'users:read.email']);
  });

  it('puts the sentence on the errors', () => {
    expect(new SlackApiError('chat.postMessage', 'no_text').sentence).toBe(explainSlackError('no_text'));
    expect(new SlackTransportError('users.list', 'rate_limited', { retryAfter: 30 }).sentence).toContain('30 s');
    expect(new SlackTransportError('users.list', 'http_error', { status: 503 }).sentence).toContain('HTTP 503');
  });
});
