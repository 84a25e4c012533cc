import type { ScreenshotShare, Share, UploadShare } from './share/share';

/**
 * The one typed protocol between extension pages and the background. Pages never touch tokens or
 * call Slack; they ask the background through these messages.
 */

export type AccountStatus = 'connected' | 'refreshing' | 'needs_reconnect';

export interface AccountSummary {
  id: string;
  profileId: string;
  profileName?: string;
  teamId: string;
  teamName: string;
  /** The person who linked it (Slack's authed_user): a message to this id opens their DM. */
  authedUserId?: string;
  /** Scopes Slack granted (not secret): what the account can do, for "needs scope" marks. */
  botScopes: string[];
  userScopes: string[];
  status: AccountStatus;
  /** Why the account needs a reconnect, as a sentence a person can act on. */
  reason?: string;
  /** PKCE workspaces: when the sign-in ends if nothing renews it first (the browser stays closed). */
  signInEndsAt?: number;
}

export interface Diagnostics {
  version: string;
  browser: string;
  manifestVersion: number;
  extensionId: string;
  redirectUrl: string;
  databaseVersion: number;
  /** Absent while the background cannot open its data. */
  accounts?: number;
  profiles?: number;
  workerStartedAt: number;
  /** The last start of the background that failed since the worker woke, said for a person. */
  lastStartError?: StartFailure;
}

export interface StartFailure {
  message: string;
  at: number;
}

export type ClientType = 'confidential' | 'public';

/** A connector profile as pages see it: the client secret never leaves the background. */
export interface ProfileView {
  id: string;
  name: string;
  baseUrl: string;
  clientType: ClientType;
  clientId: string;
  hasSecret: boolean;
  /** A secret is stored but sealed under a key this browser lost: the form asks for it again. */
  secretLost?: true;
  botScopes: string[];
  userScopes: string[];
  actions: string[];
}

/** What the profile form sends. An empty secret on an existing profile keeps the stored one. */
export interface ProfileInput {
  id?: string;
  name: string;
  baseUrl: string;
  clientType: ClientType;
  clientId: string;
  clientSecret?: string;
  botScopes: string;
  userScopes: string;
  actions: string[];
}

export type ProfileSaveResult = { saved: ProfileView } | { errors: Record<string, string> };

/** One input field of an action, derived from its schema, for a generated form. */
export interface ActionField {
  /** Slack's parameter name; also the label. */
  name: string;
  type: 'string' | 'number' | 'boolean' | 'enum' | 'list' | 'json';
  required: boolean;
  description?: string;
  options?: string[];
  /** Offer a channel or user picker from the directory. */
  picker?: 'channel' | 'user';
}

export interface ActionView {
  id: string;
  title: string;
  description: string;
  group: string;
  token: 'bot' | 'user' | 'either-bot' | 'either-user';
  botScopes: string[];
  userScopes: string[];
  fields: ActionField[];
  /** A list action: the array of its page, and how the next page is named (cursor or page number). */
  pages?: { items: string; by?: 'cursor' | 'page' };
}

export interface ActionRun {
  result: unknown;
  tokenKind: 'bot' | 'user';
  ms: number;
}

/** A chosen destination: a directory target of one linked workspace. */
export interface SendTarget {
  /** `${accountId}:${id}`, as in the directory. */
  key: string;
  accountId: string;
  /** Channel, DM or user id. */
  id: string;
  /** For people: "#general · Acme Corp". */
  label: string;
}

export interface SendRequest {
  targets: SendTarget[];
  share: Share;
  /** A Slack message link: the message is posted as a reply in that thread. */
  threadLink?: string;
  /** Unix seconds: schedule instead of sending now. */
  postAt?: number;
  unfurl: boolean;
}

/** A screenshot the background took and keeps: the share names it, the size is its PNG's in pixels. */
export interface ScreenshotTaken {
  share: ScreenshotShare;
  width: number;
  height: number;
}

export type SendState = 'sent' | 'scheduled' | 'queued' | 'failed';

export interface SendResult {
  key: string;
  label: string;
  accountId: string;
  channel: string;
  state: SendState;
  outboxId: string;
  ts?: string;
  permalink?: string;
  scheduledMessageId?: string;
  postAt?: number;
  /** Why it is queued or failed; canJoin when joining the public channel would fix it. */
  error?: WireError & { canJoin?: boolean };
  /** Queued: when Courier tries it again by itself (ms since the epoch). */
  nextAttemptAt?: number;
}

