import type { ErrorKind, WireError } from './protocol';
import { SlackApiError, SlackTransportError } from './slack/errors';
import { codeMeaning, scopeList } from './slack/codes';

/** An error whose message is already a sentence a person can act on. */
export class CourierFailure extends Error {
  readonly kind: ErrorKind;
  /** invalid_input: the field at fault, for the form to mark. */
  readonly field?: string;
  /** needs_access: the site to ask the browser for. */
  readonly site?: string;
  constructor(kind: ErrorKind, message: string, details: { field?: string; site?: string } = {}) {
    super(message);
    this.name = 'CourierFailure';
    this.kind = kind;
    if (details.field !== undefined) this.field = details.field;
    if (details.site !== undefined) this.site = details.site;
  }
}

const FREE_ROOM = "Your browser refused to store more data: free some disk space or clear History in Courier's options";
export const STORAGE_FULL = `${FREE_ROOM}, then try again.`;
/** The same for an item the outbox retries by itself (lib/outbox/waiting-reason.ts). */
export const STORAGE_FULL_WAITING = `${FREE_ROOM}.`;

/** The browser refused a write for lack of room. By name: the DOMException may come from another realm. */
export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/** The kind a Slack code earns (lib/slack/codes.ts); codes Slack adds later are plain refusals. */
function slackApiKind(code: string): ErrorKind {
  return codeMeaning(code)?.kind ?? 'slack_error';
}

function transportKind(error: SlackTransportError): ErrorKind {
  switch (error.failure) {
    case 'network':
    case 'timeout':
      return 'offline';
    case 'rate_limited':
      return 'rate_limited';
    case 'http_error':
    case 'garbage':
      return 'slack_error';
  }
}

/**
 * The one place that decides what a page is told about a failure. Slack's errors carry their own
 * sentence (lib/slack/codes.ts: Slack's code, scope names and numbers, never a token). Unknown
 * errors are reduced to a generic sentence so that nothing secret (a token inside a URL or a body)
 * can leak into the UI.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof CourierFailure) {
    return {
      kind: error.kind,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.kind === 'needs_access' && error.site ? { site: error.site } : {}),
    };
  }
  if (error instanceof SlackApiError) {
    const scopes = error.code === 'missing_scope' ? scopeList(error.needed) : [];
    return { kind: slackApiKind(error.code), message: error.sentence, ...(scopes.length ? { scopes } : {}) };
  }
  if (error instanceof SlackTransportError) return { kind: transportKind(error), message: error.sentence };
  if (isQuotaError(error)) return { kind: 'internal', message: STORAGE_FULL };
  return {
    kind: 'internal',
    message: 'Something went wrong inside Courier. Open Diagnostics in the options page for details.',
  };
}
