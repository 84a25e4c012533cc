// Granular OAuth scope names the authorize step accepts, and which token kind may hold them.
import type { ConversationKind, TokenType } from './model';

// prettier-ignore
const SHARED = [
  'bookmarks:read', 'bookmarks:write', 'calls:read', 'calls:write', 'canvases:read', 'canvases:write',
  'channels:history', 'channels:read', 'channels:write.invites', 'channels:write.topic', 'chat:write', 'dnd:read',
  'emoji:read', 'files:read', 'files:write', 'groups:history', 'groups:read', 'groups:write', 'groups:write.invites',
  'groups:write.topic', 'im:history', 'im:read', 'im:write', 'im:write.topic', 'links:read', 'links:write',
  'links.embed:write', 'metadata.message:read', 'mpim:history', 'mpim:read', 'mpim:write', 'mpim:write.topic',
  'pins:read', 'pins:write', 'reactions:read', 'reactions:write', 'reminders:read', 'reminders:write',
  'remote_files:read', 'remote_files:share', 'team:read', 'usergroups:read', 'usergroups:write', 'users.profile:read',
  'users:read', 'users:read.email', 'users:write',
];

// prettier-ignore
const BOT_ONLY = [
  'app_mentions:read', 'channels:join', 'channels:manage', 'chat:write.customize', 'chat:write.public', 'commands',
  'conversations.connect:manage', 'conversations.connect:read', 'conversations.connect:write', 'incoming-webhook',
  'remote_files:write', 'team.billing:read', 'team.preferences:read', 'workflow.steps:execute',
];

// prettier-ignore
const USER_ONLY = [
  'channels:write', 'dnd:write', 'email', 'identify', 'identity.avatar', 'identity.basic', 'identity.email',
  'identity.team', 'openid', 'profile', 'search:read', 'stars:read', 'stars:write', 'users.profile:write',
];

const BOT_SCOPES = new Set([...SHARED, ...BOT_ONLY]);
const USER_SCOPES = new Set([...SHARED, ...USER_ONLY]);

export function parseScopeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Scope names that a bot (or user) token cannot hold; non-empty means invalid_scope. */
export function invalidScopes(scopes: string[], kind: 'bot' | 'user'): string[] {
  const allowed = kind === 'bot' ? BOT_SCOPES : USER_SCOPES;
  return scopes.filter((s) => !allowed.has(s));
}

const KIND_PREFIX: Record<ConversationKind, string> = {
  public_channel: 'channels',
  private_channel: 'groups',
  im: 'im',
  mpim: 'mpim',
};

/** e.g. ('private_channel', 'read') → 'groups:read'. */
export function kindScope(kind: ConversationKind, verb: 'read' | 'history' | 'write'): string {
  return `${KIND_PREFIX[kind]}:${verb}`;
}

/**
 * What managing a conversation of this kind takes, alternatives in Slack's order (any one will do):
 * granular bots use channels:manage where user tokens use channels:write (slack-api.md §2.1).
 */
export function manageScopes(kind: ConversationKind, type: TokenType): string[] {
  if (kind === 'public_channel') return type === 'bot' ? ['channels:manage'] : ['channels:write'];
  return [kindScope(kind, 'write')];
}

/** conversations.invite: the *.invites scopes, or the broader manage scope. */
export function inviteScopes(kind: ConversationKind, type: TokenType): string[] {
  if (kind === 'public_channel') return ['channels:write.invites', ...manageScopes(kind, type)];
  if (kind === 'private_channel') return ['groups:write.invites', 'groups:write'];
  return manageScopes(kind, type);
}

export const ALL_KINDS: readonly ConversationKind[] = ['public_channel', 'private_channel', 'mpim', 'im'];

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
