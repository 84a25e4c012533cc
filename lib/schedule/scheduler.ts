import { browser } from 'wxt/browser';
import { alarmServes, earliestDue, MIN_ALARM_DELAY_MS, type DueMoments } from './next-wake';

export interface Scheduler {
  /**
   * Reads the due moments and sets the one alarm for the earliest (none when nothing is due),
   * touching the alarm only when its time must change. Calls made meanwhile share one more pass.
   */
  reschedule(): Promise<void>;
  /** Whether some work's moment has passed (a browser that slept through it): the caller runs it now. */
  overdue(): Promise<boolean>;
}

export function createScheduler(name: string, readDue: () => Promise<DueMoments>, now = Date.now): Scheduler {
  async function apply(): Promise<void> {
    const due = earliestDue(await readDue());
    const existing = await browser.alarms.get(name);
    if (due === undefined) {
      if (existing) await browser.alarms.clear(name);
      return;
    }
    const at = now();
    // A periodic alarm is the minute alarm of an earlier version: always replaced. (Firefox says
    // null for no period, Chrome leaves it out.)
    if (existing && !existing.periodInMinutes && alarmServes(existing.scheduledTime, due, at)) return;
    await browser.alarms.create(name, { when: Math.max(due, at + MIN_ALARM_DELAY_MS) });
  }

  let pass: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  function reschedule(): Promise<void> {
    if (!pass) return (pass = apply().finally(() => (pass = undefined)));
    // What changed during this pass may have been read before the change: one more after it.
    return (next ??= pass
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return reschedule();
      }));
  }

  return {
    reschedule,
    async overdue() {
      const due = earliestDue(await readDue());
      return due !== undefined && due <= now();
    },
  };
}
