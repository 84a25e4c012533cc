import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Services } from './services';
import { REFRESH_ALARM, setupAlarms } from './alarms';

/** Firefox fires alarms at most once a minute; Chrome every 30 s. */
const FIREFOX_MINIMUM_MS = 60_000;

const noServices = () => new Promise<Services>(() => undefined);

describe('the refresh alarm', () => {
  it('is created with a period and a first delay that meet Firefox’s one-minute minimum', async () => {
    const before = Date.now();
    setupAlarms(noServices);
    const alarm = await vi.waitFor(async () => {
      const found = await fakeBrowser.alarms.get(REFRESH_ALARM);
      if (!found) throw new Error('no alarm yet');
      return found;
    });
    expect(alarm.periodInMinutes).toBeGreaterThanOrEqual(1);
    expect(alarm.scheduledTime - before).toBeGreaterThanOrEqual(FIREFOX_MINIMUM_MS);
  });

  it('is kept, not re-created, when a new event page or worker starts', async () => {
    setupAlarms(noServices);
    const first = await vi.waitFor(async () => {
      const found = await fakeBrowser.alarms.get(REFRESH_ALARM);
      if (!found) throw new Error('no alarm yet');
      return found;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    setupAlarms(noServices);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
  });
});
