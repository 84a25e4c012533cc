import { browser } from 'wxt/browser';
import { RECONNECT_NOTIFICATION_PREFIX } from '../platform/attention';

/** A click on a "needs reconnecting" notification opens the Workspaces section. */
export function setupNotifications(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(RECONNECT_NOTIFICATION_PREFIX)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#workspaces') });
    void browser.notifications.clear(id);
  });
}
