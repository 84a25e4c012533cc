// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dueAt, isDue, MAX_IDLE_MS, refreshMargin } from './margin';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;
/** A chain refreshed at T0 with Slack's 12 h lifetime. */
const slack = { refreshedAt: T0, expiresAt: T0 + 12 * HOUR, lifetimeMs: 12 * HOUR };

describe('refresh margin', () => {
  it('is 2 h for 12 h tokens and a sixth of shorter lifetimes', () => {
    expect(refreshMargin(12 * HOUR)).toBe(2 * HOUR);
    expect(refreshMargin(7 * 24 * HOUR)).toBe(2 * HOUR);
    expect(refreshMargin(60_000)).toBe(10_000);
    expect(refreshMargin(-5)).toBe(0);
  });
});

describe('isDue', () => {
  it('turns due 2 h before a 12 h token expires', () => {
    expect(isDue(slack, T0 + 10 * HOUR - 1, 0)).toBe(false);
    expect(isDue(slack, T0 + 10 * HOUR, 0)).toBe(true);
    expect(isDue(slack, T0 + 13 * HOUR, 0)).toBe(true);
  });

  it('scales for short test tokens', () => {
    const minute = { refreshedAt: T0, expiresAt: T0 + 60_000, lifetimeMs: 60_000 };
    expect(isDue(minute, T0 + 49_999, 0)).toBe(false);
    expect(isDue(minute, T0 + 50_000, 0)).toBe(true);
  });

  it('jitter moves the time earlier by at most a tenth of the margin', () => {
    expect(dueAt(slack, 0.5)).toBe(T0 + 10 * HOUR - 6 * 60_000);
    expect(dueAt(slack, 1)).toBe(T0 + 10 * HOUR - 12 * 60_000);
    expect(dueAt(slack, 7)).toBe(T0 + 10 * HOUR - 12 * 60_000);
    expect(dueAt(slack, -1)).toBe(T0 + 10 * HOUR);
    expect(dueAt(slack, Number.NaN)).toBe(T0 + 10 * HOUR);
    expect(isDue(slack, T0 + 10 * HOUR - 6 * 60_000, 0.5)).toBe(true);
  });

  it('derives the lifetime from the timestamps when it was not stored', () => {
    const { lifetimeMs: _lifetime, ...unknownLifetime } = slack;
    expect(dueAt(unknownLifetime)).toBe(T0 + 10 * HOUR);
  });

  it('is due after a day without refresh even if the expiry is far', () => {
    const week = { refreshedAt: T0, expiresAt: T0 + 30 * 24 * HOUR, lifetimeMs: 30 * 24 * HOUR };
    expect(isDue(week, T0 + MAX_IDLE_MS - 1, 0)).toBe(false);
    expect(isDue(week, T0 + MAX_IDLE_MS, 0)).toBe(true);
  });

  it('never calls a non-expiring chain due', () => {
    const forever = { refreshedAt: T0 };
    expect(dueAt(forever)).toBeUndefined();
    expect(isDue(forever, T0 + 365 * 24 * HOUR, 0.9)).toBe(false);
  });
});
