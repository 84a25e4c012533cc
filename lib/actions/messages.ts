// Posting, editing and reading messages.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import {
  channelId,
  cursor,
  customization,
  entityMetadata,
  flag,
  limit,
  messageBody,
  messageOptions,
  needs,
  notBoth,
  oneOf,
  postMetadata,
  postingOptions,
  timeBound,
  ts,
  unfurledAttachments,
  userId,
} from './fields';

const CHAT_WRITE = { bot: ['chat:write'], user: ['chat:write'] };
// Reading a conversation needs the scope of its kind; the public one is the minimum to be useful.
const HISTORY = { bot: ['channels:history'], user: ['channels:history'] };

// Slack needs something to show: text, blocks, attachments or markdown_text (the SDK's MessageContents).
export const hasBody = oneOf('text', 'blocks', 'attachments', 'markdown_text');
// A reply is broadcast only from a thread (the SDK's BroadcastedThreadReply).
export const broadcastInThread = needs('reply_broadcast', 'thread_ts');
// The SDK's Icon: an emoji or a URL, never both.
const oneIcon = notBoth('icon_emoji', 'icon_url');

const historyRange = {
  oldest: z.optional(timeBound('Only messages after this time (unix seconds or a ts).')),
  latest: z.optional(timeBound('Only messages before this time (unix seconds or a ts).')),
  inclusive: z.optional(flag('Include messages exactly at oldest or latest.')),
  include_all_metadata: z.optional(flag('Return all metadata attached to the messages.')),
};

export const sendMessage = defineAction({
  id: 'send_message',
  title: 'Send Message',
  description: 'Posts a message to a channel, DM or thread.',
  group: 'messages',
  methods: ['chat.postMessage'],
  example: { channel: 'C0123456789', text: 'Hello' },
  input: z
    .strictObject({
      channel: channelId('Channel, DM or user id (a user id opens the DM), or a channel name.'),
      ...messageBody,
      ...postingOptions,
      ...messageOptions,
      metadata: z.optional(postMetadata),
      mrkdwn: z.optional(flag('Set false to send the text without Slack formatting.')),
      current_draft_last_updated_ts: z.optional(
        ts('When the draft this message sends was last updated, so Slack can check it is the latest.'),
      ),
      ...customization,
    })
    .check(hasBody, broadcastInThread, oneIcon),
  token: 'either-bot',
  scopes: CHAT_WRITE,
  run: passTo('chat.postMessage'),
});

export const updateMessage = defineAction({
  id: 'update_message',
  title: 'Update Message',
  description: 'Edits a message this token posted; fields left out are reset to their defaults.',
  group: 'messages',
  methods: ['chat.update'],
  example: { channel: 'C0123456789', ts: '1712345678.000100', text: 'Edited' },
  input: z
    .strictObject({
      channel: channelId('Channel of the message; for a DM the D… id, not the user id.'),
      ts: ts('Timestamp of the message to edit.'),
      ...messageBody,
      ...messageOptions,
      reply_broadcast: z.optional(flag('Also show this thread reply in the channel.')),
      unfurled_attachments: z.optional(unfurledAttachments),
      file_ids: z.optional(
        z.array(z.string().check(z.minLength(1))).check(z.describe('Ids of files to attach to the message.')),
      ),
    })
    .check(hasBody),
  token: 'either-bot',
  scopes: CHAT_WRITE,
  run: passTo('chat.update'),
});

export const deleteMessage = defineAction({
  id: 'delete_message',
  title: 'Delete Message',
  description: 'Deletes a message (a bot token deletes only its own messages).',
  group: 'messages',
  methods: ['chat.delete'],
  example: { channel: 'C0123456789', ts: '1712345678.000100' },
  input: z.strictObject({
    channel: channelId('Channel of the message.'),
    ts: ts('Timestamp of the message to delete.'),
  }),
  token: 'either-bot',
  scopes: CHAT_WRITE,
  run: passTo('chat.delete'),
});

