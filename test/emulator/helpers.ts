// Shared by the emulator's own tests: real HTTP calls the way the extension makes them.
import type { Emulator } from './index';
import { DEMO_APP } from './index';

export interface SlackBody {
  ok: boolean;
  error?: string;
  warning?: string;
  response_metadata?: { next_cursor?: string; warnings?: string[] };
  [key: string]: unknown;
}

export const REDIRECT_URI = 'https://abcdefghijklmnop.chromiumapp.org/callback';

/** POST form-encoded with the token in the body, as slack-api.md §4.5 recommends. */
export async function callApi<T extends object = SlackBody>(
  emu: Emulator,
  method: string,
  params: Record<string, string> = {},
  token?: string,
): Promise<T & SlackBody> {
  const body = new URLSearchParams(params);
  if (token) body.set('token', token);
  const res = await fetch(`${emu.url}/api/${method}`, { method: 'POST', body });
  if (res.status !== 200) throw new Error(`${method}: HTTP ${res.status}`);
  return (await res.json()) as T & SlackBody;
}

export async function control<T extends object = SlackBody>(
  emu: Emulator,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T & SlackBody> {
  const res = await fetch(`${emu.url}/_control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T & SlackBody;
}

export interface AuthorizeParams {
  scope?: string;
  userScope?: string;
  team?: string;
  state?: string;
  redirectUri?: string;
  codeChallenge?: string;
  decision?: 'allow' | 'cancel';
}

/** Submits the consent form and returns the redirect it answers with. */
export async function decide(emu: Emulator, params: AuthorizeParams = {}): Promise<URL> {
  const form = new URLSearchParams({
    client_id: DEMO_APP.clientId,
    scope: params.scope ?? 'chat:write,channels:read,groups:read,users:read',
    user_scope: params.userScope ?? 'users:read,users:write,chat:write,channels:read',
    redirect_uri: params.redirectUri ?? REDIRECT_URI,
    state: params.state ?? 'state-123',
    team: params.team ?? 'T0ACME001',
    decision: params.decision ?? 'allow',
  });
  if (params.codeChallenge) {
    form.set('code_challenge', params.codeChallenge);
    form.set('code_challenge_method', 'S256');
  }
  const res = await fetch(`${emu.url}/oauth/v2/authorize/decision`, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`decision: HTTP ${res.status}`);
  return new URL(location);
}

export interface Installed extends SlackBody {
  access_token: string;
  refresh_token: string;
  bot_user_id: string;
  authed_user: { id: string; access_token: string; refresh_token: string; scope: string };
}

/** The whole code flow over HTTP: consent, then oauth.v2.access with the secret. */
export async function installDemo(emu: Emulator, params: AuthorizeParams = {}): Promise<Installed> {
  const redirect = await decide(emu, params);
  const result = await callApi<Installed>(emu, 'oauth.v2.access', {
    client_id: DEMO_APP.clientId,
    client_secret: DEMO_APP.clientSecret,
    code: redirect.searchParams.get('code') ?? '',
    redirect_uri: params.redirectUri ?? REDIRECT_URI,
  });
  if (!result.ok) throw new Error(`install failed: ${result.error}`);
  return result;
}

export function refresh(emu: Emulator, refreshToken: string, secret: string | null = DEMO_APP.clientSecret) {
  const params: Record<string, string> = {
    client_id: DEMO_APP.clientId,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  };
  if (secret !== null) params.client_secret = secret;
  return callApi<{ access_token: string; refresh_token: string; token_type: string }>(emu, 'oauth.v2.access', params);
}
