import { browser } from 'wxt/browser';

export const SENT_NOTIFICATION_PREFIX = 'courier-sent:';

/**
 * A notification per send from a menu or shortcut: where it went, or why not. Clicking a "sent"
 * notification opens the message in Slack (the id carries nothing secret: an https permalink).
 */
export async function notifySend(options: {
  id: string;
  title: string;
  message: string;
  permalink?: string;
}): Promise<void> {
  await browser.notifications.create(`${SENT_NOTIFICATION_PREFIX}${options.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: options.title,
    message: options.message,
    ...(options.permalink ? { contextMessage: 'Click to open in Slack' } : {}),
  });
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
