/**
 * The one typed protocol between extension pages and the background. Pages never touch tokens or
 * call Slack; they ask the background through these messages.
 */

export type AccountStatus = 'connected' | 'refreshing' | 'needs_reconnect';

export interface AccountSummary {
  id: string;
  profileId: string;
  teamId: string;
  teamName: string;
  status: AccountStatus;
  /** Why the account needs a reconnect, as a sentence a person can act on. */
  reason?: string;
}

export interface Diagnostics {
  version: string;
  browser: string;
  manifestVersion: number;
  extensionId: string;
  redirectUrl: string;
  databaseVersion: number;
  accounts: number;
  profiles: number;
  workerStartedAt: number;
}

/** Message type → request payload and response value. */
export interface Protocol {
  ping: { request: Record<string, never>; response: { startedAt: number } };
  'accounts.list': { request: Record<string, never>; response: AccountSummary[] };
  'diagnostics.get': { request: Record<string, never>; response: Diagnostics };
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
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.courier === 1 && typeof record.type === 'string';
}
