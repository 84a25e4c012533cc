// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isScope, splitScopes } from './scopes';

describe('Slack scopes', () => {
  it.each([
    'chat:write',
    'channels:read',
    'users:read.email',
    'chat:write.public',
    'files:write',
    'users.profile:read',
    'conversations.connect:manage',
    'channels:write.invites',
    'app_mentions:read',
    'remote_files:share',
    'incoming-webhook',
    'commands',
    'identity.basic',
  ])('accepts %s', (scope) => {
    expect(isScope(scope)).toBe(true);
  });

  it.each([
    '',
    'Chat:write',
    'chat:',
    ':write',
    'chat::write',
    'chat:write.',
    '.chat:write',
    'chat write',
    'chat-:write',
    'chat:write!',
    'xoxb-1234-abcd',
    '0123456789abcdef0123456789abcdef',
  ])('refuses %j', (text) => {
    expect(isScope(text)).toBe(false);
  });

  it('splits text on commas, spaces and newlines, dropping blanks and repeats', () => {
    expect(splitScopes('chat:write, channels:read\nusers:read  chat:write,,')).toEqual([
      'chat:write',
      'channels:read',
      'users:read',
    ]);
  });

  it('splits list items too, so a pasted line inside a list still works', () => {
    expect(splitScopes(['chat:write', 'files:write files:read', ''])).toEqual([
      'chat:write',
      'files:write',
      'files:read',
    ]);
    expect(splitScopes(undefined)).toEqual([]);
  });
});
