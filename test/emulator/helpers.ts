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

// prettier-ignore
/** Every bot scope the emulated methods check. */
export const ALL_BOT_SCOPES = [
  'chat:write', 'chat:write.public', 'channels:read', 'groups:read', 'im:read', 'mpim:read', 'channels:history',
  'groups:history', 'im:history', 'mpim:history', 'channels:manage', 'channels:join', 'channels:write.invites',
  'groups:write', 'groups:write.invites', 'im:write', 'mpim:write', 'files:read', 'files:write', 'users:read',
  'users:read.email', 'users.profile:read', 'usergroups:read', 'team:read', 'conversations.connect:write',
  'conversations.connect:manage',
];

// prettier-ignore
/** Every user scope the emulated methods check. */
export const ALL_USER_SCOPES = [
  'chat:write', 'channels:read', 'groups:read', 'im:read', 'mpim:read', 'channels:history', 'groups:history',
  'im:history', 'mpim:history', 'channels:write', 'channels:write.invites', 'groups:write', 'groups:write.invites',
  'im:write', 'mpim:write', 'files:read', 'files:write', 'users:read', 'users:read.email', 'users.profile:read',
  'usergroups:read', 'team:read',
];

export interface Tokens {
  bot: string;
  user: string;
  botUserId: string;
  userId: string;
}

/** An install without the browser round trip (the in-process shortcut of POST /_control/install). */
export function install(
  emu: Emulator,
  options: { team?: string; bot?: string[]; user?: string[]; userId?: string } = {},
): Tokens {
  const result = emu.state.install({
    teamId: options.team ?? 'T0ACME001',
    botScopes: options.bot ?? ALL_BOT_SCOPES,
    userScopes: options.user ?? ALL_USER_SCOPES,
    userId: options.userId,
  });
  return {
    bot: result.access_token ?? '',
    user: result.authed_user.access_token ?? '',
    botUserId: result.bot_user_id ?? '',
    userId: result.authed_user.id,
  };
}

/** Like install, but with exactly these scopes: Slack adds scopes up across installs, so forget earlier grants. */
export function installOnly(emu: Emulator, options: { team?: string; bot?: string[]; user?: string[] }): Tokens {
  emu.state.grants.clear();
  return install(emu, { ...options, bot: options.bot ?? [], user: options.user ?? [] });
}

export function channelId(emu: Emulator, name: string, team = 'T0ACME001'): string {
  const found = emu.state.workspaces.get(team)?.conversations.find((c) => c.name === name);
  if (!found) throw new Error(`no channel ${name}`);
  return found.id;
}

export function userId(emu: Emulator, handle: string, team = 'T0ACME001'): string {
  const found = emu.state.workspaces.get(team)?.users.find((u) => u.name === handle);
  if (!found) throw new Error(`no user ${handle}`);
  return found.id;
}