export const sendEphemeralMessage = defineAction({
  id: 'send_ephemeral_message',
  title: 'Send Ephemeral Message',
  description: 'Shows a message to one member of a channel only, until they reload.',
  group: 'messages',
  methods: ['chat.postEphemeral'],
  example: { channel: 'C0123456789', user: 'U0123456789', text: 'Psst' },
  input: z
    .strictObject({
      channel: channelId('Channel the member is in.'),
      user: userId('Member who sees the message.'),
      ...messageBody,
      thread_ts: z.optional(ts('Parent message ts; shown only if the thread is active.')),
      parse: messageOptions.parse,
      link_names: messageOptions.link_names,
      metadata: z.optional(entityMetadata),
      ...customization,
    })
    .check(hasBody, oneIcon),
  token: 'either-bot',
  scopes: CHAT_WRITE,
  run: passTo('chat.postEphemeral'),
});

export const getMessagePermalink = defineAction({
  id: 'get_message_permalink',
  title: 'Get Message Permalink',
  description: 'Returns a link that opens the message in Slack.',
  group: 'messages',
  methods: ['chat.getPermalink'],
  example: { channel: 'C0123456789', message_ts: '1712345678.000100' },
  input: z.strictObject({
    channel: channelId('Channel of the message.'),
    message_ts: ts('Timestamp of the message.'),
  }),
  token: 'either-bot',
  scopes: { bot: [], user: [] },
  run: passTo('chat.getPermalink'),
});

export const listMessages = defineAction({
  id: 'list_messages',
  title: 'List Messages',
  description: "Lists a conversation's messages, newest first (a bot must be a member).",
  group: 'messages',
  methods: ['conversations.history'],
  example: { channel: 'C0123456789', oldest: '0', limit: 10 },
  input: z.strictObject({
    channel: channelId('Conversation to read.'),
    ...historyRange,
    limit: limit(),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: HISTORY,
  pages: { items: 'messages' },
  run: passTo('conversations.history'),
});

export const listThreadReplies = defineAction({
  id: 'list_thread_replies',
  title: 'List Thread Replies',
  description: 'Lists a thread: the parent message first, then its replies.',
  group: 'messages',
  methods: ['conversations.replies'],
  example: { channel: 'C0123456789', ts: '1712345678.000100' },
  input: z.strictObject({
    channel: channelId('Conversation of the thread.'),
    ts: ts('Timestamp of the parent message (or of any message in the thread).'),
    ...historyRange,
    limit: limit(1000),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: HISTORY,
  pages: { items: 'messages' },
  run: passTo('conversations.replies'),
});

// Slack's emoji names: lower case, digits, _ + ' -, and a skin tone after "::" (thumbsup::skin-tone-2).
const EMOJI_NAME = /^:?[a-z0-9_+'-]+(::skin-tone-[2-6])?:?$/;

export const addReaction = defineAction({
  id: 'add_reaction',
  title: 'Add Reaction',
  description: 'Adds an emoji reaction to a message.',
  group: 'messages',
  methods: ['reactions.add'],
  example: { channel: 'C0123456789', timestamp: '1712345678.000100', name: 'thumbsup' },
  input: z.strictObject({
    channel: channelId('Channel of the message.'),
    timestamp: ts('Timestamp of the message to react to.'),
    name: z
      .string()
      .check(
        z.regex(EMOJI_NAME, 'must be an emoji name such as thumbsup'),
        z.describe('Emoji name, without colons: thumbsup, eyes, white_check_mark.'),
      ),
  }),
  // A reaction is the person's own: their token first.
  token: 'either-user',
  scopes: { bot: ['reactions:write'], user: ['reactions:write'] },
  run: async (ctx, input) => passTo('reactions.add')(ctx, { ...input, name: input.name.replaceAll(/^:|:$/g, '') }),
});

export const MESSAGE_ACTIONS = [
  sendMessage,
  updateMessage,
  deleteMessage,
  addReaction,
  sendEphemeralMessage,
  getMessagePermalink,
  listMessages,
  listThreadReplies,
];
