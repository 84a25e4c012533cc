import { browser } from 'wxt/browser';
import { siteHost } from '../share/site';

export const SENT_NOTIFICATION_PREFIX = 'courier-sent:';

/**
 * A notification per send from a menu or shortcut: where it went, or why not. Clicking a "sent"
 * notification opens the message in Slack: its permalink waits in session storage (not secret),
 * because the worker that showed the notification may be gone by the time it is clicked.
 */
export async function notifySend(options: {
  id: string;
  title: string;
  message: string;
  permalink?: string;
}): Promise<void> {
  const id = `${SENT_NOTIFICATION_PREFIX}${options.id}`;
  if (options.permalink) await browser.storage.session.set({ [id]: options.permalink });
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: options.title,
    message: options.message,
    ...(options.permalink ? { contextMessage: 'Click to open in Slack' } : {}),
  });
}

/** Opens the Slack message a clicked "sent" notification stands for, if it has one. */
export async function openSentNotification(id: string): Promise<void> {
  const permalink = (await browser.storage.session.get(id))[id];
  await browser.notifications.clear(id);
  if (typeof permalink === 'string' && /^https:\/\//.test(permalink)) {
    await browser.tabs.create({ url: permalink });
    await browser.storage.session.remove(id);
  }
}

/**
 * Upload progress as a notification that updates in place, with a Cancel button where the browser
 * has notification buttons (Chrome). Firefox has none; there the compose window's Cancel is the way.
 */
export async function notifyProgress(id: string, title: string, percent: number): Promise<void> {
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: `Uploading… ${percent}%`,
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: 'Cancel' }] }),
  };
  const updated = await browser.notifications.update(`${SENT_NOTIFICATION_PREFIX}${id}`, options).catch(() => false);
  if (!updated) await browser.notifications.create(`${SENT_NOTIFICATION_PREFIX}${id}`, options);
}

/** Calls back with the upload id when a progress notification's Cancel button is pressed. */
export function onCancelPressed(cancel: (id: string) => void): void {
  // Firefox's notifications have no buttons (and may lack the event).
  browser.notifications.onButtonClicked?.addListener((notificationId) => {
    if (notificationId.startsWith(SENT_NOTIFICATION_PREFIX))
      cancel(notificationId.slice(SENT_NOTIFICATION_PREFIX.length));
  });
}

export const ACCESS_NOTIFICATION_PREFIX = 'courier-access:';

/**
 * A share waits for access to its site. Chrome's notification has a button that asks; a click on
 * the notification asks too (and, where the browser allows no prompt there, opens a window that does).
 */
export async function notifyAccessNeeded(site: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(`${ACCESS_NOTIFICATION_PREFIX}${site}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    contextMessage: 'Click to allow access',
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: `Allow access to ${siteHost(site)}` }] }),
  });
}

/** Calls back with the site when an access notification (or its button) is clicked. */
export function onAccessPressed(ask: (site: string) => void): void {
  const pressed = (id: string) => {
    if (id.startsWith(ACCESS_NOTIFICATION_PREFIX)) ask(id.slice(ACCESS_NOTIFICATION_PREFIX.length));
  };
  browser.notifications.onClicked.addListener(pressed);
  browser.notifications.onButtonClicked?.addListener(pressed);
}

export const clearAccessNotification = (site: string) =>
  browser.notifications.clear(`${ACCESS_NOTIFICATION_PREFIX}${site}`);
