import { describe, expect, it } from 'vitest';
import type { ActionView } from '@/lib/protocol';
import { defaultActionIds, missingForAccount, scopesForActionViews } from './action-scopes';

const view = (
  id: string,
  token: ActionView['token'],
  bot: string[],
  user: string[],
  group = 'messages',
): ActionView => ({
  id,
  title: id,
  description: '',
  group,
  token,
  botScopes: bot,
  userScopes: user,
  fields: [],
});

const actions = [
  view('send_message', 'either-bot', ['chat:write'], ['chat:write']),
  view('set_user_presence', 'either-user', ['users:write'], ['users:write'], 'users'),
  view('share_file_public_url', 'user', [], ['files:write'], 'files'),
  view('invite_shared_conversation', 'bot', ['conversations.connect:write'], [], 'connect'),
];

describe('scopes from actions', () => {
  it('asks for the preferred token kind of each chosen action only', () => {
    expect(scopesForActionViews(actions, ['set_user_presence', 'share_file_public_url'])).toEqual({
      bot: [],
      user: ['files:write', 'users:write'],
    });
  });

  it('adds what the channel picker reads once sending is enabled', () => {
    expect(scopesForActionViews(actions, ['send_message', 'set_user_presence', 'share_file_public_url'])).toEqual({
      bot: ['channels:read', 'chat:write', 'groups:read', 'im:read', 'mpim:read', 'users:read'],
      user: ['files:write', 'users:write'],
    });
  });

  it('leaves Slack Connect off by default', () => {
    expect(defaultActionIds(actions)).toEqual(['send_message', 'set_user_presence', 'share_file_public_url']);
  });

  it('reports what a linked account lacks, judged on the chain the action would use', () => {
    expect(missingForAccount(actions[0]!, { bot: ['chat:write'], user: [] })).toEqual([]);
    expect(missingForAccount(actions[1]!, { bot: ['chat:write'], user: ['users:read'] })).toEqual(['users:write']);
    // No user chain at all: the either-user action falls back to the bot chain.
    expect(missingForAccount(actions[1]!, { bot: ['users:write'], user: [] })).toEqual([]);
    expect(missingForAccount(actions[2]!, { bot: ['files:write'], user: [] })).toEqual(['files:write']);
  });
});
