// @vitest-environment node
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callApi, control, installDemo, refresh } from './helpers';
import type { Emulator, EmulatorStats } from './index';
import { startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

describe('control API', () => {
  it('reset brings back the seed and forgets tokens and messages', async () => {
    const tokens = await installDemo(emu);
    await callApi(emu, 'chat.postMessage', { channel: 'general', text: 'x' }, tokens.access_token);
    await control(emu, 'POST', '/seed', { workspaces: [{ teamId: 'T0TINY001', name: 'Tiny', channels: 3, users: 2 }] });
    expect([...emu.state.workspaces.keys()]).toEqual(['T0TINY001']);
    await control(emu, 'POST', '/reset');
    expect([...emu.state.workspaces.keys()]).toEqual(['T0ACME001', 'T0GLOBEX1']);
    expect((await callApi(emu, 'auth.test', {}, tokens.access_token)).error).toBe('invalid_auth');
    expect((await control<{ messages: unknown[] }>(emu, 'GET', '/messages')).messages).toEqual([]);
  });

  it('seeds full workspace objects', async () => {
    await control(emu, 'POST', '/seed', {
      workspaces: [
        {
          teamId: 'T0FULL001',
          name: 'Full',
          users: [{ realName: 'Ana Costa' }, { realName: 'Ben Park' }],
          channels: [
            { name: 'general', general: true, members: 'all' },
            { name: 'secret', private: true, members: ['ben.park'] },
          ],
        },
      ],
    });
    const ws = emu.state.workspaces.get('T0FULL001');
    expect(ws?.users.map((u) => u.name)).toEqual(['ana.costa', 'ben.park', 'courier']);
    expect(ws?.conversations.map((c) => [c.name, c.members.size])).toEqual([
      ['general', 3],
      ['secret', 1],
    ]);
  });

  it('config changes token lifetime and auto-approval', async () => {
    const result = await control<{ config: { tokenLifetimeSeconds: number } }>(emu, 'POST', '/config', {
      tokenLifetimeSeconds: 30,
      autoApprove: true,
    });
    expect(result.config).toMatchObject({ tokenLifetimeSeconds: 30, autoApprove: true, refreshGraceSeconds: 10 });
    expect((await installDemo(emu)).expires_in).toBe(30);
    const bad = await fetch(`${emu.url}/_control/config`, { method: 'POST', body: '{"autoApprove":"yes"}' });
    expect(bad.status).toBe(400);
  });

  it('stats count calls per method and refreshes per chain and in total', async () => {
    const tokens = await installDemo(emu);
    await callApi(emu, 'auth.test', {}, tokens.access_token);
    await callApi(emu, 'auth.test', {}, tokens.access_token);
    const renewed = await refresh(emu, tokens.refresh_token);
    await refresh(emu, renewed.refresh_token);
    await refresh(emu, tokens.authed_user.refresh_token);
    await refresh(emu, 'xoxe-1-unknown');
    const res = await fetch(`${emu.url}/_control/stats`);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as EmulatorStats & { ok: boolean };
    expect(stats.ok).toBe(true);
    expect(stats.calls).toEqual({ 'oauth.v2.access': 5, 'auth.test': 2 });
    expect(Object.values(stats.refreshes).map((r) => [r.type, r.refreshes])).toEqual([
      ['bot', 2],
      ['user', 1],
    ]);
    // Failed attempts are in the refresh log, not in the total.
    expect(stats.refreshesTotal).toBe(3);
    expect(stats.messagesStored).toBe(0);
  });

  it('install hands out tokens without the browser flow', async () => {
    const result = await control<{ access_token: string }>(emu, 'POST', '/install', {
      teamId: 'T0GLOBEX1',
      botScopes: ['chat:write'],
    });
    expect((await callApi(emu, 'chat.postMessage', { channel: 'ops', text: 'hi' }, result.access_token)).ok).toBe(true);
  });

  it('unknown routes are 404', async () => {
    expect((await fetch(`${emu.url}/_control/nope`)).status).toBe(404);
  });
});

describe('cli', () => {
  it('prints one line with the URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/cli.ts', '--port', '0'], {
      cwd: new URL('../..', import.meta.url),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve) => lines.once('line', resolve));
    expect(first).toMatch(/^Slack emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.replace('Slack emulator listening on ', '');
    const res = await fetch(`${url}/api/auth.test`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
