// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callApi, control, installDemo, refresh } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ refreshGraceSeconds: 5 });
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

describe('refresh_token grant', () => {
  it('returns a new access token and a new refresh token each time, flat, per chain', async () => {
    const installed = await installDemo(emu);
    const first = await refresh(emu, installed.refresh_token);
    expect(first).toMatchObject({
      ok: true,
      token_type: 'bot',
      bot_user_id: installed.bot_user_id,
      expires_in: 43200,
      app_id: 'A0COURIER1',
      team: { id: 'T0ACME001', name: 'Acme Corp' },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(first).not.toHaveProperty('authed_user');
    expect(first.access_token).toMatch(/^xoxe\.xoxb-1-/);
    expect(first.access_token).not.toBe(installed.access_token);
    expect(first.refresh_token).toMatch(/^xoxe-1-/);
    expect(first.refresh_token).not.toBe(installed.refresh_token);
    const second = await refresh(emu, first.refresh_token);
    expect(new Set([installed.refresh_token, first.refresh_token, second.refresh_token]).size).toBe(3);

    const user = await refresh(emu, installed.authed_user.refresh_token);
    expect(user).toMatchObject({ ok: true, token_type: 'user', user_id: installed.authed_user.id });
    expect(user.access_token).toMatch(/^xoxe\.xoxp-1-/);
    expect(user).not.toHaveProperty('bot_user_id');

    const stats = emu.state.stats();
    const refreshes = Object.values(stats.refreshes).map((r) => [r.type, r.refreshes]);
    expect(refreshes).toEqual([
      ['bot', 2],
      ['user', 1],
    ]);
  });

  it('keeps a used refresh token working inside the grace period only', async () => {
    const installed = await installDemo(emu);
    expect((await refresh(emu, installed.refresh_token)).ok).toBe(true);
    emu.state.advanceClock(4);
    expect((await refresh(emu, installed.refresh_token)).ok).toBe(true);
    emu.state.advanceClock(2);
    expect((await refresh(emu, installed.refresh_token)).error).toBe('invalid_refresh_token');
  });

  it('honours a grace period changed through the control API', async () => {
    await control(emu, 'POST', '/config', { refreshGraceSeconds: 0 });
    const installed = await installDemo(emu);
    expect((await refresh(emu, installed.refresh_token)).ok).toBe(true);
    emu.state.advanceClock(0.01);
    expect((await refresh(emu, installed.refresh_token)).error).toBe('invalid_refresh_token');
  });

  it('refuses unknown refresh tokens and wrong secrets', async () => {
    const installed = await installDemo(emu);
    expect((await refresh(emu, 'xoxe-1-nope')).error).toBe('invalid_refresh_token');
    expect((await refresh(emu, installed.refresh_token, 'wrong')).error).toBe('bad_client_secret');
    expect((await refresh(emu, installed.refresh_token, null)).error).toBe('bad_client_secret');
  });

  it('does not revoke the previous access token at once, but keeps at most two live', async () => {
    const installed = await installDemo(emu);
    const first = await refresh(emu, installed.refresh_token);
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).ok).toBe(true);
    await refresh(emu, first.refresh_token);
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).error).toBe('token_revoked');
    expect((await callApi(emu, 'auth.test', {}, first.access_token)).ok).toBe(true);
  });
});

describe('expiry and revocation', () => {
  it('answers token_expired once expires_in has passed, and a refresh fixes it', async () => {
    await control(emu, 'POST', '/config', { tokenLifetimeSeconds: 60 });
    const installed = await installDemo(emu);
    expect(installed.expires_in).toBe(60);
    emu.state.advanceClock(61);
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).error).toBe('token_expired');
    const renewed = await refresh(emu, installed.refresh_token);
    expect((await callApi(emu, 'auth.test', {}, renewed.access_token)).ok).toBe(true);
  });

  it('expire-tokens makes every live access token of a team expire now', async () => {
    const installed = await installDemo(emu);
    const result = await control<{ expired: number }>(emu, 'POST', '/expire-tokens', { team: 'T0ACME001' });
    expect(result.expired).toBe(2);
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).error).toBe('token_expired');
    expect((await callApi(emu, 'auth.test', {}, installed.authed_user.access_token)).error).toBe('token_expired');
  });

  it('auth.test reports the remaining lifetime', async () => {
    const installed = await installDemo(emu);
    emu.state.advanceClock(100);
    const test = await callApi(emu, 'auth.test', {}, installed.access_token);
    expect(test.expires_in).toBeGreaterThanOrEqual(43098);
    expect(test.expires_in).toBeLessThanOrEqual(43100);
  });

  it('auth.revoke revokes the token it is given; test=1 revokes nothing', async () => {
    const installed = await installDemo(emu);
    expect(await callApi(emu, 'auth.revoke', { test: '1' }, installed.access_token)).toMatchObject({
      ok: true,
      revoked: true,
    });
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).ok).toBe(true);
    expect((await callApi(emu, 'auth.revoke', {}, installed.access_token)).revoked).toBe(true);
    expect((await callApi(emu, 'auth.test', {}, installed.access_token)).error).toBe('token_revoked');
    // The user chain is a separate authorization and still works.
    expect((await callApi(emu, 'auth.test', {}, installed.authed_user.access_token)).ok).toBe(true);
  });

  it('auth.revoke with a refresh token retires that refresh token', async () => {
    const installed = await installDemo(emu);
    expect((await callApi(emu, 'auth.revoke', {}, installed.refresh_token)).ok).toBe(true);
    expect((await refresh(emu, installed.refresh_token)).error).toBe('invalid_refresh_token');
  });
});
