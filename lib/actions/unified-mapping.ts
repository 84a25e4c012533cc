// Slack objects → StackOne's unified IAM models (slack-api.md §5). StackOne does not publish its
// Slack mapping, so this follows the suggested one there; ids are Slack's own (id = remote_id).
// Pure functions over the fields they read: anything Slack leaves out maps to null, never a guess.

export interface SlackUserLike {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_invited_user?: boolean;
  has_2fa?: boolean;
  updated?: number;
  profile?: Record<string, unknown>;
}

export interface SlackUsergroupLike {
  id: string;
  name?: string;
  description?: string;
  handle?: string;
  date_create?: number;
  date_update?: number;
  users?: string[];
}

export interface SlackTeamLike {
  id: string;
  name?: string;
}

/** StackOne's {value, source_value} pair: the unified value and what the provider said. */
export interface Typed<V extends string> {
  value: V;
  source_value: string | boolean;
}

export interface IamRole {
  id: string;
  remote_id: string;
  name: string;
  type: Typed<'admin' | 'basic' | 'guest'>;
}

export interface IamUser {
  id: string;
  remote_id: string;
  primary_email_address: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  username: string | null;
  is_bot_user: boolean;
  status: Typed<'enabled' | 'disabled' | 'pending'>;
  avatar: { contents: { url: string }[] } | null;
  roles: IamRole[];
  groups: IamGroup[];
  multi_factor_enabled: Typed<'unknown'>[];
  created_at: string | null;
  updated_at: string | null;
}

export interface IamGroup {
  id: string;
  remote_id: string;
  name: string | null;
  description: string | null;
  type: Typed<'group'>;
  roles: IamRole[];
  parent_id: string | null;
  remote_parent_id: string | null;
  /** Member user ids, when Slack returned them (include_users or usergroups.users.list). */
  users?: string[];
  created_at: string | null;
  updated_at: string | null;
}

export interface IamOrganization {
  id: string;
  remote_id: string;
  name: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** Slack's unix seconds (0 or absent means "never") as ISO 8601. */
export function isoFromUnix(seconds: number | undefined): string | null {
  return seconds ? new Date(seconds * 1000).toISOString() : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// Slack's account types, highest first; a plain member has none of these flags.
const ROLE_FLAGS = [
  ['is_primary_owner', 'primary_owner', 'Primary Owner', 'admin'],
  ['is_owner', 'owner', 'Owner', 'admin'],
  ['is_admin', 'admin', 'Admin', 'admin'],
  ['is_restricted', 'multi_channel_guest', 'Multi-Channel Guest', 'guest'],
  ['is_ultra_restricted', 'single_channel_guest', 'Single-Channel Guest', 'guest'],
] as const;

function role(id: string, name: string, value: IamRole['type']['value'], source: string): IamRole {
  return { id, remote_id: id, name, type: { value, source_value: source } };
}

export function slackRoles(user: SlackUserLike): IamRole[] {
  const roles = ROLE_FLAGS.filter(([flag]) => user[flag] === true).map(([flag, id, name, value]) =>
    role(id, name, value, flag),
  );
  return roles.length > 0 ? roles : [role('member', 'Member', 'basic', 'member')];
}

function status(user: SlackUserLike): IamUser['status'] {
  if (user.deleted) return { value: 'disabled', source_value: 'deleted' };
  if (user.is_invited_user) return { value: 'pending', source_value: 'invited' };
  return { value: 'enabled', source_value: 'active' };
}

// Largest first: StackOne keeps one avatar, so the sharpest image Slack offers wins.
const AVATAR_KEYS = ['image_original', 'image_1024', 'image_512', 'image_192', 'image_72', 'image_48'];

function avatar(profile: Record<string, unknown>): IamUser['avatar'] {
  const url = AVATAR_KEYS.map((key) => stringOrNull(profile[key])).find((value) => value !== null);
  return url ? { contents: [{ url }] } : null;
}

export function toIamUser(user: SlackUserLike): IamUser {
  const profile = user.profile ?? {};
  return {
    id: user.id,
    remote_id: user.id,
    // Only present when the token has users:read.email.
    primary_email_address: stringOrNull(profile.email),
    first_name: stringOrNull(profile.first_name),
    last_name: stringOrNull(profile.last_name),
    name: stringOrNull(user.real_name) ?? stringOrNull(profile.real_name),
    username: stringOrNull(user.name),
    is_bot_user: user.is_bot === true,
    status: status(user),
    avatar: avatar(profile),
    roles: slackRoles(user),
    // Slack's user object does not say which user groups someone is in.
    groups: [],
    // Slack tells only whether two-factor is on, not which kind: StackOne's "unknown".
    multi_factor_enabled: user.has_2fa ? [{ value: 'unknown', source_value: true }] : [],
    created_at: null,
    updated_at: isoFromUnix(user.updated),
  };
}

export function toIamGroup(group: SlackUsergroupLike, members?: string[]): IamGroup {
  const users = members ?? group.users;
  return {
    id: group.id,
    remote_id: group.id,
    name: stringOrNull(group.name),
    description: stringOrNull(group.description),
    type: { value: 'group', source_value: 'usergroup' },
    roles: [],
    parent_id: null,
    remote_parent_id: null,
    ...(users ? { users } : {}),
    created_at: isoFromUnix(group.date_create),
    updated_at: isoFromUnix(group.date_update),
  };
}

export function toIamOrganization(team: SlackTeamLike): IamOrganization {
  return { id: team.id, remote_id: team.id, name: stringOrNull(team.name), created_at: null, updated_at: null };
}
