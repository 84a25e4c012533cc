import { browser } from 'wxt/browser';
import { readRecents, targetFromRecent } from '../platform/recents';
import type { Services } from './services';
import { openComposeWindow, sendWithFeedback } from './menus';

export const SEND_PAGE_COMMAND = 'send-page-to-last';

/**
 * Keyboard commands (rebindable in the browser's shortcut settings): the action's own command
 * opens the composer; this one sends the current page to the last target.
 */
export function setupCommands(services: () => Promise<Services>): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SEND_PAGE_COMMAND) return;
    void sendPageToLast(services, tab);
  });
}

export async function sendPageToLast(
  services: () => Promise<Services>,
  tab?: { url?: string; title?: string },
): Promise<void> {
  const active = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const [recent] = await readRecents();
  const last = recent && targetFromRecent(recent);
  const url = active?.url;
  if (!last || !url || !/^https?:/.test(url)) {
    await openComposeWindow(
      url && /^https?:/.test(url) ? { kind: 'page', url, title: active?.title ?? url } : undefined,
    );
    return;
  }
  await sendWithFeedback(await services(), { kind: 'page', url, title: active?.title ?? url }, last);
}