export interface PresenceView {
  accountId: string;
  teamName: string;
  presence: 'active' | 'away' | 'unknown';
  /** Setting presence needs a user token with users:write. */
  canSet: boolean;
  error?: string;
}

/** A status as Slack keeps it: emoji short name, text, and when it clears (unix seconds, 0 never). */
export interface SlackStatus {
  emoji: string;
  text: string;
  expiration: number;
}

/** A workspace's status in the popup, and what its token lets Courier change. */
export interface StatusView {
  accountId: string;
  teamName: string;
  /** Undefined when it could not be read (error says why). */
  status?: SlackStatus;
  /** The person's time zone in Slack (IANA), when Slack told it. */
  timeZone?: string;
  /** A user token with users.profile:write; users:write for away; dnd:write for pausing. */
  canSet: boolean;
  canAway: boolean;
  canPause: boolean;
  error?: string;
}

/** What was asked of one workspace and how it went; a failed part says why in its sentence. */
export interface StatusResult {
  accountId: string;
  teamName: string;
  ok: boolean;
  /** Why it failed, or what did not go with it (away, pause) when the status itself was set. */
  message?: string;
  /** User scopes a reconnect would add so it works next time. */
  missing?: string[];
  view?: StatusView;
}

export interface ScheduledView {
  accountId: string;
  teamName: string;
  id: string;
  channel: string;
  label: string;
  postAt: number;
  text: string;
}

/** A workspace whose list Courier could not read, with why in a sentence. */
export interface UnreadList {
  accountId: string;
  teamName: string;
  reason: string;
}

export interface OutboxView {
  id: string;
  accountId: string;
  /** The target's channel, DM or user id: with accountId, its key in the directory. */
  channel: string;
  label: string;
  /** The message, or a file's comment. */
  text: string;
  /** A file share: its name, and its size once its bytes are stored. */
  file?: { name: string; size?: number };
  state: 'pending' | 'sending' | 'failed';
  reason?: string;
  /** A file share that waits for access to its site: the host permission pattern to ask for. */
  needsAccess?: string;
  /** Failed only because its workspace must reconnect: reconnecting sends it by itself. */
  waitsForReconnect?: boolean;
  /** Waiting: when Courier tries it again by itself (ms since the epoch). */
  nextAttemptAt?: number;
  createdAt: number;
  attempts: number;
}

export interface HistoryView {
  id: string;
  accountId: string;
  teamName: string;
  channel: string;
  label: string;
  text: string;
  ts?: string;
  permalink?: string;
  postAt?: number;
  sentAt: number;
  /** Deleted from Slack (Delete, from the popup or History): nothing is left to open, edit or delete. */
  removedAt?: number;
  /** Changed in Slack (Edit); `text` is the new text. */
  editedAt?: number;
}

type Empty = Record<string, never>;

/** A removal that happened; `unrevoked` says which sign-ins Slack could not be made to end. */
export interface Unrevoked {
  unrevoked?: string;
}

