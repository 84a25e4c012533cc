// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BudgetKey } from './budget';
import { createBudget } from './budget';

// Fake timers drive both the budget's clock and its sleeps, so every wait is exact.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function budget() {
  return createBudget({ now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
}

/** Starts `count` takes at once and records when each one was let through. */
function burst(take: () => Promise<void>, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) void take().then(() => times.push(Date.now()));
  return times;
}

const USERS: BudgetKey = { team: 'T1', method: 'users.list' };

describe('budget', () => {
  it('lets a Tier 2 burst of 20 through at once, then makes the 21st wait for the window', async () => {
    const b = budget();
    const times = burst(() => b.take(USERS), 25);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual(Array<number>(20).fill(0));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(times).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([...Array<number>(20).fill(0), ...Array<number>(5).fill(60_000)]);
  });

  it('slides: a slot frees a minute after the call that used it, not all at once', async () => {
    const b = budget();
    burst(() => b.take(USERS), 10);
    await vi.advanceTimersByTimeAsync(30_000);
    const times = burst(() => b.take(USERS), 11);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual(Array<number>(10).fill(30_000));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(times).toEqual([...Array<number>(10).fill(30_000), 60_000]);
  });

  it('keeps workspaces and methods apart', async () => {
    const b = budget();
    burst(() => b.take(USERS), 20);
    const otherTeam = burst(() => b.take({ team: 'T2', method: 'users.list' }), 20);
    const otherMethod = burst(() => b.take({ team: 'T1', method: 'conversations.list' }), 20);
    await vi.advanceTimersByTimeAsync(0);
    expect([otherTeam.length, otherMethod.length]).toEqual([20, 20]);
  });

  it('paces chat.postMessage per channel: a burst of 3, then one a second', async () => {
    const b = budget();
    const post = (channel: string) => () => b.take({ team: 'T1', method: 'chat.postMessage', channel });
    const general = burst(post('C1'), 6);
    const random = burst(post('C2'), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(random).toEqual([0, 0, 0]);
    expect(general).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(general).toEqual([0, 0, 0, 3_000, 3_000, 3_000]);
  });

  it('after a 429 everyone waits Retry-After, then the line drains at the steady rate', async () => {
    const b = budget();
    await b.take(USERS);
    b.penalize(USERS, 30);
    const times = burst(() => b.take(USERS), 3);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(times).toEqual([]);
    // Tier 2 is 20 a minute: one every 3 s once the penalty is over.
    await vi.advanceTimersByTimeAsync(1 + 6_000);
    expect(times).toEqual([30_000, 33_000, 36_000]);
  });

  it('a shorter Retry-After never cuts a longer wait short', async () => {
    const b = budget();
    b.penalize(USERS, 60);
    b.penalize(USERS, 1);
    const times = burst(() => b.take(USERS), 1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([60_000]);
  });

  it('puts a call refused with 429 back at the head of the line', async () => {
    const b = budget();
    b.penalize(USERS, 10);
    const order: string[] = [];
    void b.take(USERS).then(() => order.push('queued'));
    void b.take(USERS, { retry: true }).then(() => order.push('retried'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(order).toEqual(['retried', 'queued']);
  });

  it('an aborted wait leaves the line and takes no slot', async () => {
    const b = createBudget({
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      rule: () => ({ limit: 1, windowMs: 10_000 }),
    });
    await b.take(USERS);
    const controller = new AbortController();
    const aborted = b.take(USERS, { signal: controller.signal });
    const next = burst(() => b.take(USERS), 1);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(next).toEqual([10_000]);
    await expect(b.take(USERS, { signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
  });
});
