import { browser } from 'wxt/browser';

/**
 * The toolbar badge: "!" when a workspace needs a reconnect (that blocks sending) or soon will (its
 * sign-in runs out), otherwise the number of sends waiting in the outbox, otherwise nothing.
 */
export async function showBadge(state: { reconnect: number; runningOut: number; pending: number }): Promise<void> {
  const { action } = browser;
  const { reconnect, runningOut, pending } = state;
  const text = reconnect + runningOut > 0 ? '!' : pending > 0 ? String(Math.min(pending, 999)) : '';
  await action.setBadgeText({ text });
  const color = reconnect > 0 ? '#b3261e' : runningOut > 0 ? '#8a5300' : '#4a154b';
  if (text) await action.setBadgeBackgroundColor({ color });
  const parts = [
    reconnect > 0 ? `${reconnect} workspace${reconnect === 1 ? ' needs' : 's need'} reconnecting` : '',
    runningOut > 0 ? `${runningOut} workspace${runningOut === 1 ? "'s sign-in ends" : "s' sign-ins end"} soon` : '',
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

/**
 * A PKCE sign-in Courier could not renew ends soon. Same id as the reconnect notice: a reconnect
 * notice for the account replaces it, and a click opens the workspaces the same way.
 */
export async function notifyRunningOut(accountId: string, teamName: string, endsAt: number): Promise<void> {
  const day = new Date(endsAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
  await browser.notifications.create(`${RECONNECT_NOTIFICATION_PREFIX}${accountId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${teamName}'s sign-in ends soon`,
    message: `Courier couldn't renew the sign-in for ${teamName}, so Slack will end it on ${day}. Make sure this browser can reach Slack, or reconnect ${teamName} before then.`,
  });
}

export async function clearNotice(accountId: string): Promise<void> {
  await browser.notifications.clear(`${RECONNECT_NOTIFICATION_PREFIX}${accountId}`);
}
