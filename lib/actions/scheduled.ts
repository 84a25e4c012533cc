// Messages Slack posts later.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import {
  channelId,
  cursor,
  limit,
  messageBody,
  messageOptions,
  postingOptions,
  teamId,
  timeBound,
  filled,
} from './fields';
import { broadcastInThread, hasBody } from './messages';

export const scheduleMessage = defineAction({
  id: 'schedule_message',
  title: 'Schedule Message',
  description: 'Schedules a message for Slack to post at a given time (up to 120 days ahead).',
  group: 'messages',
  methods: ['chat.scheduleMessage'],
  example: { channel: 'C0123456789', post_at: 1_900_000_000, text: 'Later' },
  input: z
    .strictObject({
      channel: channelId('Channel, DM or user id to post to.'),
      post_at: z.int().check(z.positive(), z.describe('When to post, in unix seconds.')),
      ...messageBody,
      ...postingOptions,
      ...messageOptions,
    })
    .check(hasBody, broadcastInThread),
  token: 'either-bot',
  scopes: { bot: ['chat:write'], user: ['chat:write'] },
  run: passTo('chat.scheduleMessage'),
});

export const deleteScheduledMessage = defineAction({
  id: 'delete_scheduled_message',
  title: 'Delete Scheduled Message',
  description: 'Cancels a scheduled message before Slack posts it.',
  group: 'messages',
  methods: ['chat.deleteScheduledMessage'],
  example: { channel: 'C0123456789', scheduled_message_id: 'Q1298393284' },
  input: z.strictObject({
    channel: channelId('Channel the message is scheduled for.'),
    scheduled_message_id: filled().check(z.describe('Id (Q…) returned by Schedule Message.')),
  }),
  token: 'either-bot',
  scopes: { bot: ['chat:write'], user: ['chat:write'] },
  run: passTo('chat.deleteScheduledMessage'),
});

export const listScheduledMessages = defineAction({
  id: 'list_scheduled_messages',
  title: 'List Scheduled Messages',
  description: 'Lists the messages this app has scheduled and Slack has not posted yet.',
  group: 'messages',
  methods: ['chat.scheduledMessages.list'],
  example: { channel: 'C0123456789', limit: 10 },
  input: z.strictObject({
    channel: z.optional(channelId('Only messages scheduled for this channel.')),
    oldest: z.optional(timeBound('Only messages scheduled after this time (unix seconds).')),
    latest: z.optional(timeBound('Only messages scheduled before this time (unix seconds).')),
    team_id: z.optional(teamId()),
    limit: limit(),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: { bot: [], user: [] },
  pages: { items: 'scheduled_messages' },
  run: passTo('chat.scheduledMessages.list'),
});

export const SCHEDULED_ACTIONS = [scheduleMessage, deleteScheduledMessage, listScheduledMessages];
