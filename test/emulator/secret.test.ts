// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REDIRECT_URI, callApi, control, decide, installDemo, refresh } from './helpers';
import type { Emulator } from './index';
import { DEMO_APP, startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

async function exchange(secret: string) {
  const code = (await decide(emu)).searchParams.get('code') ?? '';
  const params = { client_id: DEMO_APP.clientId, client_secret: secret, code, redirect_uri: REDIRECT_URI };
  return callApi<{ refresh_token: string }>(emu, 'oauth.v2.access', params);
}

function regenerate(clientId: string = DEMO_APP.clientId) {
  return control<{ clientSecret: string }>(emu, 'POST', '/regenerate-secret', { clientId });
}

describe('client secret regeneration', () => {
  it('answers a new secret; the old one is refused and the new one accepted', async () => {
    const result = await regenerate();
    expect(result.ok).toBe(true);
    expect(result.clientSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(result.clientSecret).not.toBe(DEMO_APP.clientSecret);
    expect(emu.state.apps.get(DEMO_APP.clientId)?.clientSecret).toBe(result.clientSecret);
    expect((await exchange(DEMO_APP.clientSecret)).error).toBe('bad_client_secret');
    expect((await exchange(result.clientSecret)).ok).toBe(true);
  });

  it('invalidates every refresh token of the app, bot, user and PKCE, while access tokens keep working', async () => {
    const acme = await installDemo(emu);
    const globex = emu.state.install({ teamId: 'T0GLOBEX1', botScopes: ['chat:write'], publicClient: true });
    const secret = emu.state.regenerateClientSecret(DEMO_APP.clientId);
    expect((await refresh(emu, acme.refresh_token, secret)).error).toBe('invalid_refresh_token');
    expect((await refresh(emu, acme.authed_user.refresh_token, secret)).error).toBe('invalid_refresh_token');
    // A PKCE chain refreshes without the secret, yet its refresh token is dead all the same.
    expect((await refresh(emu, globex.refresh_token ?? '', null)).error).toBe('invalid_refresh_token');
    for (const token of [acme.access_token, acme.authed_user.access_token, globex.access_token ?? '']) {
      expect((await callApi(emu, 'auth.test', {}, token)).ok).toBe(true);
    }
    // …but only until they expire: nothing can renew them now.
    emu.state.advanceClock(emu.state.config.tokenLifetimeSeconds + 1);
    expect((await callApi(emu, 'auth.test', {}, acme.access_token)).error).toBe('token_expired');
  });

  it('kills a refresh token issued by a refresh before regeneration', async () => {
    const installed = await installDemo(emu);
    const renewed = await refresh(emu, installed.refresh_token);
    const secret = (await regenerate()).clientSecret;
    expect((await refresh(emu, renewed.refresh_token, secret)).error).toBe('invalid_refresh_token');
    expect((await callApi(emu, 'auth.test', {}, renewed.access_token)).ok).toBe(true);
  });

  it('lets refresh tokens issued after regeneration work with the new secret only', async () => {
    const secret = (await regenerate()).clientSecret;
    const installed = await exchange(secret);
    expect((await refresh(emu, installed.refresh_token, DEMO_APP.clientSecret)).error).toBe('bad_client_secret');
    expect((await refresh(emu, installed.refresh_token, secret)).ok).toBe(true);
  });

  it('leaves other apps alone', async () => {
    await control(emu, 'POST', '/seed', {
      apps: [
        { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret },
        { clientId: '333.444', clientSecret: 'other-secret' },
      ],
      workspaces: [{ teamId: 'T0TINY001', name: 'Tiny', channels: 2, users: 2 }],
    });
    const other = emu.state.install({ clientId: '333.444', botScopes: ['chat:write'] });
    await regenerate();
    const params = {
      client_id: '333.444',
      client_secret: 'other-secret',
      grant_type: 'refresh_token',
      refresh_token: other.refresh_token ?? '',
    };
    expect((await callApi(emu, 'oauth.v2.access', params)).ok).toBe(true);
  });

  it('refuses a missing or unknown clientId with HTTP 400, and reset brings the old secret back', async () => {
    for (const body of [{}, { clientId: '999.999' }]) {
      const res = await fetch(`${emu.url}/_control/regenerate-secret`, { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
    }
    await regenerate();
    await control(emu, 'POST', '/reset');
    expect((await exchange(DEMO_APP.clientSecret)).ok).toBe(true);
  });
});
