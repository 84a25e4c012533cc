/** What went wrong on the way to Slack or back, before any Slack error code could be read. */
export type TransportFailure = 'network' | 'timeout' | 'garbage' | 'http_error' | 'rate_limited';

/** Slack answered with ok: false. */
export class SlackApiError extends Error {
  readonly code: string;
  readonly method: string;
  /** For missing_scope: the scopes the method needs and the token has. */
  readonly needed?: string;
  readonly provided?: string;
  constructor(method: string, code: string, extra: { needed?: string; provided?: string } = {}) {
    super(`Slack ${method} failed: ${code}`);
    this.name = 'SlackApiError';
    this.method = method;
    this.code = code;
    if (extra.needed !== undefined) this.needed = extra.needed;
    if (extra.provided !== undefined) this.provided = extra.provided;
  }
}

/** No Slack answer could be read: the network, a timeout, a 5xx, a 429 or a body that is not JSON. */
export class SlackTransportError extends Error {
  readonly failure: TransportFailure;
  readonly method: string;
  readonly status?: number;
  /** Seconds Slack asked us to wait (429 Retry-After). */
  readonly retryAfter?: number;
  constructor(method: string, failure: TransportFailure, extra: { status?: number; retryAfter?: number } = {}) {
    super(`Slack ${method}: ${failure}${extra.status ? ` (HTTP ${extra.status})` : ''}`);
    this.name = 'SlackTransportError';
    this.method = method;
    this.failure = failure;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
  }
}
