// The person's status and notification pause: users.profile.set's status fields and dnd.*. These
// methods have no spec in Slack's reference set; their arguments follow the SDK's types.
import * as z from 'zod/mini';
import { EMOJI_NAME, STATUS_TEXT_MAX } from '../status/limits';
import { defineAction, passTo, slackCall } from './define';

const statusProfile = z
  .strictObject({
    status_text: z.optional(
      z.string().check(z.maxLength(STATUS_TEXT_MAX), z.describe('What the status says (at most 100 characters).')),
    ),
    status_emoji: z.optional(
      z.string().check(
        z.refine((value) => value === '' || EMOJI_NAME.test(value), 'must be an emoji short name such as :calendar:'),
        z.describe('Emoji short name, such as :calendar:; empty clears it.'),
      ),
    ),
    status_expiration: z.optional(
      z.int().check(z.minimum(0), z.describe('When the status clears, in unix seconds; 0 keeps it.')),
    ),
  })
  .check(
    z.describe(
      'The status fields to set, e.g. {"status_text":"In a meeting","status_emoji":":calendar:","status_expiration":1712345678}; empty text and emoji clear it.',
    ),
  );

export const setUserStatus = defineAction({
  id: 'set_user_status',
  title: 'Set User Status',
  description: 'Sets your status: its emoji, its text and when it clears.',
  group: 'users',
  methods: ['users.profile.set'],
  example: {
    profile: { status_text: 'In a meeting', status_emoji: ':calendar:', status_expiration: 1_900_000_000 },
  },
  input: z.strictObject({ profile: statusProfile }),
  // Slack sets the status of the token's own user: the person's, so a user token.
  token: 'user',
  scopes: { bot: [], user: ['users.profile:write'] },
  run: async (ctx, input) => {
    const { profile } = await slackCall(ctx, 'users.profile.set', { profile: input.profile });
    return {
      status_text: profile.status_text ?? '',
      status_emoji: profile.status_emoji ?? '',
      status_expiration: profile.status_expiration ?? 0,
    };
  },
});

export const pauseNotifications = defineAction({
  id: 'pause_notifications',
  title: 'Pause Notifications',
  description: 'Turns on Do Not Disturb for a number of minutes, or changes how long it lasts.',
  group: 'users',
  methods: ['dnd.setSnooze'],
  example: { num_minutes: 60 },
  input: z.strictObject({
    num_minutes: z.int().check(z.positive(), z.describe('Minutes from now until notifications resume.')),
  }),
  token: 'user',
  scopes: { bot: [], user: ['dnd:write'] },
  run: passTo('dnd.setSnooze'),
});

export const resumeNotifications = defineAction({
  id: 'resume_notifications',
  title: 'Resume Notifications',
  description: 'Ends your Do Not Disturb snooze now.',
  group: 'users',
  methods: ['dnd.endSnooze'],
  example: {},
  input: z.strictObject({}),
  token: 'user',
  scopes: { bot: [], user: ['dnd:write'] },
  run: passTo('dnd.endSnooze'),
});

export const getNotificationPause = defineAction({
  id: 'get_notification_pause',
  title: 'Get Notification Pause',
  description: 'Tells whether your notifications are paused (Do Not Disturb), and until when.',
  group: 'users',
  methods: ['dnd.info'],
  example: {},
  input: z.strictObject({}),
  token: 'user',
  scopes: { bot: [], user: ['dnd:read'] },
  run: passTo('dnd.info'),
});

export const STATUS_ACTIONS = [setUserStatus, pauseNotifications, resumeNotifications, getNotificationPause];
