import * as z from 'zod/mini';
import { read, write, type MethodTable } from '../tier-rules';
import { okResponse, topicSchema, ts } from './common';
import { messageSchema } from './messages';
import { teamSchema } from './teams';
import { userSchema } from './users';

/**
 * A conversation object: public or private channel, DM (im) or group DM (mpim). Only `id` is
 * always there: conversations.open may answer `{ id }` alone, and DMs lack names.
 */
export const conversationSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  name_normalized: z.optional(z.string()),
  is_channel: z.optional(z.boolean()),
  is_group: z.optional(z.boolean()),
  is_im: z.optional(z.boolean()),
  is_mpim: z.optional(z.boolean()),
  is_private: z.optional(z.boolean()),
  is_archived: z.optional(z.boolean()),
  is_general: z.optional(z.boolean()),
  is_member: z.optional(z.boolean()),
  is_open: z.optional(z.boolean()),
  is_read_only: z.optional(z.boolean()),
  is_thread_only: z.optional(z.boolean()),
  is_frozen: z.optional(z.boolean()),
  is_shared: z.optional(z.boolean()),
  is_ext_shared: z.optional(z.boolean()),
  is_org_shared: z.optional(z.boolean()),
  is_pending_ext_shared: z.optional(z.boolean()),
  is_global_shared: z.optional(z.boolean()),
  is_org_default: z.optional(z.boolean()),
  is_org_mandatory: z.optional(z.boolean()),
  created: z.optional(z.number()),
  creator: z.optional(z.string()),
  updated: z.optional(z.number()),
  unlinked: z.optional(z.number()),
  topic: z.optional(topicSchema),
  purpose: z.optional(topicSchema),
  previous_names: z.optional(z.array(z.string())),
  /** Only with include_num_members, and in conversations.list. */
  num_members: z.optional(z.number()),
  locale: z.optional(z.string()),
  /** DMs: the other user. */
  user: z.optional(z.string()),
  is_user_deleted: z.optional(z.boolean()),
  priority: z.optional(z.number()),
  last_read: z.optional(ts),
  /** The latest message, or null. */
  latest: z.nullish(messageSchema),
  unread_count: z.optional(z.number()),
  unread_count_display: z.optional(z.number()),
  context_team_id: z.optional(z.string()),
  conversation_host_id: z.optional(z.string()),
  enterprise_id: z.optional(z.string()),
  parent_conversation: z.nullish(z.string()),
  shared_team_ids: z.optional(z.array(z.string())),
  internal_team_ids: z.optional(z.array(z.string())),
  connected_team_ids: z.optional(z.array(z.string())),
  pending_shared: z.optional(z.array(z.string())),
  pending_connected_team_ids: z.optional(z.array(z.string())),
  /** Tabs, canvas, posting restrictions…: kept as sent. */
  properties: z.optional(z.looseObject({})),
});
export type Conversation = z.output<typeof conversationSchema>;

/** One Slack Connect invite in conversations.listConnectInvites. */
export const connectInviteSchema = z.looseObject({
  direction: z.optional(z.string()),
  status: z.optional(z.string()),
  invite_type: z.optional(z.string()),
  date_last_updated: z.optional(z.number()),
  invite: z.optional(
    z.looseObject({
      id: z.optional(z.string()),
      date_created: z.optional(z.number()),
      date_invalid: z.optional(z.number()),
      inviting_team: z.optional(teamSchema),
      inviting_user: z.optional(userSchema),
      recipient_email: z.optional(z.string()),
      recipient_user_id: z.optional(z.string()),
      link: z.optional(z.string()),
    }),
  ),
  channel: z.optional(conversationSchema),
  acceptances: z.optional(z.array(z.looseObject({}))),
});
export type ConnectInvite = z.output<typeof connectInviteSchema>;

export const conversationsCreateResponse = okResponse({
  channel: conversationSchema,
});

export const conversationsInfoResponse = okResponse({
  channel: conversationSchema,
});

export const conversationsInviteResponse = okResponse({
  channel: conversationSchema,
  /** With force=true: the users that could not be invited. */
  errors: z.optional(
    z.array(
      z.looseObject({
        user: z.optional(z.string()),
        ok: z.optional(z.boolean()),
        error: z.optional(z.string()),
      }),
    ),
  ),
});

export const conversationsInviteSharedResponse = okResponse({
  invite_id: z.optional(z.string()),
  url: z.optional(z.string()),
  conf_code: z.optional(z.string()),
  is_legacy_shared_channel: z.optional(z.boolean()),
});

/** Joining a channel twice is not an error: `warning: "already_in_channel"`. */
export const conversationsJoinResponse = okResponse({
  channel: conversationSchema,
});

export const conversationsKickResponse = okResponse({
  /** Slack's example shows an empty object. */
  errors: z.optional(z.looseObject({})),
});

/** Leaving a conversation one is not in is not an error: `not_in_channel: true`. */
export const conversationsLeaveResponse = okResponse({
  not_in_channel: z.optional(z.boolean()),
});

export const conversationsListResponse = okResponse({
  channels: z.array(conversationSchema),
});

export const conversationsListConnectInvitesResponse = okResponse({
  invites: z.array(connectInviteSchema),
});

export const conversationsMembersResponse = okResponse({
  /** User ids. */
  members: z.array(z.string()),
});

export const conversationsOpenResponse = okResponse({
  /** Just `{ id }` unless return_im was set. */
  channel: conversationSchema,
  no_op: z.optional(z.boolean()),
  already_open: z.optional(z.boolean()),
});

export const conversationsRenameResponse = okResponse({
  channel: conversationSchema,
});

/** users.conversations lives here: it answers conversation objects. */
export const usersConversationsResponse = okResponse({
  channels: z.array(conversationSchema),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const CONVERSATIONS_METHODS = {
  'conversations.create': { response: conversationsCreateResponse, ...write(2) },
  'conversations.info': { response: conversationsInfoResponse, ...read(3) },
  'conversations.members': { response: conversationsMembersResponse, ...read(4) },
  'conversations.list': { response: conversationsListResponse, ...read(2) },
  'conversations.invite': { response: conversationsInviteResponse, ...write(3) },
  'conversations.inviteShared': { response: conversationsInviteSharedResponse, ...write(2) },
  'conversations.listConnectInvites': { response: conversationsListConnectInvitesResponse, ...read(1) },
  'conversations.join': { response: conversationsJoinResponse, ...write(3) },
  'conversations.leave': { response: conversationsLeaveResponse, ...write(3) },
  'conversations.kick': { response: conversationsKickResponse, ...write(3) },
  'conversations.open': { response: conversationsOpenResponse, ...write(3) },
  'conversations.rename': { response: conversationsRenameResponse, ...write(2) },
  // The spec says Tier 3 (the java SDK's metadata says Tier 2; a 429 would still be ridden out).
  'users.conversations': { response: usersConversationsResponse, ...read(3) },
} as const satisfies MethodTable;
