// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed, SlackBody } from './helpers';
import { callApi, installDemo } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
let tokens: Installed;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  tokens = await installDemo(emu, { scope: 'chat:write,channels:read,users:read', userScope: 'users:read' });
});

describe('authentication errors', () => {
  it('not_authed without a token, invalid_auth for an unknown one, both with HTTP 200', async () => {
    const res = await fetch(`${emu.url}/api/auth.test`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
    expect((await callApi(emu, 'auth.test', {}, 'xoxb-unknown')).error).toBe('invalid_auth');
  });

  it('takes the token from Authorization: Bearer with a JSON body', async () => {
    const res = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({
      ok: true,
      user_id: tokens.bot_user_id,
      bot_id: expect.any(String) as unknown,
    });
  });

  it('ignores a token inside a JSON body, as Slack does', async () => {
    const res = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ token: tokens.access_token }),
    });
    expect(((await res.json()) as SlackBody).error).toBe('not_authed');
  });

  it('reports invalid_json and unknown_method', async () => {
    const res = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json; charset=utf-8' },
      body: '{nope',
    });
    expect(((await res.json()) as SlackBody).error).toBe('invalid_json');
    expect((await callApi(emu, 'nope.nothing', {}, tokens.access_token)).error).toBe('unknown_method');
  });
});

describe('envelope extras', () => {
  it('adds Slack content-type warnings to response_metadata', async () => {
    const form = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: `token=${tokens.access_token}`,
    });
    expect(await form.json()).toMatchObject({
      ok: true,
      warning: 'superfluous_charset',
      response_metadata: { warnings: ['superfluous_charset'] },
    });
    const json = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await json.json()) as SlackBody).warning).toBe('missing_charset');
  });

  it('sends x-oauth-scopes and CORS headers, and answers preflight with 204', async () => {
    const res = await fetch(`${emu.url}/api/users.list`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.access_token, limit: '2' }),
    });
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,channels:read,users:read');
    expect(res.headers.get('x-accepted-oauth-scopes')).toBe('users:read');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${emu.url}/api/chat.postMessage`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('scopes and token types', () => {
  it('missing_scope names what is needed and what was granted', async () => {
    const res = await fetch(`${emu.url}/api/conversations.list`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.access_token, types: 'public_channel,private_channel,im' }),
    });
    expect(await res.json()).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'groups:read,im:read',
      provided: 'chat:write,channels:read,users:read',
    });
    expect(res.headers.get('x-accepted-oauth-scopes')).toBe('channels:read,groups:read,mpim:read,im:read');
    const user = await callApi(
      emu,
      'chat.postMessage',
      { channel: 'general', text: 'x' },
      tokens.authed_user.access_token,
    );
    expect(user).toMatchObject({ error: 'missing_scope', needed: 'chat:write', provided: 'users:read' });
  });

  it('not_allowed_token_type for a bot calling a user-token method', async () => {
    const installed = await installDemo(emu, { scope: 'users:write', userScope: 'users:write' });
    expect((await callApi(emu, 'users.setPresence', { presence: 'away' }, installed.access_token)).error).toBe(
      'not_allowed_token_type',
    );
  });
});

describe('channel errors', () => {
  it('not_in_channel for a public channel the bot has not joined', async () => {
    const result = await callApi(emu, 'chat.postMessage', { channel: 'random', text: 'hi' }, tokens.access_token);
    expect(result).toMatchObject({ ok: false, error: 'not_in_channel' });
  });

  it('channel_not_found for unknown channels and private ones the caller is not in', async () => {
    for (const channel of ['C0NOPE', 'no-such-channel', 'leadership']) {
      const result = await callApi(emu, 'chat.postMessage', { channel, text: 'hi' }, tokens.access_token);
      expect(result.error, channel).toBe('channel_not_found');
    }
  });

  it('is_archived and no_text', async () => {
    const archived = await callApi(
      emu,
      'chat.postMessage',
      { channel: 'old-project', text: 'hi' },
      tokens.access_token,
    );
    expect(archived.error).toBe('is_archived');
    const empty = await callApi(emu, 'chat.postMessage', { channel: 'general' }, tokens.access_token);
    expect(empty.error).toBe('no_text');
  });
});
