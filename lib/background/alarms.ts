import { browser } from 'wxt/browser';
import { watchRevision } from '../platform/revision';
import {
  MIN_ALARM_DELAY_MS,
  outboxDueTimes,
  refreshDueAt,
  runOutWarningAt,
  sweepDueAt,
  type DueMoments,
} from '../schedule/next-wake';
import { createScheduler } from '../schedule/scheduler';
import { awaitsSweep, SETTLE_MS } from '../outbox/sweep';
import { lastSweepAt } from '../store/settings';
import type { Services } from './services';

/** The one alarm, set for the earliest due work (lib/schedule); the name of the old minute alarm it replaces. */
export const REFRESH_ALARM = 'courier-refresh';
const ignore = () => undefined;

/** When each kind of background work is next due, read from the stores. */
export async function dueMoments(services: Services, now = Date.now()): Promise<DueMoments> {
  const { store } = services;
  const [chains, outbox, history, sweptAt] = await Promise.all([
    store.chains.listMeta(),
    store.outbox.list(),
    store.history.list(),
    lastSweepAt.getValue(),
  ]);
  // An item left 'sending' by a worker that stopped mid-attempt is due at once.
  const sends = outboxDueTimes(outbox, now);
  return {
    refresh: refreshDueAt(chains),
    outbox: sends.length > 0 ? Math.min(...sends) : undefined,
    sweep: sweepDueAt(history, sweptAt, SETTLE_MS, awaitsSweep),
    runOutWarning: runOutWarningAt(chains, now),
  };
}

/** What the alarm wakes the worker for; each part does nothing when nothing of its kind is due. */
async function runDue(all: Services): Promise<void> {
  // What falls due before the next alarm could fire goes now, not a minute late.
  await all.refresher.refreshDue(MIN_ALARM_DELAY_MS).catch(ignore);
  await all.outbox.drain().catch(ignore);
  const at = Date.now();
  await all.outbox.sweep(at).catch(ignore);
  await lastSweepAt.setValue(at);
  // A sign-in that entered its warning window shows on the badge.
  await all.health.updateBadge();
}

/**
 * One alarm at the earliest moment something is due: a chain's refresh, an outbox retry, a
 * duplicate sweep, a PKCE warning; none while nothing is. It is the backstop to check-on-use (every
 * call refreshes a stale token first; the outbox's timer retries within the minute while the
 * worker lives; directories refresh when the popup or the picker opens). Recomputed whenever a
 * chain, an account or the outbox changes (the revisions every such change bumps, from any
 * context), after each wake, and at every worker start, since alarms can be lost when the browser
 * updates or the extension reloads; a start past a due moment (a browser that slept through it)
 * runs the due work at once.
 */
export function setupAlarms(services: () => Promise<Services>): void {
  const scheduler = createScheduler(REFRESH_ALARM, async () => dueMoments(await services()));
  const reschedule = () => void scheduler.reschedule().catch(ignore);
  let running: Promise<void> | undefined;
  const wake = () =>
    (running ??= services()
      .then(runDue)
      .finally(() => {
        running = undefined;
        reschedule();
      }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void wake().catch(ignore);
  });
  for (const topic of ['accounts', 'outbox'] as const) watchRevision(topic, reschedule);
  void scheduler
    .overdue()
    .then((late) => (late ? wake() : scheduler.reschedule()))
    .catch(ignore);
}
