import { browser } from 'wxt/browser';

/**
 * The toolbar badge: "!" when a workspace needs a reconnect (that blocks sending), otherwise the
 * number of sends waiting in the outbox, otherwise nothing.
 */
export async function showBadge(state: { reconnect: number; pending: number }): Promise<void> {
  const { action } = browser;
  const { reconnect, pending } = state;
  const text = reconnect > 0 ? '!' : pending > 0 ? String(Math.min(pending, 999)) : '';
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color: reconnect > 0 ? '#b3261e' : '#4a154b' });
  const parts = [
    reconnect > 0 ? `${reconnect} workspace${reconnect === 1 ? ' needs' : 's need'} reconnecting` : '',
    pending > 0 ? `${pending} message${pending === 1 ? '' : 's'} waiting to send` : '',
  ].filter(Boolean);
  await action.setTitle({ title: parts.length ? `Courier for Slack: ${parts.join(', ')}` : 'Courier for Slack' });
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
