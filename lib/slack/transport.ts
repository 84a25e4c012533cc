import { SlackApiError, SlackTransportError } from './errors';
import { FORM_CONTENT_TYPE, formBody } from './form';

/** What the auth code passes; the client accepts any value (objects travel as JSON strings). */
export type FormValue = string | number | boolean | undefined;

export interface CallOptions {
  /** Sent as the `token` form field: a form POST needs no CORS preflight, a header would. */
  token?: string;
  /** HTTP Basic client credentials, as Slack recommends for oauth.v2.access. */
  basicAuth?: { user: string; password: string };
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * One attempt, no retries: the client (client.ts) adds the budget, 429 handling and retries.
 * createTransport's calls take any value (Transport<unknown>); the auth code only needs plain ones.
 */
export interface Transport<Value = FormValue> {
  /** POSTs `params` form-encoded to `${baseUrl}/api/${method}`; resolves with the parsed ok body. */
  call(method: string, params: Record<string, Value>, options?: CallOptions): Promise<Record<string, unknown>>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value ? value.split(',') : [];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Both places Slack puts warnings: `warning` (comma-separated) and response_metadata.warnings. */
export function warningsOf(envelope: Record<string, unknown>): string[] {
  const metadata = envelope.response_metadata as Record<string, unknown> | undefined;
  return [...new Set([...strings(envelope.warning), ...strings(metadata?.warnings)])];
}

/** Reads Slack's envelope: the whole ok body (warnings included), or a typed error. */
export function readEnvelope(method: string, body: unknown, status: number): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
    throw new SlackTransportError(method, status >= 200 && status < 300 ? 'garbage' : 'http_error', { status });
  }
  const envelope = body as Record<string, unknown>;
  if (envelope.ok === true) return envelope;
  const code = typeof envelope.error === 'string' && envelope.error ? envelope.error : 'unknown_error';
  const metadata = envelope.response_metadata as Record<string, unknown> | undefined;
  throw new SlackApiError(method, code, {
    ...(typeof envelope.needed === 'string' ? { needed: envelope.needed } : {}),
    ...(typeof envelope.provided === 'string' ? { provided: envelope.provided } : {}),
    details: strings(metadata?.messages),
    warnings: warningsOf(envelope),
  });
}

export function createTransport(
  baseUrl: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Transport<unknown> {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async call(method, params, options = {}) {
      // A timer cleared once the body is read: AbortSignal.timeout's timer outlived every call.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      const headers: Record<string, string> = { 'content-type': FORM_CONTENT_TYPE };
      if (options.basicAuth) {
        headers.authorization = `Basic ${btoa(`${options.basicAuth.user}:${options.basicAuth.password}`)}`;
      }
      let response: Response;
      let body: unknown;
      try {
        response = await fetchImpl(`${root}/api/${method}`, {
          method: 'POST',
          body: formBody(params, options.token),
          headers,
          signal,
        });
        if (response.status === 429) {
          throw new SlackTransportError(method, 'rate_limited', {
            status: 429,
            retryAfter: retryAfterSeconds(response),
          });
        }
        const text = await response.text();
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          body = undefined;
        }
      } catch (error) {
        if (error instanceof SlackTransportError) throw error;
        if (options.signal?.aborted) throw error;
        throw new SlackTransportError(method, timeout.signal.aborted ? 'timeout' : 'network');
      } finally {
        clearTimeout(timer);
      }
      return readEnvelope(method, body, response.status);
    },
  };
}
