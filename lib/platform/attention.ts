import { browser } from 'wxt/browser';

/**
 * The toolbar badge shows how many workspaces need a reconnect; nothing when all are healthy.
 * Firefox MV2 has browserAction instead of action.
 */
export async function showReconnectBadge(count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: count > 0 ? '!' : '' });
  if (count > 0) {
    await action.setBadgeBackgroundColor({ color: '#b3261e' });
    await action.setTitle({
      title: `Courier for Slack: ${count} workspace${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} reconnecting`,
    });
  } else {
    await action.setTitle({ title: 'Courier for Slack' });
  }
}

export const RECONNECT_NOTIFICATION_PREFIX = 'courier-reconnect:';

export async function notifyReconnect(accountId: string, teamName: string, reason: string): Promise<void> {
  await browser.notifications.create(`${RECONNECT_NOTIFICATION_PREFIX}${accountId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${teamName} needs reconnecting`,
    message: `${reason} Click to open Courier's workspaces.`,
  });
}
