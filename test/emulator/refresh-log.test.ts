// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { control, installDemo, refresh } from './helpers';
import type { Emulator, RefreshLogEntry } from './index';
import { startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ refreshGraceSeconds: 5 });
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

async function readLog(team?: string): Promise<RefreshLogEntry[]> {
  const query = team ? `?team=${team}` : '';
  return (await control<{ log: RefreshLogEntry[] }>(emu, 'GET', `/refresh-log${query}`)).log;
}

function chainIdOf(refreshToken: string): string | undefined {
  return emu.state.tokens.chainOf(refreshToken)?.id;
}

describe('refresh log', () => {
  it('records every refresh attempt with clock time, chain, type, outcome and token suffix', async () => {
    const installed = await installDemo(emu);
    // An advanced clock shows the entries use the emulator's time, not the wall clock.
    emu.state.advanceClock(1000);
    const before = emu.state.now();
    await refresh(emu, installed.refresh_token);
    await refresh(emu, installed.authed_user.refresh_token);
    await refresh(emu, installed.refresh_token, 'wrong');
    await refresh(emu, 'xoxe-1-nope');
    const after = emu.state.now();

    const log = await readLog();
    const bot = { team: 'T0ACME001', chainId: chainIdOf(installed.refresh_token), type: 'bot' };
    expect(log.map(({ at: _at, ...rest }) => rest)).toEqual([
      { ...bot, outcome: 'ok', refreshTokenSuffix: installed.refresh_token.slice(-6) },
      {
        team: 'T0ACME001',
        chainId: chainIdOf(installed.authed_user.refresh_token),
        type: 'user',
        outcome: 'ok',
        refreshTokenSuffix: installed.authed_user.refresh_token.slice(-6),
      },
      { ...bot, outcome: 'bad_client_secret', refreshTokenSuffix: installed.refresh_token.slice(-6) },
      { team: null, chainId: null, type: null, outcome: 'invalid_refresh_token', refreshTokenSuffix: '1-nope' },
    ]);
    expect(bot.chainId).not.toBe(log[1]?.chainId);
    for (const entry of log) {
      expect(entry.at).toBeGreaterThanOrEqual(before);
      expect(entry.at).toBeLessThanOrEqual(after);
    }
    expect(emu.state.refreshLog()).toEqual(log);
  });

  it('logs refresh grants only, and shows a token reused after its grace period', async () => {
    const installed = await installDemo(emu);
    expect(await readLog()).toEqual([]);
    await refresh(emu, installed.refresh_token);
    emu.state.advanceClock(6);
    await refresh(emu, installed.refresh_token);
    expect((await readLog()).map((e) => [e.outcome, e.refreshTokenSuffix])).toEqual([
      ['ok', installed.refresh_token.slice(-6)],
      ['invalid_refresh_token', installed.refresh_token.slice(-6)],
    ]);
  });

  it('filters by team, and reset clears it', async () => {
    const acme = await installDemo(emu);
    const globex = await installDemo(emu, { team: 'T0GLOBEX1' });
    await refresh(emu, acme.refresh_token);
    await refresh(emu, globex.refresh_token);
    await refresh(emu, globex.authed_user.refresh_token);
    expect((await readLog('T0GLOBEX1')).map((e) => [e.team, e.type])).toEqual([
      ['T0GLOBEX1', 'bot'],
      ['T0GLOBEX1', 'user'],
    ]);
    expect(await readLog()).toHaveLength(3);
    await control(emu, 'POST', '/reset');
    expect(await readLog()).toEqual([]);
  });
});
