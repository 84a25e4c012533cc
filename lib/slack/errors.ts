import { explainSlackError, explainTransport } from './explain';

/** What went wrong on the way to Slack or back, before any Slack error code could be read. */
export type TransportFailure = 'network' | 'timeout' | 'garbage' | 'http_error' | 'rate_limited';

export interface SlackApiErrorExtra {
  /** For missing_scope: the scopes the method needs and the token has (comma-separated). */
  needed?: string;
  provided?: string;
  /** response_metadata.messages: Slack's details, e.g. which block is invalid. */
  details?: string[];
  /** `warning` and response_metadata.warnings, which Slack sends with errors too. */
  warnings?: string[];
}

/** Slack answered with ok: false. */
export class SlackApiError extends Error {
  readonly code: string;
  readonly method: string;
  readonly needed?: string;
  readonly provided?: string;
  readonly details?: string[];
  readonly warnings?: string[];
  /** A sentence a person can act on (lib/slack/explain.ts); never holds a token. */
  readonly sentence: string;
  constructor(method: string, code: string, extra: SlackApiErrorExtra = {}) {
    super(`Slack ${method} failed: ${code}`);
    this.name = 'SlackApiError';
    this.method = method;
    this.code = code;
    if (extra.needed !== undefined) this.needed = extra.needed;
    if (extra.provided !== undefined) this.provided = extra.provided;
    if (extra.details?.length) this.details = extra.details;
    if (extra.warnings?.length) this.warnings = extra.warnings;
    this.sentence = explainSlackError(code, extra);
  }
}

/** No Slack answer could be read: the network, a timeout, a 5xx, a 429 or a body that is not JSON. */
export class SlackTransportError extends Error {
  readonly failure: TransportFailure;
  readonly method: string;
  readonly status?: number;
  /** Seconds Slack asked us to wait (429 Retry-After). */
  readonly retryAfter?: number;
  readonly sentence: string;
  constructor(method: string, failure: TransportFailure, extra: { status?: number; retryAfter?: number } = {}) {
    super(`Slack ${method}: ${failure}${extra.status ? ` (HTTP ${extra.status})` : ''}`);
    this.name = 'SlackTransportError';
    this.method = method;
    this.failure = failure;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
    this.sentence = explainTransport(failure, extra);
  }
}
