import { SlackError, int, str } from '../envelope';
import type { User } from '../model';
import { paginate } from '../pagination';
import { userJson } from '../serialize';
import type { MethodDef } from './types';

// Slack answers users.list without a limit with everyone, except on large teams.
const UNPAGED_USERS_MAX = 1000;

function presenceOf(user: User): 'active' | 'away' {
  return !user.manualAway && user.online ? 'active' : 'away';
}

export const userMethods: MethodDef[] = [
  {
    name: 'users.list',
    tier: 2,
    auth: 'token',
    scopes: () => ['users:read'],
    accepted: ['users:read'],
    handler: ({ ws, chain, params, state }) => {
      const limit = int(params, 'limit');
      if (!limit && ws.users.length > UNPAGED_USERS_MAX) throw new SlackError('limit_required');
      const options = { prefix: 'user', defaultLimit: ws.users.length || 1, maxLimit: 1000 };
      const page = paginate(ws.users, (u) => u.id, params, options);
      const includeEmail = chain.scopes.includes('users:read.email');
      return {
        members: page.items.map((u) => userJson(ws, u, includeEmail, Math.floor(state.now() / 1000))),
        cache_ts: Math.floor(state.now() / 1000),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  {
    name: 'users.getPresence',
    tier: 3,
    auth: 'token',
    scopes: () => ['users:read'],
    accepted: ['users:read'],
    handler: ({ ws, caller, params }) => {
      const user = ws.usersById.get(str(params, 'user') ?? caller.id);
      if (!user) throw new SlackError('user_not_found');
      if (user.id !== caller.id) return { presence: presenceOf(user) };
      return {
        presence: presenceOf(user),
        online: user.online,
        auto_away: !user.online && !user.manualAway,
        manual_away: user.manualAway,
        connection_count: user.online ? 1 : 0,
        last_activity: user.lastActivity,
      };
    },
  },
  {
    // The brief for this emulator makes presence a user-token action; Slack's spec also lists a
    // bot scope, so flip tokenTypes if the extension needs bot presence.
    name: 'users.setPresence',
    tier: 2,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['users:write'],
    accepted: ['users:write'],
    handler: ({ caller, params, state }) => {
      const presence = str(params, 'presence');
      if (presence !== 'auto' && presence !== 'away') throw new SlackError('invalid_presence');
      caller.manualAway = presence === 'away';
      caller.lastActivity = Math.floor(state.now() / 1000);
      return {};
    },
  },
];
