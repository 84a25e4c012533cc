import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bumpRevision } from '../platform/revision';
import { MIN_ALARM_DELAY_MS, SWEEP_RETRY_MS } from '../schedule/next-wake';
import type { ChainMeta } from '../store/records';
import type { HistoryEntry, OutboxItem } from '../store/sending-records';
import { RUN_OUT_WARNING_MS } from '../auth/run-out';
import type { Services } from './services';
import { REFRESH_ALARM, setupAlarms } from './alarms';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the stores hold, and the background work the alarm runs (counted, doing nothing). */
function fakeServices() {
  const held = { chains: [] as ChainMeta[], outbox: [] as OutboxItem[], history: [] as HistoryEntry[] };
  const work = {
    refreshDue: vi.fn(() => Promise.resolve({ refreshed: 0, failed: 0 })),
    drain: vi.fn(() => Promise.resolve(0)),
    sweep: vi.fn(() => Promise.resolve(0)),
    updateBadge: vi.fn(() => Promise.resolve()),
  };
  const services = {
    store: {
      chains: { listMeta: () => Promise.resolve(held.chains) },
      outbox: { list: () => Promise.resolve(held.outbox) },
      history: { list: () => Promise.resolve(held.history) },
    },
    refresher: { refreshDue: work.refreshDue },
    // The sweep finds nothing it can check (no scope, no network): its entries stay unswept.
    outbox: { drain: work.drain, sweep: work.sweep },
    health: { updateBadge: work.updateBadge },
  } as unknown as Services;
  return { held, work, services: () => Promise.resolve(services) };
}

const chain = (over: Partial<ChainMeta> = {}): ChainMeta =>
  ({
    id: 'a1:bot',
    accountId: 'a1',
    kind: 'bot',
    version: 1,
    refreshedAt: NOW,
    expiresAt: NOW + 12 * HOUR,
    lifetimeMs: 12 * HOUR,
    ...over,
  }) as ChainMeta;

const pending = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 'o1',
  accountId: 'a1',
  channel: 'C1',
  label: '#general',
  text: 'hi',
  unfurl: true,
  state: 'pending',
  attempts: 1,
  createdAt: NOW,
  nextAttemptAt: NOW + 5 * 60_000,
  ...over,
});

const sent = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: 'h1',
  accountId: 'a1',
  teamName: 'Acme',
  channel: 'C1',
  label: '#general',
  text: 'hi',
  ts: '1800000000.000100',
  sentAt: NOW,
  ...over,
});

/** Lets the scheduler's reads and writes finish: only Date is fake here, timers run for real. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const scheduled = async () => {
  await settle();
  return fakeBrowser.alarms.getAll();
};
const alarmAt = async () => {
  const all = await scheduled();
  expect(all).toHaveLength(1);
  expect(all[0]!.periodInMinutes).toBeUndefined();
  return all[0]!.scheduledTime - NOW;
};
/** The browser fires the alarm `ms` from NOW (the clock moves there first). */
async function fire(ms: number) {
  vi.setSystemTime(NOW + ms);
  await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: NOW + ms });
  await settle();
}

