// One person: users.info, users.lookupByEmail and users.profile.get.
import { SlackError, bool, str } from '../envelope';
import { statusOf, userJson } from '../serialize';
import type { MethodContext, MethodDef } from './types';

function canSeeEmail(ctx: MethodContext): boolean {
  return ctx.chain.scopes.includes('users:read.email');
}

export const userLookupMethods: MethodDef[] = [
  {
    name: 'users.info',
    tier: 4,
    auth: 'token',
    scopes: () => ['users:read'],
    accepted: ['users:read'],
    handler: (ctx) => {
      const user = ctx.ws.usersById.get(str(ctx.params, 'user') ?? '');
      if (!user) throw new SlackError('user_not_found');
      const json = userJson(ctx.ws, user, canSeeEmail(ctx), Math.floor(ctx.state.now() / 1000));
      if (bool(ctx.params, 'include_locale')) json.locale = 'en-US';
      return { user: json };
    },
  },
  {
    name: 'users.lookupByEmail',
    tier: 3,
    auth: 'token',
    scopes: () => ['users:read.email'],
    accepted: ['users:read.email'],
    handler: (ctx) => {
      const email = str(ctx.params, 'email')?.toLowerCase();
      const user = email ? ctx.ws.users.find((u) => !u.isBot && u.email.toLowerCase() === email) : undefined;
      if (!user) throw new SlackError('users_not_found');
      return { user: userJson(ctx.ws, user, true, Math.floor(ctx.state.now() / 1000)) };
    },
  },
  {
    name: 'users.profile.get',
    tier: 4,
    auth: 'token',
    scopes: () => ['users.profile:read'],
    accepted: ['users.profile:read'],
    handler: (ctx) => {
      const user = ctx.ws.usersById.get(str(ctx.params, 'user') ?? ctx.caller.id);
      if (!user) throw new SlackError('user_not_found');
      const now = Math.floor(ctx.state.now() / 1000);
      const base = userJson(ctx.ws, user, canSeeEmail(ctx), now).profile as Record<string, unknown>;
      const profile = {
        ...base,
        fields: {},
        status_emoji_display_info: [],
        status_expiration: statusOf(user, now).expiration,
        huddle_state: 'default_unset',
        huddle_state_expiration_ts: 0,
      };
      return { profile };
    },
  },
];
