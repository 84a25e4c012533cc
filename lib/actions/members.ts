// Who is in a conversation: inviting, removing and listing members.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import { channelId, cursor, flag, limit, userId, userIds } from './fields';

export const inviteUsersToConversation = defineAction({
  id: 'invite_users_to_conversation',
  title: 'Invite Users To Conversation',
  description: 'Adds up to 100 people to a channel (a bot must be a member).',
  group: 'conversations',
  methods: ['conversations.invite'],
  example: { channel: 'C0123456789', users: ['U0123456789', 'U0987654321'] },
  input: z.strictObject({
    channel: channelId('Channel to add them to.'),
    users: userIds('People to add (at most 100).', 100),
    force: z.optional(flag('Add the valid people even if some ids are invalid.')),
  }),
  token: 'either-bot',
  scopes: { bot: ['channels:write.invites'], user: ['channels:write.invites'] },
  run: passTo('conversations.invite', 'users'),
});

export const removeUserFromConversation = defineAction({
  id: 'remove_user_from_conversation',
  title: 'Remove User From Conversation',
  description: 'Removes a person from a channel.',
  group: 'conversations',
  methods: ['conversations.kick'],
  example: { channel: 'C0123456789', user: 'U0123456789' },
  input: z.strictObject({
    channel: channelId('Channel to remove them from.'),
    // Slack's spec marks user optional, but the SDK requires it: the call has nobody to remove without it.
    user: userId('Person to remove.'),
  }),
  token: 'either-bot',
  scopes: { bot: ['channels:manage'], user: ['channels:write'] },
  run: passTo('conversations.kick'),
});

export const listConversationMembers = defineAction({
  id: 'list_conversation_members',
  title: 'List Conversation Members',
  description: 'Lists the user ids of the members of a conversation.',
  group: 'conversations',
  methods: ['conversations.members'],
  example: { channel: 'C0123456789' },
  input: z.strictObject({
    channel: channelId('Conversation whose members to list.'),
    limit: limit(),
    cursor: cursor(),
  }),
  token: 'either-bot',
  scopes: { bot: ['channels:read'], user: ['channels:read'] },
  pages: { items: 'members' },
  run: passTo('conversations.members'),
});

export const MEMBER_ACTIONS = [inviteUsersToConversation, removeUserFromConversation, listConversationMembers];
