import { browser } from 'wxt/browser';
import { readRecents, targetFromRecent } from '../platform/recents';
import type { Services } from './services';
import { openComposeWindow, sendWithFeedback } from './menus';
import { siteRuleFor, siteRuleTarget } from './site-rules';

export const SEND_PAGE_COMMAND = 'send-page-to-last';

/**
 * Keyboard commands (rebindable in the browser's shortcut settings): the action's own command
 * opens the composer; this one sends the current page to the last target, or to the target of the
 * site rule the page falls under.
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
  const url = active?.url;
  const rule = await siteRuleFor(url);
  if (rule && url) {
    // The site's channel, or a notification saying why not: never the last target instead.
    const all = await services();
    const target = await siteRuleTarget(all, rule);
    if (target) await sendWithFeedback(all, { kind: 'page', url, title: active?.title ?? url }, target);
    return;
  }
  const [recent] = await readRecents();
  const last = recent && targetFromRecent(recent);
  if (!last || !url || !/^https?:/.test(url)) {
    await openComposeWindow(
      url && /^https?:/.test(url) ? { kind: 'page', url, title: active?.title ?? url } : undefined,
    );
    return;
  }
  await sendWithFeedback(await services(), { kind: 'page', url, title: active?.title ?? url }, last);
}
