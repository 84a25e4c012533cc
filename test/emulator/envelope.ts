// Slack's request and response conventions: how arguments and tokens arrive, and the {ok, …} envelope.
import type { IncomingMessage } from 'node:http';
import { readBody } from './http';

export type Params = Record<string, unknown>;

export interface ApiRequest {
  params: Params;
  /** The token as Slack would accept it: Authorization: Bearer, else a `token` field in a form body. */
  token?: string;
  basicAuth?: { clientId: string; clientSecret: string };
  /** Content-type warnings Slack attaches to otherwise normal responses. */
  warnings: string[];
  /** Set when a JSON body cannot be used; the call then fails with this code. */
  bodyError?: 'invalid_json' | 'json_not_object';
  /** This emulator as the caller reached it, e.g. http://127.0.0.1:43123: upload and file URLs point here. */
  origin: string;
}

/** A Slack-level failure: HTTP 200, {ok:false, error, …extra}. */
export class SlackError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

function parseBasic(header: string | undefined): ApiRequest['basicAuth'] {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export function requestOrigin(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

export async function parseApiRequest(req: IncomingMessage, url: URL): Promise<ApiRequest> {
  const params: Params = {};
  // Query arguments count (GET methods take them there), but never a query token: Slack refuses
  // those for apps created after 2021-02-24.
  for (const [key, value] of url.searchParams) if (key !== 'token') params[key] = value;
  const result: ApiRequest = { params, warnings: [], origin: requestOrigin(req) };
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  result.basicAuth = parseBasic(req.headers.authorization);

  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const hasCharset = /;\s*charset=/.test(contentType);
  const body = req.method === 'POST' ? await readBody(req) : '';
  let bodyToken: string | undefined;
  if (contentType.startsWith('application/json')) {
    if (!hasCharset) result.warnings.push('missing_charset');
    let parsed: unknown;
    try {
      parsed = body ? (JSON.parse(body) as unknown) : {};
    } catch {
      result.bodyError = 'invalid_json';
    }
    if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      result.bodyError = 'json_not_object';
    } else if (parsed) {
      // A JSON body cannot carry the token: Slack only reads it from the Authorization header then.
      for (const [key, value] of Object.entries(parsed)) if (key !== 'token' && value !== null) params[key] = value;
    }
  } else if (body) {
    if (contentType.startsWith('application/x-www-form-urlencoded') && hasCharset) {
      result.warnings.push('superfluous_charset');
    }
    for (const [key, value] of new URLSearchParams(body)) {
      if (key === 'token') bodyToken = value;
      else params[key] = value;
    }
  }
  result.token = bearer ?? bodyToken;
  return result;
}

function withWarnings(body: Record<string, unknown>, warnings: string[]): Record<string, unknown> {
  if (warnings.length === 0) return body;
  const metadata = (body.response_metadata as Record<string, unknown> | undefined) ?? {};
  return { ...body, warning: warnings.join(','), response_metadata: { ...metadata, warnings } };
}

export function okEnvelope(fields: Record<string, unknown>, warnings: string[] = []): Record<string, unknown> {
  return withWarnings({ ok: true, ...fields }, warnings);
}

export function errorEnvelope(error: SlackError, warnings: string[] = []): Record<string, unknown> {
  return withWarnings({ ok: false, error: error.code, ...error.extra }, warnings);
}

// Argument readers: form bodies give strings, JSON bodies give typed values; accept both.

export function str(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function bool(params: Params, key: string): boolean {
  const value = params[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

export function int(params: Params, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : NaN;
}

/** A JSON argument that form bodies send as a JSON string. */
export function jsonArg(params: Params, key: string): { value?: unknown; invalid: boolean } {
  const value = params[key];
  if (value === undefined || value === null || value === '') return { invalid: false };
  if (typeof value !== 'string') return { value, invalid: false };
  try {
    return { value: JSON.parse(value) as unknown, invalid: false };
  } catch {
    return { invalid: true };
  }
}
