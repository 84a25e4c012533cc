// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed } from './helpers';
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
  tokens = await installDemo(emu, { scope: 'users:read', userScope: 'users:read,users:write' });
});

describe('presence', () => {
  it('setPresence away then auto is reflected by getPresence for the caller', async () => {
    const user = tokens.authed_user.access_token;
    expect(await callApi(emu, 'users.setPresence', { presence: 'away' }, user)).toMatchObject({ ok: true });
    expect(await callApi(emu, 'users.getPresence', {}, user)).toMatchObject({
      ok: true,
      presence: 'away',
      online: true,
      auto_away: false,
      manual_away: true,
      connection_count: 1,
      last_activity: expect.any(Number) as unknown,
    });
    await callApi(emu, 'users.setPresence', { presence: 'auto' }, user);
    expect(await callApi(emu, 'users.getPresence', {}, user)).toMatchObject({ presence: 'active', manual_away: false });
  });

  it("another user's presence comes without the details", async () => {
    const omar = emu.state.workspaces.get('T0ACME001')?.users.find((u) => u.name === 'omar.haddad');
    const result = await callApi(emu, 'users.getPresence', { user: omar?.id ?? '' }, tokens.access_token);
    for (const detail of ['online', 'auto_away', 'manual_away', 'connection_count', 'last_activity']) {
      expect(result).not.toHaveProperty(detail);
    }
    expect(['active', 'away']).toContain(result.presence);
    expect((await callApi(emu, 'users.getPresence', { user: 'U0NOBODY' }, tokens.access_token)).error).toBe(
      'user_not_found',
    );
  });

  it('rejects bad values and bot tokens', async () => {
    const bad = await callApi(emu, 'users.setPresence', { presence: 'busy' }, tokens.authed_user.access_token);
    expect(bad.error).toBe('invalid_presence');
    const bot = await installDemo(emu, { scope: 'users:write', userScope: 'users:read' });
    expect((await callApi(emu, 'users.setPresence', { presence: 'away' }, bot.access_token)).error).toBe(
      'not_allowed_token_type',
    );
  });
});
