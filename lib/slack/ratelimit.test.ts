// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { clockedClient } from './testing/emulator-clock';

// The emulator enforces Slack's tiers for real (users.list: Tier 2, 20 a minute, sliding), on its
// own clock, which only moves when the client or its budget sleeps.
const ACME = 'T0ACME001';

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: true });
});
afterAll(() => emulator.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2025, 0, 1) });
  emulator.state.reset();
  token = emulator.state.install({ teamId: ACME, botScopes: ['users:read', 'chat:write'] }).access_token ?? '';
});
afterEach(() => {
  vi.useRealTimers();
});

/** Another Courier (a second browser) on the same app and workspace: same window, not our budget. */
async function rivalUsesTheWindow(calls: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < calls; i++) {
    const body = new URLSearchParams({ token, limit: '1' });
    statuses.push((await fetch(`${emulator.url}/api/users.list`, { method: 'POST', body })).status);
  }
  return statuses;
}

const burst = (count: number, run: () => Promise<Record<string, unknown>>) =>
  Promise.all(Array.from({ length: count }, run));

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('rate limits', () => {
  it('rides out a 429 storm: 100 calls to a Tier 2 method all succeed, and the next burst waits instead', async () => {
    expect(count(await rivalUsesTheWindow(20), 200)).toBe(20);
    const { client, statuses } = clockedClient(emulator, ACME);
    const started = emulator.state.now();

    const first = await burst(100, () => client.call('users.list', { limit: 1 }, { token }));
    expect(first.every((body) => body.ok === true)).toBe(true);
    // Our budget let 20 go at once into a window the rival had filled: those 20 met 429s, were
    // retried after Retry-After, and everything after them waited its turn.
    expect(count(statuses, 429)).toBe(20);
    expect(count(statuses, 200)).toBe(100);
    // 100 calls at 20 a minute after a minute's penalty: about six minutes of Slack's clock.
    expect(emulator.state.now() - started).toBeGreaterThanOrEqual(5 * 60_000);

    statuses.length = 0;
    const second = await burst(100, () => client.call('users.list', { limit: 1 }, { token }));
    expect(second.every((body) => body.ok === true)).toBe(true);
    expect(statuses).toEqual(Array<number>(100).fill(200));
  });

  it('after a 429 the call and those queued behind it wait Retry-After instead of hammering', async () => {
    await rivalUsesTheWindow(20);
    emulator.state.advanceClock(1);
    const { client, statuses } = clockedClient(emulator, ACME);
    const started = emulator.state.now();
    await burst(5, () => client.call('users.list', { limit: 1 }, { token }));
    // Each of the five met one 429 (Retry-After 59), then waited for it: none met a second.
    expect(statuses).toEqual([...Array<number>(5).fill(429), ...Array<number>(5).fill(200)]);
    expect(emulator.state.now() - started).toBeGreaterThanOrEqual(59_000);
  });

  it('does not let a burst of 100 hit a 429 at all when nobody else shares the window', async () => {
    const { client, statuses } = clockedClient(emulator, ACME);
    await burst(100, () => client.call('users.list', { limit: 1 }, { token }));
    expect(statuses).toEqual(Array<number>(100).fill(200));
  });

  it('rides out injected 429s (Retry-After 1) across a burst', async () => {
    emulator.state.faults.add({ method: 'users.list', kind: 'ratelimit', retryAfter: 1, count: 30 });
    const { client, statuses } = clockedClient(emulator, ACME);
    const bodies = await burst(100, () => client.call('users.list', { limit: 1 }, { token }));
    expect(bodies.every((body) => body.ok === true)).toBe(true);
    expect(count(statuses, 429)).toBe(30);
    expect(count(statuses, 200)).toBe(100);
  });

  it('paces chat.postMessage per channel, so a burst of posts all land, in order', async () => {
    const ws = emulator.state.workspaces.get(ACME);
    const engineering = ws?.conversations.find((c) => c.name === 'engineering')?.id ?? '';
    const { client, statuses } = clockedClient(emulator, ACME);
    const texts = Array.from({ length: 12 }, (_, i) => `post ${i}`);
    await Promise.all(texts.map((text) => client.call('chat.postMessage', { channel: engineering, text }, { token })));
    expect(statuses).toEqual(Array<number>(12).fill(200));
    expect(emulator.state.listMessages({ team: ACME, channel: engineering }).map((m) => m.text)).toEqual(texts);
  });
});