/** Message type → request payload and response value. */
export interface Protocol {
  ping: { request: Empty; response: { startedAt: number } };
  'accounts.list': { request: Empty; response: AccountSummary[] };
  'diagnostics.get': { request: Empty; response: Diagnostics };
  'profiles.list': { request: Empty; response: ProfileView[] };
  'profiles.save': { request: ProfileInput; response: ProfileSaveResult };
  /** Revokes each linked workspace's tokens as Disconnect does, then deletes the profile and them. */
  'profiles.remove': { request: { id: string }; response: Unrevoked };
  /** Runs Slack's consent flow in the background; `team` preselects the workspace (reconnect). */
  'workspaces.connect': {
    request: { profileId: string; team?: string; extraScopes?: { bot: string[]; user: string[] } };
    response: AccountSummary;
  };
  /** Revokes the account's tokens with auth.revoke, then deletes its data. */
  'workspaces.disconnect': { request: { accountId: string }; response: Unrevoked };
  /** auth.test through the normal call path (fresh token, refresh on expiry): a health check. */
  'actions.list': { request: Empty; response: ActionView[] };
  /** Runs one of the catalog's actions for a linked workspace; input is checked against its schema. */
  'actions.run': {
    request: { accountId: string; actionId: string; input: Record<string, unknown> };
    response: ActionRun;
  };
  /** Every send is stored in the outbox first; the answer says, per target, what happened. */
  send: { request: SendRequest; response: SendResult[] };
  /**
   * Image and file shares: the bytes are fetched and uploaded to each target. The page names the
   * upload, watches its progress (UploadProgressView under uploadKey(uploadId) in storage.session)
   * and gets the per-target results as the answer; a pending answer also keeps MV3's worker alive.
   */
  'upload.start': {
    request: { uploadId: string; share: UploadShare; targets: SendTarget[]; threadLink?: string };
    response: SendResult[];
  };
  /**
   * Captures the tab (`tabId`, else the active tab of the last focused window) through activeTab:
   * its visible part, or a region the person drags over it (then the compose window opens with it,
   * since the page that asked closes for the drag). Null when the person pressed Escape.
   */
  'screenshot.take': { request: { area: 'visible' | 'region'; tabId?: number }; response: ScreenshotTaken | null };
  /** Stops a running upload; targets not finished yet come back failed as cancelled. */
  'upload.cancel': { request: { uploadId: string }; response: null };
  'message.update': { request: { accountId: string; channel: string; ts: string; text: string }; response: null };
  'message.delete': { request: { accountId: string; channel: string; ts: string }; response: null };
  'conversation.join': { request: { accountId: string; channel: string }; response: null };
  'presence.list': { request: Empty; response: PresenceView[] };
  'presence.set': { request: { accountId: string; presence: 'auto' | 'away' }; response: PresenceView };
  /** Each linked workspace's status (users.profile.get) and what may be changed there. */
  'status.list': { request: Empty; response: StatusView[] };
  /**
   * Sets (or, with an empty emoji and text, clears) the status in each workspace named, through the
   * catalog's Set User Status; optionally presence away (auto on clear) and notifications paused
   * until the status clears (resumed on clear).
   */
  'status.set': {
    request: { accountIds: string[]; status: SlackStatus; away: boolean; pause: boolean };
    response: StatusResult[];
  };
  /** What each workspace holds, and the workspaces whose list could not be read (never "nothing"). */
  'scheduled.list': { request: Empty; response: { items: ScheduledView[]; unread: UnreadList[] } };
  'scheduled.cancel': { request: { accountId: string; channel: string; id: string }; response: null };
  'outbox.list': { request: Empty; response: OutboxView[] };
  'outbox.retry': { request: { id: string }; response: null };
  /** A page saw the browser come back online: waiting items go now instead of after their backoff. */
  'outbox.retryNow': { request: Empty; response: { delivered: number } };
  'outbox.discard': { request: { id: string }; response: null };
  /** Changes a waiting or failed item's text (a file's comment) or target, then tries it again. */
  'outbox.edit': { request: { id: string; text: string; target?: SendTarget }; response: null };
  'history.list': { request: { query?: string }; response: HistoryView[] };
  /** Deletes the message in Slack (when it can); the entry stays, marked removed. */
  'history.delete': { request: { id: string }; response: null };
  'history.clear': { request: Empty; response: null };
  'history.retention': { request: { days?: number }; response: { days: number } };
  /** Refreshes stale directories in the background; pages read the cache from IndexedDB. */
  'directory.refresh': { request: { force?: boolean }; response: { refreshed: number } };
  'workspaces.check': {
    request: { accountId: string; kind?: 'bot' | 'user' };
    response: { teamId: string; userId: string };
  };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  courier: 1;
  type: K;
  payload: RequestOf<K>;
}

/** Errors cross the message boundary as plain values with a kind the UI can act on. */
export type ErrorKind =
  | 'needs_reconnect'
  | 'needs_access'
  | 'missing_scope'
  | 'not_in_channel'
  | 'rate_limited'
  | 'invalid_input'
  | 'offline'
  | 'slack_error'
  | 'forbidden'
  | 'internal';

export interface WireError {
  kind: ErrorKind;
  message: string;
  /** The input field that caused it (invalid_input), for the form to mark. */
  field?: string;
  /** missing_scope: the scopes to add, so "Reconnect" can ask for them. */
  scopes?: string[];
  /** needs_access: the site (a host permission pattern) that "Allow access" asks the browser for. */
  site?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.courier === 1 && typeof record.type === 'string';
}
