// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { channelId, control, install } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
let tokens: Tokens;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  tokens = install(emu);
});

const RATES = { latency: 0.15, http500: 0.15, dropAfter: 0.15, ratelimit: 0.15, expire: 0.15 };

/** One chat.postMessage; what the client saw: 'ok', a Slack error code, 'http500', '429' or 'dropped'. */
async function post(text: string): Promise<string> {
  try {
    const res = await fetch(`${emu.url}/api/chat.postMessage`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.bot, channel: channelId(emu, 'general'), text }),
    });
    if (res.status === 429) return '429';
    if (res.status !== 200) return `http${res.status}`;
    const body = (await res.json()) as { ok: boolean; error?: string };
    if (body.error === 'token_expired') tokens = install(emu);
    return body.ok ? 'ok' : (body.error ?? 'error');
  } catch {
    return 'dropped';
  }
}

async function run(count: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) outcomes.push(await post(`m${i}`));
  return outcomes;
}

describe('chaos mode', () => {
  it('disabled (the default) injects nothing', async () => {
    expect(await run(20)).toEqual(Array(20).fill('ok'));
    expect(emu.state.stats()).toMatchObject({ chaosApplied: 0, messagesStored: 20 });
  });

  it('the same seed gives the same effects; every effect shows, and each stored message is counted', async () => {
    emu.state.setChaos({ enabled: true, seed: 42, rates: RATES, latencyMs: 5 });
    const first = await run(60);
    const firstStats = emu.state.stats();
    expect(firstStats.chaosApplied).toBeGreaterThan(0);
    for (const effect of Object.keys(RATES)) {
      expect(firstStats.chaosEffects[effect as keyof typeof RATES], effect).toBeGreaterThan(0);
    }
    // dropAfter stores the message though the client saw the connection drop; latency stores it late.
    const { chaosEffects: e } = firstStats;
    expect(first.filter((o) => o === 'ok')).toHaveLength(60 - e.http500 - e.dropAfter - e.ratelimit - e.expire);
    expect(first.filter((o) => o === 'dropped')).toHaveLength(e.dropAfter);
    expect(first.filter((o) => o === 'http500')).toHaveLength(e.http500);
    expect(first.filter((o) => o === '429')).toHaveLength(e.ratelimit);
    expect(first.filter((o) => o === 'token_expired')).toHaveLength(e.expire);
    expect(firstStats.messagesStored).toBe(60 - e.http500 - e.ratelimit - e.expire);
    expect(emu.state.listMessages({ channel: channelId(emu, 'general') })).toHaveLength(firstStats.messagesStored);

    emu.state.reset();
    tokens = install(emu);
    emu.state.setChaos({ enabled: true, seed: 42, rates: RATES, latencyMs: 5 });
    expect(await run(60)).toEqual(first);
    expect(emu.state.stats().chaosEffects).toEqual(firstStats.chaosEffects);
  });

  it('a different seed gives different effects', async () => {
    emu.state.setChaos({ enabled: true, seed: 1, rates: RATES, latencyMs: 1 });
    const one = await run(30);
    emu.state.setChaos({ seed: 2 });
    expect(await run(30)).not.toEqual(one);
  });

  it('only chaos methods draw write effects; oauth.v2.access gets latency at most', async () => {
    emu.state.setChaos({ enabled: true, seed: 7, rates: { http500: 1 } });
    const res = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.bot }),
    });
    expect(res.status).toBe(200);
    expect(emu.state.chaosFault('oauth.v2.access')).toBeUndefined();
    expect(await post('x')).toBe('http500');
    expect(emu.state.stats().chaosApplied).toBe(1);
  });

  it('POST /_control/chaos turns it on, reports it, and rejects bad rates', async () => {
    const on = await control<{ chaos: { enabled: boolean; seed: number; rates: Record<string, number> } }>(
      emu,
      'POST',
      '/chaos',
      { enabled: true, seed: 9, rates: { ratelimit: 1 }, retryAfter: 3 },
    );
    expect(on.ok).toBe(true);
    expect(on.chaos).toMatchObject({ enabled: true, seed: 9, rates: { ratelimit: 1, http500: 0 } });
    const res = await fetch(`${emu.url}/api/chat.postMessage`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.bot, channel: channelId(emu, 'general'), text: 'x' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    const stats = await control<{ chaosApplied: number }>(emu, 'GET', '/stats');
    expect(stats.chaosApplied).toBe(1);

    expect((await control(emu, 'POST', '/chaos', { rates: { http500: 0.8 } })).ok).toBe(false);
    expect((await control(emu, 'POST', '/chaos', { rates: { meteor: 0.1 } })).ok).toBe(false);
    expect((await control(emu, 'POST', '/chaos', { enabled: 'yes' })).ok).toBe(false);
    await control(emu, 'POST', '/chaos', { enabled: false });
    expect(await post('y')).toBe('ok');
  });
});
