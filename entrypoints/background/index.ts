import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { setupAlarms } from '@/lib/background/alarms';
import { setupCommands } from '@/lib/background/commands';
import { setupMenus } from '@/lib/background/menus';
import { exposeForE2E, openFirstPageForE2E } from '@/lib/background/e2e-hooks';
import { setupMessages } from '@/lib/background/messages';
import { setupNotifications } from '@/lib/background/notifications';
import { resumeWaiting, setupSiteAccess } from '@/lib/background/site-access';
import { startOnDemand } from '@/lib/background/start';
import { watchRevision } from '@/lib/platform/revision';
import { createServices } from '@/lib/background/services';

export default defineBackground({
  type: 'module',
  // Listeners are registered synchronously here so that a woken worker sees the event that woke it.
  main() {
    const { services, lastFailure } = startOnDemand(createServices);
    setupMessages(Date.now(), services, lastFailure);
    setupAlarms(services);
    setupNotifications();
    setupMenus(services);
    setupCommands(services);
    setupSiteAccess(services);
    // A send that was waiting when the worker stopped, or while offline, goes out now.
    void services().then(async ({ health, outbox }) => {
      await health.updateBadge();
      await outbox.drain();
      await resumeWaiting(services);
    });
    // Installed or updated: the migrations that just ran may have changed the directory cache.
    browser.runtime.onInstalled.addListener(() => void services().then(({ directories }) => directories.changed()));
    watchRevision('outbox', () => void services().then(({ health }) => health.updateBadge()));
    globalThis.addEventListener('online', () => void services().then(({ outbox }) => outbox.retryNow()));
    if (import.meta.env.MODE.startsWith('e2e')) {
      exposeForE2E(services);
      if (import.meta.env.FIREFOX) openFirstPageForE2E();
    }
  },
});
