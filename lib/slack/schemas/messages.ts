import { z } from 'zod';
import { numberish, okOnlyResponse, okResponse, ts } from './common';
import { fileSchema } from './files';

/** A Block Kit block. Only its `type` is checked; the block itself is kept as sent. */
export const blockSchema = z.looseObject({
  type: z.string(),
  block_id: z.string().optional(),
});

/** A legacy (secondary) attachment. */
export const attachmentSchema = z.looseObject({
  id: z.number().optional(),
  fallback: z.string().optional(),
  color: z.string().optional(),
  pretext: z.string().optional(),
  title: z.string().optional(),
  title_link: z.string().optional(),
  text: z.string().optional(),
  image_url: z.string().optional(),
  thumb_url: z.string().optional(),
  service_name: z.string().optional(),
  footer: z.string().optional(),
  blocks: z.array(blockSchema).optional(),
});

export const reactionSchema = z.looseObject({
  name: z.string(),
  count: z.number().optional(),
  users: z.array(z.string()).optional(),
});

/** Fields of a message object. `ts` is optional here: echoed and scheduled messages can lack it. */
const messageShape = {
  type: z.string().optional(),
  subtype: z.string().optional(),
  ts: ts.optional(),
  thread_ts: ts.optional(),
  user: z.string().optional(),
  bot_id: z.string().nullish(),
  app_id: z.string().optional(),
  username: z.string().optional(),
  team: z.string().optional(),
  text: z.string().optional(),
  blocks: z.array(blockSchema).optional(),
  attachments: z.array(attachmentSchema).optional(),
  files: z.array(fileSchema).optional(),
  upload: z.boolean().optional(),
  display_as_bot: z.boolean().optional(),
  reactions: z.array(reactionSchema).optional(),
  edited: z.looseObject({ user: z.string().optional(), ts: ts.optional() }).optional(),
  client_msg_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  reply_count: z.number().optional(),
  reply_users: z.array(z.string()).optional(),
  reply_users_count: z.number().optional(),
  latest_reply: ts.optional(),
  subscribed: z.boolean().optional(),
  last_read: ts.optional(),
  unread_count: z.number().optional(),
  is_locked: z.boolean().optional(),
  metadata: z
    .looseObject({
      event_type: z.string().optional(),
      event_payload: z.looseObject({}).optional(),
    })
    .optional(),
  bot_profile: z
    .looseObject({
      id: z.string().optional(),
      app_id: z.string().optional(),
      name: z.string().optional(),
      team_id: z.string().optional(),
      deleted: z.boolean().optional(),
      updated: z.number().optional(),
    })
    .optional(),
};

/** A message as echoed by chat.postMessage, chat.update, chat.scheduleMessage or a conversation's `latest`. */
export const messageSchema = z.looseObject({
  ...messageShape,
  /** The thread parent, for a reply broadcast to the channel. */
  root: z.looseObject(messageShape).optional(),
});
export type SlackMessage = z.output<typeof messageSchema>;

/** A message read from a conversation (history, replies): Slack always sends its `ts`. */
export const storedMessageSchema = messageSchema.extend({ ts });
export type StoredMessage = z.output<typeof storedMessageSchema>;

/** An entry of chat.scheduledMessages.list. */
export const scheduledMessageSchema = z.looseObject({
  /** "Q…" ids; one of Slack's own examples shows a bare number. */
  id: z.union([z.string(), z.number()]),
  channel_id: z.string(),
  post_at: numberish,
  date_created: numberish.optional(),
  text: z.string().optional(),
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
  message: messageSchema.optional(),
  /** True when Slack recognised a retried post and did not post it twice. */
  is_duplicate: z.boolean().optional(),
});

export const chatScheduleMessageResponse = okResponse({
  channel: z.string(),
  scheduled_message_id: z.string(),
  /** Unix seconds; Slack's examples send it as a string. */
  post_at: numberish,
  message: messageSchema.optional(),
});

export const chatScheduledMessagesListResponse = okResponse({
  scheduled_messages: z.array(scheduledMessageSchema),
});

export const chatUpdateResponse = okResponse({
  channel: z.string(),
  ts,
  text: z.string().optional(),
  message: messageSchema.optional(),
});

export const conversationsHistoryResponse = okResponse({
  messages: z.array(storedMessageSchema),
  has_more: z.boolean().optional(),
  pin_count: z.number().optional(),
  /** True when the workspace's plan hides older messages. */
  is_limited: z.boolean().optional(),
  /** The `latest`/`oldest` bounds echoed back. */
  latest: ts.optional(),
  oldest: ts.optional(),
  channel_actions_ts: numberish.nullish(),
  channel_actions_count: z.number().optional(),
});

export const conversationsRepliesResponse = okResponse({
  messages: z.array(storedMessageSchema),
  has_more: z.boolean().optional(),
});
