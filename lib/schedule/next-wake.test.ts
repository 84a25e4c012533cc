import { describe, expect, it } from 'vitest';
import { MAX_IDLE_MS } from '../auth/margin';
import { RUN_OUT_WARNING_MS } from '../auth/run-out';
import type { HistoryEntry, OutboxItem } from '../store/sending-records';
import {
  alarmServes,
  alarmTime,
  earliestDue,
  MIN_ALARM_DELAY_MS,
  outboxDueTimes,
  refreshDueAt,
  runOutWarningAt,
  SWEEP_RETRY_MS,
  sweepDueAt,
} from './next-wake';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

const item = (over: Partial<OutboxItem>): OutboxItem => ({
  id: 'o1',
  accountId: 'a1',
  channel: 'C1',
  label: '#general',
  text: 'hi',
  unfurl: true,
  state: 'pending',
  attempts: 1,
  createdAt: NOW - 10_000,
  nextAttemptAt: NOW + 5_000,
  ...over,
});

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h1',
  accountId: 'a1',
  teamName: 'Acme',
  channel: 'C1',
  label: '#general',
  text: 'hi',
  ts: '1.0',
  sentAt: NOW,
  ...over,
});
const messages = (e: HistoryEntry) => !e.swept && Boolean(e.ts);

describe('alarmTime', () => {
  it('is the earliest due moment of any kind', () => {
    const due = { refresh: NOW + 10 * HOUR, outbox: NOW + 5 * 60_000, sweep: NOW + 2 * HOUR, runOutWarning: undefined };
    expect(earliestDue(due)).toBe(NOW + 5 * 60_000);
    expect(alarmTime(due, NOW)).toBe(NOW + 5 * 60_000);
    for (const kind of ['refresh', 'outbox', 'sweep', 'runOutWarning'] as const)
      expect(alarmTime({ refresh: NOW + 20 * HOUR, [kind]: NOW + 3 * HOUR }, NOW)).toBe(NOW + 3 * HOUR);
  });

  it('is never sooner than Firefox’s one-minute minimum, even for overdue work', () => {
    expect(alarmTime({ outbox: NOW + 2_000 }, NOW)).toBe(NOW + MIN_ALARM_DELAY_MS);
    expect(alarmTime({ refresh: NOW - HOUR }, NOW)).toBe(NOW + MIN_ALARM_DELAY_MS);
    expect(MIN_ALARM_DELAY_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('is undefined when nothing is due', () => {
    expect(alarmTime({}, NOW)).toBeUndefined();
    expect(alarmTime({ refresh: undefined, outbox: undefined }, NOW)).toBeUndefined();
  });
});

describe('alarmServes', () => {
  it('keeps an alarm between the due moment and the one that would be set now', () => {
    expect(alarmServes(NOW + HOUR, NOW + HOUR, NOW)).toBe(true);
    expect(alarmServes(NOW + HOUR + 1, NOW + HOUR, NOW)).toBe(false);
    // Early by up to the minimum delay (its wake takes what is due within a minute): kept.
    expect(alarmServes(NOW + HOUR - 1, NOW + HOUR, NOW)).toBe(true);
    expect(alarmServes(NOW + HOUR - MIN_ALARM_DELAY_MS, NOW + HOUR, NOW)).toBe(true);
    expect(alarmServes(NOW + HOUR - MIN_ALARM_DELAY_MS - 1, NOW + HOUR, NOW)).toBe(false);
    // Work due in 32 s, an alarm in 30 s: kept rather than moved to a minute from now.
    expect(alarmServes(NOW + 30_000, NOW + 32_000, NOW)).toBe(true);
    // Overdue work: an alarm within the next minute serves; one further out is late.
    expect(alarmServes(NOW + 30_000, NOW - 5_000, NOW)).toBe(true);
    expect(alarmServes(NOW + 61_000, NOW - 5_000, NOW)).toBe(false);
  });
});

describe('refreshDueAt', () => {
  it('is expiry minus the margin, without jitter, for the earliest live chain', () => {
    const chain = { expiresAt: NOW + 12 * HOUR, lifetimeMs: 12 * HOUR, refreshedAt: NOW };
    expect(refreshDueAt([chain])).toBe(NOW + 10 * HOUR);
    expect(refreshDueAt([chain, { ...chain, expiresAt: NOW + 6 * HOUR, refreshedAt: NOW - 6 * HOUR }])).toBe(
      NOW + 4 * HOUR,
    );
    expect(refreshDueAt([{ ...chain, expiresAt: NOW + HOUR, dead: { code: 'invalid_auth', at: NOW } }])).toBe(
      undefined,
    );
  });

  it('keeps the daily floor and skips tokens that never expire', () => {
    expect(refreshDueAt([{ expiresAt: NOW + 30 * 24 * HOUR, lifetimeMs: 30 * 24 * HOUR, refreshedAt: NOW }])).toBe(
      NOW + MAX_IDLE_MS,
    );
    expect(refreshDueAt([{ expiresAt: undefined, refreshedAt: NOW }])).toBeUndefined();
  });
});

describe('runOutWarningAt', () => {
  it('is when the next live PKCE sign-in enters its warning window, not one already inside it', () => {
    const ends = NOW + 10 * 24 * HOUR;
    expect(runOutWarningAt([{ refreshedAt: NOW, refreshExpiresAt: ends }], NOW)).toBe(ends - RUN_OUT_WARNING_MS);
    expect(runOutWarningAt([{ refreshedAt: NOW, refreshExpiresAt: NOW + HOUR }], NOW)).toBeUndefined();
    expect(runOutWarningAt([{ refreshedAt: NOW }], NOW)).toBeUndefined();
  });
});

describe('outboxDueTimes', () => {
  it('gives each target’s first waiting item, whose backoff the items behind it wait for', () => {
    const items = [
      item({ id: 'a', createdAt: 1, nextAttemptAt: NOW + 60_000 }),
      item({ id: 'b', createdAt: 2, nextAttemptAt: NOW - 1_000 }),
      item({ id: 'c', channel: 'C2', createdAt: 3, nextAttemptAt: NOW + 2_000 }),
      item({ id: 'd', channel: 'C3', state: 'failed', nextAttemptAt: NOW - 9_000 }),
    ];
    expect(outboxDueTimes(items).sort()).toEqual([NOW + 2_000, NOW + 60_000]);
  });

  it('counts a target whose first item is being sent only when asked to', () => {
    const items = [item({ state: 'sending', createdAt: 1 }), item({ id: 'b', createdAt: 2, nextAttemptAt: NOW })];
    expect(outboxDueTimes(items)).toEqual([]);
    expect(outboxDueTimes(items, NOW)).toEqual([NOW]);
  });
});

describe('sweepDueAt', () => {
  it('is just past the settle time of the next message to check', () => {
    const history = [entry({ sentAt: NOW + 5_000 }), entry({ id: 'h2', sentAt: NOW })];
    expect(sweepDueAt(history, NOW - 1, 60_000, messages)).toBe(NOW + 60_001);
  });

  it('tries entries a sweep already tried again an hour after it, and skips swept ones', () => {
    const tried = entry({ sentAt: NOW - 10 * 60_000 });
    const sweptAt = NOW - 60_000;
    expect(sweepDueAt([tried], sweptAt, 60_000, messages)).toBe(sweptAt + SWEEP_RETRY_MS);
    expect(sweepDueAt([{ ...tried, swept: true }], sweptAt, 60_000, messages)).toBeUndefined();
    // Never swept (a first start of this version): due at once.
    expect(sweepDueAt([tried], 0, 60_000, messages)).toBe(tried.sentAt + 60_001);
  });
});
