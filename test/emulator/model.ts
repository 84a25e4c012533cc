// The emulator's in-memory data model. Records are compact; Slack-shaped JSON is built on demand
// (see serialize.ts) so that seeding 50 000 users stays cheap.

export type ConversationKind = 'public_channel' | 'private_channel' | 'im' | 'mpim';
export type TokenType = 'bot' | 'user';

export interface User {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  tz: string;
  tzLabel: string;
  tzOffset: number;
  color: string;
  isBot: boolean;
  /** B… id and app for bot users. */
  botId?: string;
  appId?: string;
  deleted: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  updated: number;
  /** Whether the person has a live client; drives users.getPresence when not manually away. */
  online: boolean;
  manualAway: boolean;
  lastActivity: number;
}

export interface Conversation {
  id: string;
  teamId: string;
  kind: ConversationKind;
  /** Empty for IMs. */
  name: string;
  created: number;
  creator: string;
  isArchived: boolean;
  isGeneral: boolean;
  topic: string;
  purpose: string;
  members: Set<string>;
  /** The other party of an IM. */
  imUser?: string;
}

export interface Workspace {
  id: string;
  name: string;
  domain: string;
  emailDomain: string;
  /** The person "signed in" in the emulated browser: the consent page installs as this user. */
  signedInUserId: string;
  users: User[];
  usersById: Map<string, User>;
  conversations: Conversation[];
  conversationsById: Map<string, Conversation>;
  /** Id-generation counters, so ids created at run time (DMs) never collide with seeded ones. */
  nextSeq: { user: number; conversation: number; bot: number };
  idTag: string;
}

export interface App {
  appId: string;
  clientId: string;
  /** Absent for a public (PKCE-only) client. */
  clientSecret?: string;
  name: string;
  /** When set, authorize only accepts redirect_uris equal to or under one of these. */
  redirectUris?: string[];
  pkceEnabled: boolean;
}

export interface StoredMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface Message {
  team: string;
  channel: string;
  ts: string;
  text: string;
  user: string;
  botId?: string;
  appId?: string;
  threadTs?: string;
  metadata?: StoredMetadata;
  blocks?: unknown[];
  attachments?: unknown[];
}