describe('the wake alarm', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('lands at the next chain refresh: expiry minus the margin, one alarm without a period', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain(), chain({ id: 'a1:user', kind: 'user', expiresAt: NOW + 9 * HOUR })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(7 * HOUR);
  });

  it('lands at the daily floor of a chain whose expiry is far', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain({ expiresAt: NOW + 30 * DAY, lifetimeMs: 30 * DAY })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(DAY);
  });

  it('lands at the next outbox retry, that of the first item of its target', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    held.outbox = [pending(), pending({ id: 'o2', createdAt: NOW + 1, nextAttemptAt: NOW })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(5 * 60_000);
  });

  it('never sooner than Firefox’s one-minute minimum, even for a retry due in seconds', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    held.outbox = [pending({ nextAttemptAt: NOW + 2_000 })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(MIN_ALARM_DELAY_MS);
  });

  it('lands when a send has settled for the duplicate sweep, and an hour after a sweep that failed', async () => {
    const { held, work, services } = fakeServices();
    held.chains = [chain()];
    held.history = [sent(), sent({ id: 'h2', ts: undefined, scheduledMessageId: 'Q1' })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(60_001);
    await fire(60_001);
    expect(work.refreshDue).toHaveBeenCalledTimes(1);
    // The entry is still unswept (its history could not be read): tried again later, not each minute.
    expect(await alarmAt()).toBe(60_001 + SWEEP_RETRY_MS);
  });

  it('lands when a PKCE sign-in enters its warning window', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain({ expiresAt: undefined, lifetimeMs: undefined, refreshExpiresAt: NOW + 5 * DAY })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(5 * DAY - RUN_OUT_WARNING_MS);
  });

  it('with nothing pending, is only the next refresh; with nothing linked, there is none', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    held.outbox = [pending({ state: 'failed' })];
    held.history = [sent({ swept: true }), sent({ id: 'h2', ts: undefined, fileId: 'F1' })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(10 * HOUR);

    held.chains = [];
    await bumpRevision('accounts');
    expect(await scheduled()).toEqual([]);
  });

  it('replaces the minute alarm of an earlier version', async () => {
    await fakeBrowser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
    const { held, services } = fakeServices();
    held.chains = [chain()];
    setupAlarms(services);
    expect(await alarmAt()).toBe(10 * HOUR);
  });

  it('moves when a chain, an account or the outbox changes, and is left alone otherwise', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    setupAlarms(services);
    expect(await alarmAt()).toBe(10 * HOUR);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');

    held.outbox = [pending({ nextAttemptAt: NOW + 20 * 60_000 })];
    await bumpRevision('outbox');
    expect(await alarmAt()).toBe(20 * 60_000);

    held.outbox = [];
    held.chains = [chain({ refreshedAt: NOW + HOUR, expiresAt: NOW + 13 * HOUR })];
    await bumpRevision('accounts');
    expect(await alarmAt()).toBe(11 * HOUR);
    expect(create).toHaveBeenCalledTimes(2);

    // Nothing moved: the alarm is not set again.
    await bumpRevision('outbox');
    await bumpRevision('accounts');
    await settle();
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('while work stays overdue, keeps its alarm instead of pushing it a minute further each time', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    held.outbox = [pending({ state: 'sending' })];
    setupAlarms(services);
    await settle();
    const first = await alarmAt();
    expect(first).toBe(MIN_ALARM_DELAY_MS);
    vi.setSystemTime(NOW + 30_000);
    await bumpRevision('outbox');
    expect(await alarmAt()).toBe(first);
  });

  it('is not moved past a moment less than a minute away when an alarm before it is set', async () => {
    const { held, services } = fakeServices();
    // A chain due in 71 s, a retry due in 2 s: the alarm is a minute away (none can be sooner).
    held.chains = [chain({ refreshedAt: NOW - 4_000, expiresAt: NOW + 86_000, lifetimeMs: 90_000 })];
    held.outbox = [pending({ nextAttemptAt: NOW + 2_000 })];
    setupAlarms(services);
    expect(await alarmAt()).toBe(MIN_ALARM_DELAY_MS);
    // 30 s on, the retry failed again and is due in 32 s: a new alarm could not be sooner than
    // 90 s, after both moments; the one at 60 s is kept (its wake refreshes the chain early).
    vi.setSystemTime(NOW + 30_000);
    held.outbox = [pending({ nextAttemptAt: NOW + 62_000 })];
    await bumpRevision('outbox');
    expect(await alarmAt()).toBe(MIN_ALARM_DELAY_MS);
  });

  it('runs the due work when it fires, then sets the next', async () => {
    const { held, work, services } = fakeServices();
    held.chains = [chain()];
    setupAlarms(services);
    expect(await alarmAt()).toBe(10 * HOUR);

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: NOW });
    await settle();
    expect(work.refreshDue).not.toHaveBeenCalled();

    held.chains = [chain({ refreshedAt: NOW + 10 * HOUR, expiresAt: NOW + 22 * HOUR })];
    await fire(10 * HOUR);
    // With what falls due before the next alarm could fire.
    expect(work.refreshDue).toHaveBeenCalledExactlyOnceWith(MIN_ALARM_DELAY_MS);
    expect(work.drain).toHaveBeenCalledTimes(1);
    expect(await alarmAt()).toBe(20 * HOUR);
  });

  it('catches up at the first start after a browser slept through a due moment', async () => {
    const { held, work, services } = fakeServices();
    // Due two hours ago; the alarm was lost (or not yet fired) when the worker starts.
    held.chains = [chain({ refreshedAt: NOW - 12 * HOUR, expiresAt: NOW })];
    work.refreshDue.mockImplementation(() => {
      held.chains = [chain()];
      return Promise.resolve({ refreshed: 1, failed: 0 });
    });
    setupAlarms(services);
    await settle();
    expect(work.refreshDue).toHaveBeenCalledTimes(1);
    expect(work.drain).toHaveBeenCalledTimes(1);
    expect(await alarmAt()).toBe(10 * HOUR);
  });

  it('is verified at every start: an alarm lost on update is set again, a kept one left as it is', async () => {
    const { held, services } = fakeServices();
    held.chains = [chain()];
    setupAlarms(services);
    const [first] = await scheduled();
    await fakeBrowser.alarms.clearAll();
    setupAlarms(services);
    expect(await scheduled()).toEqual([first]);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    setupAlarms(services);
    await settle();
    expect(create).not.toHaveBeenCalled();
  });
});
