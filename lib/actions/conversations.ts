// Channels, DMs and group DMs: finding, creating, joining and naming them.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import {
  channelId,
  conversationTypes,
  cursor,
  exactlyOne,
  flag,
  limit,
  teamId,
  userId,
  userIds,
  filled,
} from './fields';

// Reading conversations needs the scope of each kind; public channels are the minimum.
const READ = { bot: ['channels:read'], user: ['channels:read'] };
// Granular bots manage channels with channels:manage where user tokens use channels:write.
const MANAGE = { bot: ['channels:manage'], user: ['channels:write'] };

const channelName = (help: string) =>
  filled().check(z.maxLength(80), z.describe(`${help} Lowercase letters, numbers, hyphens and underscores.`));

export const createConversation = defineAction({
  id: 'create_conversation',
  title: 'Create Conversation',
  description: 'Creates a public or private channel.',
  group: 'conversations',
  methods: ['conversations.create'],
  example: { name: 'project-x', is_private: false },
  input: z.strictObject({
    name: channelName('Name of the new channel (at most 80 characters).'),
    is_private: z.optional(flag('Create a private channel (needs groups:write).')),
    team_id: z.optional(teamId()),
  }),
  token: 'either-bot',
  scopes: MANAGE,
  run: passTo('conversations.create'),
});

export const getConversation = defineAction({
  id: 'get_conversation',
  title: 'Get Conversation',
  description: "Returns a conversation's details: name, topic, purpose, membership.",
  group: 'conversations',
  methods: ['conversations.info'],
  example: { channel: 'C0123456789', include_num_members: true },
  input: z.strictObject({
    channel: channelId('Conversation to look up.'),
    include_locale: z.optional(flag('Include the locale of the conversation.')),
    include_num_members: z.optional(flag('Include the number of members.')),
  }),
  token: 'either-bot',
  scopes: READ,
  run: passTo('conversations.info'),
});

export const listConversations = defineAction({
  id: 'list_conversations',
  title: 'List Conversations',
  description: 'Lists the conversations in the workspace that this token can see.',
  group: 'conversations',
  methods: ['conversations.list'],
  example: { types: ['public_channel', 'private_channel'], exclude_archived: true },
  input: z.strictObject({
    types: conversationTypes(),
    exclude_archived: z.optional(flag('Leave archived channels out.')),
    team_id: z.optional(teamId()),
    limit: limit(),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: READ,
  pages: { items: 'channels' },
  run: passTo('conversations.list', 'types'),
});

export const listUserConversations = defineAction({
  id: 'list_user_conversations',
  title: 'List User Conversations',
  description: 'Lists the conversations a user (by default, this token) is a member of.',
  group: 'conversations',
  methods: ['users.conversations'],
  example: { user: 'U0123456789', types: ['im'] },
  input: z.strictObject({
    user: z.optional(userId('Member whose conversations to list; defaults to the token itself.')),
    types: conversationTypes(),
    exclude_archived: z.optional(flag('Leave archived channels out.')),
    exclude_muted: z.optional(flag('Leave channels the user muted out.')),
    team_id: z.optional(teamId()),
    limit: limit(),
    cursor: cursor(),
  }),
  // "My conversations" means the person's, so a user token is preferred when there is one.
  token: 'either-user',
  scopes: READ,
  pages: { items: 'channels' },
  run: passTo('users.conversations', 'types'),
});

export const joinConversation = defineAction({
  id: 'join_conversation',
  title: 'Join Conversation',
  description: 'Joins a public channel.',
  group: 'conversations',
  methods: ['conversations.join'],
  example: { channel: 'C0123456789' },
  input: z.strictObject({ channel: channelId('Public channel to join.') }),
  token: 'either-bot',
  scopes: { bot: ['channels:join'], user: ['channels:write'] },
  run: passTo('conversations.join'),
});

export const leaveConversation = defineAction({
  id: 'leave_conversation',
  title: 'Leave Conversation',
  description: 'Leaves a conversation.',
  group: 'conversations',
  methods: ['conversations.leave'],
  example: { channel: 'C0123456789' },
  input: z.strictObject({ channel: channelId('Conversation to leave.') }),
  token: 'either-bot',
  scopes: MANAGE,
  run: passTo('conversations.leave'),
});

export const renameConversation = defineAction({
  id: 'rename_conversation',
  title: 'Rename Conversation',
  description: 'Renames a channel.',
  group: 'conversations',
  methods: ['conversations.rename'],
  example: { channel: 'C0123456789', name: 'project-y' },
  input: z.strictObject({
    channel: channelId('Channel to rename.'),
    name: channelName('New name (at most 80 characters).'),
  }),
  token: 'either-bot',
  scopes: MANAGE,
  run: passTo('conversations.rename'),
});

export const openConversation = defineAction({
  id: 'open_conversation',
  title: 'Open Conversation',
  description: 'Opens (or finds) a DM with one person or a group DM with up to 8.',
  group: 'conversations',
  methods: ['conversations.open'],
  example: { users: ['U0123456789'] },
  input: z
    .strictObject({
      users: z.optional(userIds('People to talk to: one gives a DM, 2 to 8 a group DM.', 8)),
      channel: z.optional(channelId('An existing DM or group DM to resume, instead of users.')),
      return_im: z.optional(flag('Return the full DM object.')),
      prevent_creation: z.optional(flag('Only find an existing DM; never create one.')),
      // The SDK's (Channel | Users): a DM is named by its people or by its id.
    })
    .check(exactlyOne('users', 'channel')),
  token: 'either-bot',
  scopes: { bot: ['im:write'], user: ['im:write'] },
  run: passTo('conversations.open', 'users'),
});

export const CONVERSATION_ACTIONS = [
  createConversation,
  getConversation,
  listConversations,
  listUserConversations,
  joinConversation,
  leaveConversation,
  renameConversation,
  openConversation,
];
