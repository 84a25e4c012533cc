import { SlackApiError, SlackTransportError } from './errors';

export type FormValue = string | number | boolean | undefined;

export interface CallOptions {
  /** Sent as the `token` form field: a form POST needs no CORS preflight, a header would. */
  token?: string;
  /** HTTP Basic client credentials, as Slack recommends for oauth.v2.access. */
  basicAuth?: { user: string; password: string };
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Transport {
  /** POSTs `params` form-encoded to `${baseUrl}/api/${method}`; resolves with the parsed ok body. */
  call(method: string, params: Record<string, FormValue>, options?: CallOptions): Promise<Record<string, unknown>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function formBody(params: Record<string, FormValue>, token: string | undefined): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) body.set(name, String(value));
  }
  if (token) body.set('token', token);
  return body;
}

function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

export function createTransport(baseUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async call(method, params, options = {}) {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      const headers: Record<string, string> = {};
      if (options.basicAuth) {
        headers.authorization = `Basic ${btoa(`${options.basicAuth.user}:${options.basicAuth.password}`)}`;
      }
      let response: Response;
      try {
        response = await fetchImpl(`${root}/api/${method}`, {
          method: 'POST',
          body: formBody(params, options.token),
          headers,
          signal,
        });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        throw new SlackTransportError(method, timeout.aborted ? 'timeout' : 'network');
      }
      if (response.status === 429) {
        throw new SlackTransportError(method, 'rate_limited', { status: 429, retryAfter: retryAfterSeconds(response) });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new SlackTransportError(method, response.ok ? 'garbage' : 'http_error', { status: response.status });
      }
      if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
        throw new SlackTransportError(method, response.ok ? 'garbage' : 'http_error', { status: response.status });
      }
      const envelope = body as Record<string, unknown>;
      if (envelope.ok !== true) {
        const code = typeof envelope.error === 'string' ? envelope.error : 'unknown_error';
        const extra: { needed?: string; provided?: string } = {};
        if (typeof envelope.needed === 'string') extra.needed = envelope.needed;
        if (typeof envelope.provided === 'string') extra.provided = envelope.provided;
        throw new SlackApiError(method, code, extra);
      }
      return envelope;
    },
  };
}
