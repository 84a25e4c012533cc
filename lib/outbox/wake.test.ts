import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWake } from './wake';

describe('createWake', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('drains when the earliest waiting item is due, not at the next alarm', async () => {
    const drain = vi.fn();
    const wake = createWake(() => Promise.resolve([Date.now() + 60_000, Date.now() + 2_000]), drain);
    await wake.fromOutbox();
    vi.advanceTimersByTime(1_999);
    expect(drain).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(drain).toHaveBeenCalledTimes(1);
  });

  it('keeps an earlier timer and moves a later one forward', async () => {
    const drain = vi.fn();
    let due = [Date.now() + 10_000];
    const wake = createWake(() => Promise.resolve(due), drain);
    await wake.fromOutbox();
    due = [Date.now() + 20_000];
    await wake.fromOutbox();
    vi.advanceTimersByTime(10_000);
    expect(drain).toHaveBeenCalledTimes(1);
    due = [Date.now() + 8_000];
    await wake.fromOutbox();
    due = [Date.now() + 3_000];
    await wake.fromOutbox();
    vi.advanceTimersByTime(3_000);
    expect(drain).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(drain).toHaveBeenCalledTimes(2);
  });

  it('sets nothing when nothing waits, and never spins on an item that stays due', async () => {
    const drain = vi.fn();
    const none = createWake(() => Promise.resolve([]), drain);
    await none.fromOutbox();
    vi.advanceTimersByTime(600_000);
    expect(drain).not.toHaveBeenCalled();
    const overdue = createWake(() => Promise.resolve([Date.now() - 5_000]), drain);
    await overdue.fromOutbox();
    vi.advanceTimersByTime(499);
    expect(drain).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(drain).toHaveBeenCalledTimes(1);
  });
});
