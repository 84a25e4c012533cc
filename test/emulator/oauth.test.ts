// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REDIRECT_URI, callApi, decide, installDemo } from './helpers';
import type { Emulator } from './index';
import { DEMO_APP, startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: DEMO_APP.clientId,
    scope: 'chat:write,channels:read',
    user_scope: 'users:write',
    redirect_uri: REDIRECT_URI,
    state: 's1',
    ...params,
  });
  return `${emu.url}/oauth/v2/authorize?${query}`;
}

function exchange(code: string, extra: Record<string, string> = {}) {
  return callApi(emu, 'oauth.v2.access', {
    client_id: DEMO_APP.clientId,
    client_secret: DEMO_APP.clientSecret,
    code,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });
}

describe('authorize page', () => {
  it('shows a consent form with Allow and Cancel, the scopes and the preselected team', async () => {
    const res = await fetch(authorizeUrl({ team: 'T0GLOBEX1' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<title>Courier emulator – authorize</title>');
    expect(html).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    expect(html).toContain('<option value="T0GLOBEX1" selected>');
    expect(html).toContain('<code>chat:write</code>');
    expect(html).toContain('<code>users:write</code>');
    expect(html).toContain('action="/oauth/v2/authorize/decision"');
  });

  it('defaults the workspace to the first one', async () => {
    const html = await (await fetch(authorizeUrl({}))).text();
    expect(html).toContain('<option value="T0ACME001" selected>');
  });

  it('shows an error page, not a redirect, for an unknown client_id', async () => {
    const res = await fetch(authorizeUrl({ client_id: '999.999' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Invalid client_id');
  });

  it('refuses a redirect_uri that is not http(s)', async () => {
    const res = await fetch(authorizeUrl({ redirect_uri: 'javascript:alert(1)' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
  });

  it('redirects with invalid_scope for unknown scope names', async () => {
    const res = await fetch(authorizeUrl({ scope: 'chat:write,made:up' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('redirects straight away with a code when autoApprove is on', async () => {
    emu.state.configure({ autoApprove: true });
    const res = await fetch(authorizeUrl({ team: 'T0GLOBEX1' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    const result = await exchange(location.searchParams.get('code') ?? '');
    expect(result).toMatchObject({ ok: true, team: { id: 'T0GLOBEX1', name: 'Globex' } });
  });
});

describe('decision and code exchange', () => {
  it('Allow redirects with code and state; the code buys Slack-shaped tokens', async () => {
    const redirect = await decide(emu, { state: 'xyz' });
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const result = await exchange(redirect.searchParams.get('code') ?? '');
    expect(result).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'chat:write,channels:read,groups:read,users:read',
      app_id: 'A0COURIER1',
      expires_in: 43200,
      team: { id: 'T0ACME001', name: 'Acme Corp' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { token_type: 'user', expires_in: 43200, scope: 'users:read,users:write,chat:write,channels:read' },
    });
    expect(result.access_token).toMatch(/^xoxe\.xoxb-1-/);
    expect(result.refresh_token).toMatch(/^xoxe-1-/);
    expect(result.bot_user_id).toMatch(/^U/);
    const user = result.authed_user as { access_token: string; refresh_token: string; id: string };
    expect(user.access_token).toMatch(/^xoxe\.xoxp-1-/);
    expect(user.refresh_token).toMatch(/^xoxe-1-/);
    expect(user.id).toMatch(/^U/);
  });

  it('Cancel redirects with error=access_denied and the state', async () => {
    const redirect = await decide(emu, { decision: 'cancel', state: 'st' });
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('st');
    expect(redirect.searchParams.get('code')).toBeNull();
  });

  it('a code works once', async () => {
    const code = (await decide(emu)).searchParams.get('code') ?? '';
    expect((await exchange(code)).ok).toBe(true);
    expect(await exchange(code)).toMatchObject({ ok: false, error: 'invalid_code' });
  });

  it('a code expires after 10 minutes', async () => {
    const code = (await decide(emu)).searchParams.get('code') ?? '';
    emu.state.advanceClock(601);
    expect((await exchange(code)).error).toBe('invalid_code');
  });

  it('rejects a wrong secret, an unknown client and a different redirect_uri', async () => {
    const code = (await decide(emu)).searchParams.get('code') ?? '';
    expect((await exchange(code, { client_secret: 'nope' })).error).toBe('bad_client_secret');
    expect((await exchange(code, { client_id: '1.2' })).error).toBe('invalid_client_id');
    expect((await exchange(code, { redirect_uri: 'https://elsewhere.example/cb' })).error).toBe('bad_redirect_uri');
    expect((await exchange(code, { grant_type: 'password' })).error).toBe('invalid_grant_type');
    // None of those consumed the code.
    expect((await exchange(code)).ok).toBe(true);
  });

  it('accepts client credentials through HTTP Basic auth', async () => {
    const code = (await decide(emu)).searchParams.get('code') ?? '';
    const basic = Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64');
    const res = await fetch(`${emu.url}/api/oauth.v2.access`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({ code, redirect_uri: REDIRECT_URI }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });
});

describe('PKCE', () => {
  // Slack's worked example (slack-api.md §1.2).
  const verifier = 'secretpassword';
  const challenge = 'ldMBaaWcQYtSATMV_IG8mf3wp7A6EW80arYoSW80ntU';

  it('matches the documented test vector', () => {
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
  });

  it('exchanges a code with the right verifier and no secret', async () => {
    const code = (await decide(emu, { codeChallenge: challenge })).searchParams.get('code') ?? '';
    const result = await callApi(emu, 'oauth.v2.access', {
      client_id: DEMO_APP.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
    expect(result.ok).toBe(true);
  });

  it('rejects a wrong or missing verifier', async () => {
    const code = (await decide(emu, { codeChallenge: challenge })).searchParams.get('code') ?? '';
    const base = { client_id: DEMO_APP.clientId, code, redirect_uri: REDIRECT_URI };
    expect((await callApi(emu, 'oauth.v2.access', { ...base, code_verifier: 'wrong' })).error).toBe(
      'invalid_code_verifier',
    );
    expect((await callApi(emu, 'oauth.v2.access', base)).error).toBe('invalid_code_verifier');
  });

  it('still wants the secret when the code was issued without a challenge', async () => {
    const code = (await decide(emu)).searchParams.get('code') ?? '';
    const result = await callApi(emu, 'oauth.v2.access', {
      client_id: DEMO_APP.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
    expect(result.error).toBe('bad_client_secret');
  });

  it('lets a PKCE-born chain refresh without the secret', async () => {
    const code = (await decide(emu, { codeChallenge: challenge })).searchParams.get('code') ?? '';
    const installed = await callApi<{ refresh_token: string }>(emu, 'oauth.v2.access', {
      client_id: DEMO_APP.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
    const refreshed = await callApi(emu, 'oauth.v2.access', {
      client_id: DEMO_APP.clientId,
      grant_type: 'refresh_token',
      refresh_token: installed.refresh_token,
    });
    expect(refreshed.ok).toBe(true);
  });
});

describe('installing programmatically', () => {
  it('state.install returns what oauth.v2.access would, and the tokens work', async () => {
    const result = emu.state.install({ teamId: 'T0GLOBEX1', botScopes: ['chat:write'], userScopes: ['users:read'] });
    const test = await callApi(emu, 'auth.test', {}, result.authed_user.access_token);
    expect(test).toMatchObject({ ok: true, team_id: 'T0GLOBEX1', team: 'Globex' });
  });

  it('scopes add up across installs', async () => {
    await installDemo(emu, { scope: 'chat:write', userScope: 'users:read' });
    const second = await installDemo(emu, { scope: 'channels:read', userScope: 'users:write' });
    expect(second.scope).toBe('chat:write,channels:read');
    expect(second.authed_user.scope).toBe('users:read,users:write');
  });
});
