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
  /** users.profile.set's status; none until set. Expiration in unix seconds, 0 for none. */
  status?: { text: string; emoji: string; expiration: number };
  /** dnd.setSnooze: when the snooze ends, in unix seconds; none when not snoozed. */
  snoozeEnd?: number;
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
  /** Earlier names, newest last (conversations.rename). */
  previousNames?: string[];
  /** Set once a Slack Connect invite is out for the channel. */
  pendingExtShared?: boolean;
}

/** Slack plans as far as the emulated methods care: usergroups need a paid plan, some Connect calls Enterprise. */
export type Plan = 'free' | 'pro' | 'enterprise';

export interface Usergroup {
  id: string;
  name: string;
  handle: string;
  description: string;
  /** 'admin' and 'owner' groups follow the workspace's admins and owners. */
  autoType: 'admin' | 'owner' | null;
  users: string[];
  created: number;
  createdBy: string;
  /** 0 while enabled. */
  dateDelete: number;
}

export interface FileRecord {
  id: string;
  teamId: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  prettyType: string;
  user: string;
  created: number;
  size: number;
  bytes: Buffer;
  altTxt?: string;
  /** Set for snippets (files.getUploadURLExternal snippet_type). */
  snippetType?: string;
  /** Where it was shared: conversation id → ts of the share message, with its thread. */
  shares: { channel: string; ts: string; threadTs?: string }[];
  publicUrlShared: boolean;
  /** Random part of permalink_public. */
  publicSecret: string;
  deleted: boolean;
}

/** A Slack Connect invite as conversations.listConnectInvites shows it to one side. */
export interface ConnectInvite {
  id: string;
  direction: 'outgoing' | 'incoming';
  status: 'pending' | 'accepted' | 'revoked';
  created: number;
  invitingTeamId: string;
  invitingUserId: string;
  channel: { id: string; name: string; isPrivate: boolean };
  recipientEmail?: string;
  recipientUserId?: string;
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
  nextSeq: {
    user: number;
    conversation: number;
    bot: number;
    file: number;
    usergroup: number;
    invite: number;
    scheduled: number;
  };
  idTag: string;
  plan: Plan;
  usergroups: Usergroup[];
  files: FileRecord[];
  connectInvites: ConnectInvite[];
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
  /** 'file_share', 'thread_broadcast', 'tombstone', … */
  subtype?: string;
  replyBroadcast?: boolean;
  edited?: { user: string; ts: string };
  /** Ids of the files a file_share message carries. */
  files?: string[];
  /** Emoji reactions in the order first added, each with who added it (reactions.add). */
  reactions?: { name: string; users: string[] }[];
  /** Part of the seed, not posted through the API: left out of /_control/messages and the stats. */
  seeded?: boolean;
}

export interface ScheduledMessage {
  id: string;
  team: string;
  channel: string;
  /** Who scheduled it; only they (that token's user or bot) see and delete it. */
  user: string;
  botId?: string;
  appId?: string;
  postAt: number;
  dateCreated: number;
  text: string;
  threadTs?: string;
  replyBroadcast?: boolean;
  metadata?: StoredMetadata;
  blocks?: unknown[];
  attachments?: unknown[];
  /** Part of the seed: the message it turns into is seeded too. */
  seeded?: boolean;
}

export interface PendingUpload {
  /** The opaque part of the upload URL. */
  ticket: string;
  fileId: string;
  teamId: string;
  userId: string;
  filename: string;
  length: number;
  altTxt?: string;
  snippetType?: string;
  createdAt: number;
  /** Set once the bytes arrived at the upload URL. */
  bytes?: Buffer;
}
