import * as z from 'zod/mini';
import { MINUTE, read, write, type MethodTable } from '../tier-rules';
import { numberish, okOnlyResponse, okResponse, ts } from './common';
import { fileSchema } from './files';

/** A Block Kit block. Only its `type` is checked; the block itself is kept as sent. */
export const blockSchema = z.looseObject({
  type: z.string(),
  block_id: z.optional(z.string()),
});

/** A legacy (secondary) attachment. */
export const attachmentSchema = z.looseObject({
  id: z.optional(z.number()),
  fallback: z.optional(z.string()),
  color: z.optional(z.string()),
  pretext: z.optional(z.string()),
  title: z.optional(z.string()),
  title_link: z.optional(z.string()),
  text: z.optional(z.string()),
  image_url: z.optional(z.string()),
  thumb_url: z.optional(z.string()),
  service_name: z.optional(z.string()),
  footer: z.optional(z.string()),
  blocks: z.optional(z.array(blockSchema)),
});

export const reactionSchema = z.looseObject({
  name: z.string(),
  count: z.optional(z.number()),
  users: z.optional(z.array(z.string())),
});

/** Fields of a message object. `ts` is optional here: echoed and scheduled messages can lack it. */
const messageShape = {
  type: z.optional(z.string()),
  subtype: z.optional(z.string()),
  ts: z.optional(ts),
  thread_ts: z.optional(ts),
  user: z.optional(z.string()),
  bot_id: z.nullish(z.string()),
  app_id: z.optional(z.string()),
  username: z.optional(z.string()),
  team: z.optional(z.string()),
  text: z.optional(z.string()),
  blocks: z.optional(z.array(blockSchema)),
  attachments: z.optional(z.array(attachmentSchema)),
  files: z.optional(z.array(fileSchema)),
  upload: z.optional(z.boolean()),
  display_as_bot: z.optional(z.boolean()),
  reactions: z.optional(z.array(reactionSchema)),
  edited: z.optional(z.looseObject({ user: z.optional(z.string()), ts: z.optional(ts) })),
  client_msg_id: z.optional(z.string()),
  parent_user_id: z.optional(z.string()),
  reply_count: z.optional(z.number()),
  reply_users: z.optional(z.array(z.string())),
  reply_users_count: z.optional(z.number()),
  latest_reply: z.optional(ts),
  subscribed: z.optional(z.boolean()),
  last_read: z.optional(ts),
  unread_count: z.optional(z.number()),
  is_locked: z.optional(z.boolean()),
  metadata: z.optional(
    z.looseObject({
      event_type: z.optional(z.string()),
      event_payload: z.optional(z.looseObject({})),
    }),
  ),
  bot_profile: z.optional(
    z.looseObject({
      id: z.optional(z.string()),
      app_id: z.optional(z.string()),
      name: z.optional(z.string()),
      team_id: z.optional(z.string()),
      deleted: z.optional(z.boolean()),
      updated: z.optional(z.number()),
    }),
  ),
};

/** A message as echoed by chat.postMessage, chat.update, chat.scheduleMessage or a conversation's `latest`. */
export const messageSchema = z.looseObject({
  ...messageShape,
  /** The thread parent, for a reply broadcast to the channel. */
  root: z.optional(z.looseObject(messageShape)),
});
export type SlackMessage = z.output<typeof messageSchema>;

/** A message read from a conversation (history, replies): Slack always sends its `ts`. */
export const storedMessageSchema = z.extend(messageSchema, { ts });
export type StoredMessage = z.output<typeof storedMessageSchema>;

/** An entry of chat.scheduledMessages.list. */
export const scheduledMessageSchema = z.looseObject({
  /** "Q…" ids; one of Slack's own examples shows a bare number. */
  id: z.union([z.string(), z.number()]),
  channel_id: z.string(),
  post_at: numberish,
  date_created: z.optional(numberish),
  text: z.optional(z.string()),
});
export type ScheduledMessage = z.output<typeof scheduledMessageSchema>;

export const chatDeleteResponse = okResponse({
  channel: z.string(),
  ts,
});

export const chatDeleteScheduledMessageResponse = okOnlyResponse;

export const chatGetPermalinkResponse = okResponse({
  channel: z.string(),
  permalink: z.string(),
});

export const chatPostEphemeralResponse = okResponse({
  message_ts: ts,
});

export const chatPostMessageResponse = okResponse({
  channel: z.string(),
  ts,
  message: z.optional(messageSchema),
  /** True when Slack recognised a retried post and did not post it twice. */
  is_duplicate: z.optional(z.boolean()),
});

export const chatScheduleMessageResponse = okResponse({
  channel: z.string(),
  scheduled_message_id: z.string(),
  /** Unix seconds; Slack's examples send it as a string. */
  post_at: numberish,
  message: z.optional(messageSchema),
});

export const chatScheduledMessagesListResponse = okResponse({
  scheduled_messages: z.array(scheduledMessageSchema),
});

export const chatUpdateResponse = okResponse({
  channel: z.string(),
  ts,
  text: z.optional(z.string()),
  message: z.optional(messageSchema),
});

export const conversationsHistoryResponse = okResponse({
  messages: z.array(storedMessageSchema),
  has_more: z.optional(z.boolean()),
  pin_count: z.optional(z.number()),
  /** True when the workspace's plan hides older messages. */
  is_limited: z.optional(z.boolean()),
  /** The `latest`/`oldest` bounds echoed back. */
  latest: z.optional(ts),
  oldest: z.optional(ts),
  channel_actions_ts: z.nullish(numberish),
  channel_actions_count: z.optional(z.number()),
});

export const conversationsRepliesResponse = okResponse({
  messages: z.array(storedMessageSchema),
  has_more: z.optional(z.boolean()),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const MESSAGES_METHODS = {
  // "About 1 per second per channel, short bursts allowed": 3 per 3 s keeps the average and
  // allows a burst of 3. Slack's workspace-wide cap is unpublished; its 429s still count.
  'chat.postMessage': {
    response: chatPostMessageResponse,
    ...write('special', { limit: 3, windowMs: 3_000, perChannel: true }),
  },
  'chat.postEphemeral': { response: chatPostEphemeralResponse, ...write(4) },
  'chat.update': { response: chatUpdateResponse, ...write(3) },
  'chat.delete': { response: chatDeleteResponse, ...write(3) },
  'chat.scheduleMessage': { response: chatScheduleMessageResponse, ...write(3) },
  'chat.deleteScheduledMessage': { response: chatDeleteScheduledMessageResponse, ...write(3) },
  'chat.scheduledMessages.list': { response: chatScheduledMessagesListResponse, ...read(3) },
  // "Hundreds per minute" (its method page): 200 is the floor of "hundreds".
  'chat.getPermalink': { response: chatGetPermalinkResponse, ...read('special', { limit: 200, windowMs: MINUTE }) },
  'conversations.history': { response: conversationsHistoryResponse, ...read(3) },
  // No spec in Slack's reference set: Tier 3 on its method page; the SDK's ReactionsAddResponse is ok only.
  'reactions.add': { response: okOnlyResponse, ...write(3) },
  'conversations.replies': { response: conversationsRepliesResponse, ...read(3) },
} as const satisfies MethodTable;
