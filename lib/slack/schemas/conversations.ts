import { z } from 'zod';
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
  name: z.string().optional(),
  name_normalized: z.string().optional(),
  is_channel: z.boolean().optional(),
  is_group: z.boolean().optional(),
  is_im: z.boolean().optional(),
  is_mpim: z.boolean().optional(),
  is_private: z.boolean().optional(),
  is_archived: z.boolean().optional(),
  is_general: z.boolean().optional(),
  is_member: z.boolean().optional(),
  is_open: z.boolean().optional(),
  is_read_only: z.boolean().optional(),
  is_thread_only: z.boolean().optional(),
  is_frozen: z.boolean().optional(),
  is_shared: z.boolean().optional(),
  is_ext_shared: z.boolean().optional(),
  is_org_shared: z.boolean().optional(),
  is_pending_ext_shared: z.boolean().optional(),
  is_global_shared: z.boolean().optional(),
  is_org_default: z.boolean().optional(),
  is_org_mandatory: z.boolean().optional(),
  created: z.number().optional(),
  creator: z.string().optional(),
  updated: z.number().optional(),
  unlinked: z.number().optional(),
  topic: topicSchema.optional(),
  purpose: topicSchema.optional(),
  previous_names: z.array(z.string()).optional(),
  /** Only with include_num_members, and in conversations.list. */
  num_members: z.number().optional(),
  locale: z.string().optional(),
  /** DMs: the other user. */
  user: z.string().optional(),
  is_user_deleted: z.boolean().optional(),
  priority: z.number().optional(),
  last_read: ts.optional(),
  /** The latest message, or null. */
  latest: messageSchema.nullish(),
  unread_count: z.number().optional(),
  unread_count_display: z.number().optional(),
  context_team_id: z.string().optional(),
  conversation_host_id: z.string().optional(),
  enterprise_id: z.string().optional(),
  parent_conversation: z.string().nullish(),
  shared_team_ids: z.array(z.string()).optional(),
  internal_team_ids: z.array(z.string()).optional(),
  connected_team_ids: z.array(z.string()).optional(),
  pending_shared: z.array(z.string()).optional(),
  pending_connected_team_ids: z.array(z.string()).optional(),
  /** Tabs, canvas, posting restrictions…: kept as sent. */
  properties: z.looseObject({}).optional(),
});
export type Conversation = z.output<typeof conversationSchema>;

/** One Slack Connect invite in conversations.listConnectInvites. */
export const connectInviteSchema = z.looseObject({
  direction: z.string().optional(),
  status: z.string().optional(),
  invite_type: z.string().optional(),
  date_last_updated: z.number().optional(),
  invite: z
    .looseObject({
      id: z.string().optional(),
      date_created: z.number().optional(),
      date_invalid: z.number().optional(),
      inviting_team: teamSchema.optional(),
      inviting_user: userSchema.optional(),
      recipient_email: z.string().optional(),
      recipient_user_id: z.string().optional(),
      link: z.string().optional(),
    })
    .optional(),
  channel: conversationSchema.optional(),
  acceptances: z.array(z.looseObject({})).optional(),
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
  errors: z
    .array(
      z.looseObject({
        user: z.string().optional(),
        ok: z.boolean().optional(),
        error: z.string().optional(),
      }),
    )
    .optional(),
});

export const conversationsInviteSharedResponse = okResponse({
  invite_id: z.string().optional(),
  url: z.string().optional(),
  conf_code: z.string().optional(),
  is_legacy_shared_channel: z.boolean().optional(),
});

/** Joining a channel twice is not an error: `warning: "already_in_channel"`. */
export const conversationsJoinResponse = okResponse({
  channel: conversationSchema,
});

export const conversationsKickResponse = okResponse({
  /** Slack's example shows an empty object. */
  errors: z.looseObject({}).optional(),
});

/** Leaving a conversation one is not in is not an error: `not_in_channel: true`. */
export const conversationsLeaveResponse = okResponse({
  not_in_channel: z.boolean().optional(),
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
  no_op: z.boolean().optional(),
  already_open: z.boolean().optional(),
});

export const conversationsRenameResponse = okResponse({
  channel: conversationSchema,
});

/** users.conversations lives here: it answers conversation objects. */
export const usersConversationsResponse = okResponse({
  channels: z.array(conversationSchema),
});
