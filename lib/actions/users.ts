// People in the workspace: lookups, profiles and presence.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import { cursor, flag, limit, teamId, userId } from './fields';

const READ = { bot: ['users:read'], user: ['users:read'] };

export const getUser = defineAction({
  id: 'get_user',
  title: 'Get User',
  description: "Returns a person's account: names, time zone, roles and profile.",
  group: 'users',
  methods: ['users.info'],
  example: { user: 'U0123456789' },
  input: z.strictObject({
    user: userId('Person to look up.'),
    include_locale: z.optional(flag("Include the person's locale.")),
  }),
  token: 'either-bot',
  scopes: READ,
  run: passTo('users.info'),
});

export const getUserByEmail = defineAction({
  id: 'get_user_by_email',
  title: 'Get User By Email',
  description: 'Finds a person in the workspace by their email address.',
  group: 'users',
  methods: ['users.lookupByEmail'],
  example: { email: 'someone@example.com' },
  input: z.strictObject({ email: z.email().check(z.describe('Email address of the person.')) }),
  token: 'either-bot',
  scopes: { bot: ['users:read.email'], user: ['users:read.email'] },
  run: passTo('users.lookupByEmail'),
});

export const getUserPresence = defineAction({
  id: 'get_user_presence',
  title: 'Get User Presence',
  description: 'Tells whether a person (by default, you) is active or away.',
  group: 'users',
  methods: ['users.getPresence'],
  example: { user: 'U0123456789' },
  input: z.strictObject({ user: z.optional(userId('Person to check; defaults to the token itself.')) }),
  // "My presence" means the person's, so a user token is preferred when there is one.
  token: 'either-user',
  scopes: READ,
  run: passTo('users.getPresence'),
});

export const setUserPresence = defineAction({
  id: 'set_user_presence',
  title: 'Set User Presence',
  description: 'Sets you to away, or back to automatic presence.',
  group: 'users',
  methods: ['users.setPresence'],
  example: { presence: 'away' },
  input: z.strictObject({
    presence: z.enum(['auto', 'away']).check(z.describe('"away" to appear away; "auto" to let Slack decide.')),
  }),
  // With a bot token Slack would set the bot's presence, not the person's.
  token: 'either-user',
  scopes: { bot: ['users:write'], user: ['users:write'] },
  run: passTo('users.setPresence'),
});

export const getUserProfile = defineAction({
  id: 'get_user_profile',
  title: 'Get User Profile',
  description: "Returns a person's profile (by default, yours): names, title, status and custom fields.",
  group: 'users',
  methods: ['users.profile.get'],
  example: { user: 'U0123456789' },
  input: z.strictObject({
    user: z.optional(userId('Person whose profile to read; defaults to the token itself.')),
    include_labels: z.optional(flag('Include the labels of custom fields (heavily rate-limited).')),
  }),
  token: 'either-user',
  scopes: { bot: ['users.profile:read'], user: ['users.profile:read'] },
  run: passTo('users.profile.get'),
});

export const listUsers = defineAction({
  id: 'list_users',
  title: 'List Users',
  description: 'Lists everyone in the workspace, including bots and deactivated accounts.',
  group: 'users',
  methods: ['users.list'],
  example: { limit: 100 },
  input: z.strictObject({
    include_locale: z.optional(flag("Include each person's locale.")),
    team_id: z.optional(teamId()),
    limit: limit(),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: READ,
  pages: { items: 'members' },
  run: passTo('users.list'),
});

export const USER_ACTIONS = [getUser, getUserByEmail, getUserPresence, setUserPresence, getUserProfile, listUsers];
