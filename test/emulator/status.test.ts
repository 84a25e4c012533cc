// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { ALL_USER_SCOPES, callApi, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface ProfileBody {
  ok: boolean;
  error?: string;
  profile: { status_text: string; status_emoji: string; status_expiration: number };
}

let emu: Emulator;
let t: Tokens;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu, { user: [...ALL_USER_SCOPES, 'users.profile:write', 'dnd:read', 'dnd:write'] });
});

const now = () => Math.floor(emu.state.now() / 1000);
const set = (profile: unknown, token = t.user) =>
  callApi<ProfileBody>(emu, 'users.profile.set', { profile: JSON.stringify(profile) }, token);
const get = (token = t.user) => callApi<ProfileBody>(emu, 'users.profile.get', {}, token);

describe('users.profile.set: the status', () => {
  it('sets the status, which users.profile.get then shows, and clears it with empty fields', async () => {
    const until = now() + 3600;
    const answer = await set({ status_text: 'In a meeting', status_emoji: ':calendar:', status_expiration: until });
    expect(answer).toMatchObject({
      ok: true,
      profile: { status_text: 'In a meeting', status_emoji: ':calendar:', status_expiration: until },
    });
    expect((await get()).profile).toMatchObject({ status_text: 'In a meeting', status_expiration: until });
    await set({ status_text: '', status_emoji: '' });
    expect((await get()).profile).toMatchObject({ status_text: '', status_emoji: '', status_expiration: 0 });
  });

  it('drops the status once it has expired', async () => {
    await set({ status_text: 'Lunch', status_emoji: ':knife_fork_plate:', status_expiration: now() + 60 });
    emu.state.advanceClock(61);
    expect((await get()).profile).toMatchObject({ status_text: '', status_emoji: '', status_expiration: 0 });
  });

  it("answers Slack's errors", async () => {
    expect((await set({ status_text: 'x'.repeat(101) })).error).toBe('too_long');
    expect((await set({ status_emoji: 'calendar' })).error).toBe('profile_status_set_failed_not_emoji_syntax');
    expect((await callApi(emu, 'users.profile.set', { profile: '{nope' }, t.user)).error).toBe('invalid_profile');
    const omar = userId(emu, 'omar.haddad');
    const other = await callApi(emu, 'users.profile.set', { user: omar, profile: '{}' }, t.user);
    expect(['not_admin', 'ok']).toContain(other.error ?? 'ok');
  });

  it('needs users.profile:write on a user token', async () => {
    const without = installOnly(emu, { user: ['users.profile:read'] });
    expect(await set({ status_text: 'Hi' }, without.user)).toMatchObject({ error: 'missing_scope' });
    expect((await set({ status_text: 'Hi' }, t.bot)).error).toBe('not_allowed_token_type');
  });
});

describe('dnd: pause and resume', () => {
  it('snoozes for the minutes asked, dnd.info tells it, endSnooze ends it', async () => {
    const paused = await callApi(emu, 'dnd.setSnooze', { num_minutes: '30' }, t.user);
    expect(paused).toMatchObject({
      ok: true,
      snooze_enabled: true,
      snooze_remaining: 1800,
      snooze_endtime: now() + 1800,
    });
    expect(await callApi(emu, 'dnd.info', {}, t.user)).toMatchObject({ ok: true, snooze_enabled: true });
    expect(await callApi(emu, 'dnd.endSnooze', {}, t.user)).toMatchObject({ ok: true, snooze_enabled: false });
    expect(await callApi(emu, 'dnd.info', {}, t.user)).toMatchObject({ snooze_enabled: false });
    expect((await callApi(emu, 'dnd.endSnooze', {}, t.user)).error).toBe('snooze_not_active');
  });

  it("answers Slack's errors and scopes", async () => {
    expect((await callApi(emu, 'dnd.setSnooze', {}, t.user)).error).toBe('missing_duration');
    expect((await callApi(emu, 'dnd.setSnooze', { num_minutes: '999999' }, t.user)).error).toBe('too_long');
    const readOnly = installOnly(emu, { user: ['dnd:read'] });
    expect(await callApi(emu, 'dnd.setSnooze', { num_minutes: '5' }, readOnly.user)).toMatchObject({
      error: 'missing_scope',
      needed: 'dnd:write',
    });
    expect((await callApi(emu, 'dnd.setSnooze', { num_minutes: '5' }, t.bot)).error).toBe('not_allowed_token_type');
    const writeOnly = installOnly(emu, { user: ['dnd:write'] });
    expect((await callApi(emu, 'dnd.info', {}, writeOnly.user)).error).toBe('missing_scope');
  });
});
