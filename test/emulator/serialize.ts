// Slack-shaped JSON for the model, following the docs examples field for field.
import type { Conversation, User, Workspace } from './model';

function avatar(user: User, size: number): string {
  return `https://secure.gravatar.com/avatar/${user.id.toLowerCase()}.jpg?s=${size}&d=identicon`;
}

/** The status as Slack shows it at `nowSeconds`: gone once it has expired. */
export function statusOf(user: User, nowSeconds: number): { text: string; emoji: string; expiration: number } {
  const status = user.status;
  if (!status || (status.expiration > 0 && status.expiration <= nowSeconds))
    return { text: '', emoji: '', expiration: 0 };
  return status;
}

export function userJson(
  ws: Workspace,
  user: User,
  includeEmail: boolean,
  nowSeconds: number,
): Record<string, unknown> {
  const status = statusOf(user, nowSeconds);
  const profile: Record<string, unknown> = {
    avatar_hash: user.id.slice(-12).toLowerCase(),
    status_text: status.text,
    status_emoji: status.emoji,
    real_name: user.realName,
    display_name: user.displayName,
    real_name_normalized: user.realName,
    display_name_normalized: user.displayName,
    first_name: user.firstName,
    last_name: user.lastName,
    title: user.title,
    phone: '',
    skype: '',
    image_24: avatar(user, 24),
    image_32: avatar(user, 32),
    image_48: avatar(user, 48),
    image_72: avatar(user, 72),
    image_192: avatar(user, 192),
    image_512: avatar(user, 512),
    team: ws.id,
  };
  if (includeEmail && !user.isBot) profile.email = user.email;
  if (user.isBot) {
    profile.bot_id = user.botId;
    profile.api_app_id = user.appId;
    profile.always_active = false;
  }
  return {
    id: user.id,
    team_id: ws.id,
    name: user.name,
    deleted: user.deleted,
    color: user.color,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tzLabel,
    tz_offset: user.tzOffset,
    profile,
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    is_primary_owner: user.isOwner,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: user.updated,
    has_2fa: false,
  };
}

export interface ConversationView {
  /** The caller, for is_member and IM fields. */
  viewerId: string;
  /** users.conversations leaves out is_member and num_members. */
  withMembership: boolean;
}

export function conversationJson(ws: Workspace, conv: Conversation, view: ConversationView): Record<string, unknown> {
  if (conv.kind === 'im') {
    const other = [...conv.members].find((id) => id !== view.viewerId) ?? view.viewerId;
    return {
      id: conv.id,
      created: conv.created,
      is_archived: false,
      is_im: true,
      is_org_shared: false,
      context_team_id: ws.id,
      updated: conv.created * 1000,
      user: other,
      is_user_deleted: ws.usersById.get(other)?.deleted ?? false,
      priority: 0,
    };
  }
  const json: Record<string, unknown> = {
    id: conv.id,
    name: conv.name,
    is_channel: conv.kind !== 'mpim',
    is_group: conv.kind === 'mpim',
    is_im: false,
    created: conv.created,
    creator: conv.creator,
    is_archived: conv.isArchived,
    is_general: conv.isGeneral,
    unlinked: 0,
    name_normalized: conv.name,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    pending_shared: [],
    is_pending_ext_shared: conv.pendingExtShared ?? false,
    is_member: conv.members.has(view.viewerId),
    is_private: conv.kind !== 'public_channel',
    is_mpim: conv.kind === 'mpim',
    updated: conv.created * 1000,
    topic: { value: conv.topic, creator: conv.topic ? conv.creator : '', last_set: conv.topic ? conv.created : 0 },
    purpose: {
      value: conv.purpose,
      creator: conv.purpose ? conv.creator : '',
      last_set: conv.purpose ? conv.created : 0,
    },
    previous_names: conv.previousNames ?? [],
    num_members: conv.members.size,
  };
  if (!view.withMembership) {
    delete json.is_member;
    delete json.num_members;
  }
  return json;
}

export function botProfileJson(ws: Workspace, bot: User): Record<string, unknown> {
  return {
    id: bot.botId,
    deleted: false,
    name: bot.realName,
    updated: bot.updated,
    app_id: bot.appId,
    user_id: bot.id,
    icons: { image_36: avatar(bot, 36), image_48: avatar(bot, 48), image_72: avatar(bot, 72) },
    team_id: ws.id,
  };
}

export function teamIconJson(ws: Workspace): Record<string, unknown> {
  const base = `https://avatars.slack-edge.com/emulator/${ws.id.toLowerCase()}`;
  const icon: Record<string, unknown> = {};
  for (const size of [34, 44, 68, 88, 102, 132, 230]) icon[`image_${size}`] = `${base}_${size}.png`;
  icon.image_original = `${base}_original.png`;
  icon.image_default = false;
  return icon;
}

/** The team object of team.info (no enterprise fields: the emulated workspaces are not in an org). */
export function teamJson(ws: Workspace): Record<string, unknown> {
  return {
    id: ws.id,
    name: ws.name,
    url: `https://${ws.domain}.slack.com/`,
    domain: ws.domain,
    email_domain: ws.emailDomain,
    icon: teamIconJson(ws),
    avatar_base_url: 'https://ca.slack-edge.com/',
    is_verified: false,
    lob_sales_home_enabled: false,
  };
}

/** The short profile Slack Connect invites carry for the inviting person. */
export function inviteUserJson(ws: Workspace, user: User): Record<string, unknown> {
  return {
    id: user.id,
    team_id: ws.id,
    name: user.name,
    updated: user.updated,
    profile: {
      real_name: user.realName,
      display_name: user.displayName,
      real_name_normalized: user.realName,
      display_name_normalized: user.displayName,
      team: ws.id,
      avatar_hash: user.id.slice(-12).toLowerCase(),
      image_24: avatar(user, 24),
      image_32: avatar(user, 32),
      image_48: avatar(user, 48),
      image_72: avatar(user, 72),
      image_192: avatar(user, 192),
      image_512: avatar(user, 512),
    },
  };
}
