// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed } from './helpers';
import { REDIRECT_URI, callApi, control, decide, installDemo, refresh } from './helpers';
import type { Emulator } from './index';
import { DEMO_APP, startEmulator } from './index';

// Slack ends every refresh token of a PKCE app 30 days after it was issued (slack-api.md §1.2).
const DAY = 86_400;
const verifier = 'secretpassword';
const challenge = 'ldMBaaWcQYtSATMV_IG8mf3wp7A6EW80arYoSW80ntU';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

/** The PKCE code flow over HTTP: a challenge on consent, the verifier and no secret on exchange. */
async function installPkce(): Promise<Installed> {
  const code = (await decide(emu, { codeChallenge: challenge })).searchParams.get('code') ?? '';
  return callApi<Installed>(emu, 'oauth.v2.access', {
    client_id: DEMO_APP.clientId,
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
  });
}

describe('PKCE refresh tokens expire', () => {
  it('refuses a bot or user refresh token older than 30 days like a dead one', async () => {
    const installed = await installPkce();
    emu.state.advanceClock(30 * DAY);
    expect((await refresh(emu, installed.refresh_token, null)).error).toBe('invalid_refresh_token');
    expect((await refresh(emu, installed.authed_user.refresh_token, null)).error).toBe('invalid_refresh_token');
    expect(emu.state.refreshLog('T0ACME001').map((entry) => entry.outcome)).toEqual([
      'invalid_refresh_token',
      'invalid_refresh_token',
    ]);
  });

  it('accepts it a moment before, and each refresh issues a token with 30 fresh days', async () => {
    const installed = await installPkce();
    emu.state.advanceClock(30 * DAY - 1);
    const renewed = await refresh(emu, installed.refresh_token, null);
    expect(renewed.ok).toBe(true);
    emu.state.advanceClock(30 * DAY - 2);
    expect((await refresh(emu, renewed.refresh_token, null)).ok).toBe(true);
  });

  it('ends inside the grace period too: an expired token is not traded twice', async () => {
    await control(emu, 'POST', '/config', { pkceRefreshLifetimeSeconds: 60, refreshGraceSeconds: 30 });
    const installed = await installPkce();
    emu.state.advanceClock(50);
    expect((await refresh(emu, installed.refresh_token, null)).ok).toBe(true);
    emu.state.advanceClock(15);
    expect((await refresh(emu, installed.refresh_token, null)).error).toBe('invalid_refresh_token');
  });

  it('takes a shorter lifetime through the control API', async () => {
    const config = await control<{ config: { pkceRefreshLifetimeSeconds: number } }>(emu, 'POST', '/config', {
      pkceRefreshLifetimeSeconds: 60,
    });
    expect(config.config.pkceRefreshLifetimeSeconds).toBe(60);
    const early = await installPkce();
    const late = await installPkce();
    emu.state.advanceClock(59);
    expect((await refresh(emu, early.refresh_token, null)).ok).toBe(true);
    emu.state.advanceClock(1);
    expect((await refresh(emu, late.refresh_token, null)).error).toBe('invalid_refresh_token');
    expect((await control(emu, 'POST', '/config', { pkceRefreshLifetimeSeconds: 'long' })).ok).toBe(false);
  });

  it('leaves a confidential chain alone: its refresh token does not expire', async () => {
    const installed = await installDemo(emu);
    emu.state.advanceClock(365 * DAY);
    expect((await refresh(emu, installed.refresh_token)).ok).toBe(true);
    expect((await refresh(emu, installed.authed_user.refresh_token)).ok).toBe(true);
  });

  it('applies to installs made through the control shortcut with publicClient', async () => {
    const installed = emu.state.install({ botScopes: ['chat:write'], publicClient: true });
    emu.state.advanceClock(30 * DAY);
    expect((await refresh(emu, installed.refresh_token ?? '', null)).error).toBe('invalid_refresh_token');
  });
});
