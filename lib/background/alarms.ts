import { browser } from 'wxt/browser';
import { refreshStaleDirectories } from './directory';
import { sweepDuplicates } from './duplicate-sweep';
import type { Services } from './services';

export const REFRESH_ALARM = 'courier-refresh';
/** Chrome allows 30 s, Firefox 1 min; a minute keeps both on the same schedule. */
const REFRESH_PERIOD_MINUTES = 1;

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
      await sweepDuplicates(all);
      await refreshStaleDirectories(all);
    });
  });
  void ensureAlarm();
}

async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing)
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES, delayInMinutes: 0.1 });
}
