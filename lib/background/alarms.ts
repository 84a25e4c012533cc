import { browser } from 'wxt/browser';
import { refreshStaleDirectories } from '../directory/refresh';
import type { Services } from './services';

export const REFRESH_ALARM = 'courier-refresh';
/**
 * Firefox's minimum is a minute for the period and the first delay alike (a packaged add-on's
 * shorter values are rounded up, with a warning in its console); Chrome's is 30 s. A minute keeps
 * both on the same schedule. Nothing waits on the first run: a starting worker drains the outbox
 * itself and every call refreshes a stale token first.
 */
export const REFRESH_SCHEDULE = { delayInMinutes: 1, periodInMinutes: 1 } as const;

/**
 * The refresh alarm is the backstop to check-on-use. It is verified at every worker start, since
 * alarms can be lost when the browser updates or the extension reloads.
 */
export function setupAlarms(services: () => Promise<Services>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void services().then(async (all) => {
      await all.refresher.refreshDue();
      await all.outbox.drain();
      await all.outbox.sweep();
      await refreshStaleDirectories(all.directories);
    });
  });
  void ensureAlarm();
}

async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing) await browser.alarms.create(REFRESH_ALARM, { ...REFRESH_SCHEDULE });
}
