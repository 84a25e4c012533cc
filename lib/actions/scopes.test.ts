// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionById } from './catalog';
import { pickToken } from './runner';
import { missingScopes, scopesForActions } from './scopes';
import type { ActionDef } from './types';

const action = (id: string) => actionById(id) as ActionDef;

describe('scopesForActions', () => {
  it("adds each action's scopes for the token it prefers, once each", () => {
    expect(scopesForActions(['send_message', 'delete_message', 'set_user_presence', 'share_file_public_url'])).toEqual({
      bot: ['chat:write'],
      user: ['files:write', 'users:write'],
    });
  });

  it('needs nothing for actions that need no scope, or ids it does not know', () => {
    expect(scopesForActions(['get_message_permalink', 'no_such_action'])).toEqual({ bot: [], user: [] });
  });

  it('gives a bot scope for every bot-preferring action in the catalog', () => {
    const all = scopesForActions(ACTIONS.map((entry) => entry.id));
    expect(all.bot).toContain('conversations.connect:manage');
    expect(all.bot).toContain('channels:join');
    expect(all.user).toContain('users:write');
    expect(all.bot).not.toContain('channels:write');
  });
});

describe('missingScopes', () => {
  it('is empty when the chain the runner would use has every scope', () => {
    expect(missingScopes(action('send_message'), ['chat:write'], [])).toEqual({ bot: [], user: [] });
    expect(missingScopes(action('get_message_permalink'), ['team:read'], [])).toEqual({ bot: [], user: [] });
  });

  it('names the scopes the chosen chain lacks', () => {
    expect(missingScopes(action('get_unified_user'), ['users:read'], [])).toEqual({
      bot: ['users:read.email'],
      user: [],
    });
  });

  it('looks at the chain the runner picks: a user chain for presence when there is one', () => {
    expect(missingScopes(action('set_user_presence'), ['users:write'], ['users:read'])).toEqual({
      bot: [],
      user: ['users:write'],
    });
    expect(pickToken(action('set_user_presence'), { bot: true, user: true })).toBe('user');
    // No user chain: the bot one is used, and it has the scope.
    expect(missingScopes(action('set_user_presence'), ['users:write'], [])).toEqual({ bot: [], user: [] });
  });

  it('asks for the user scope when a user-only action meets a bot-only account', () => {
    expect(missingScopes(action('share_file_public_url'), ['files:write'], [])).toEqual({
      bot: [],
      user: ['files:write'],
    });
  });
});
