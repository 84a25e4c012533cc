import { browser } from 'wxt/browser';
import { dueMoments } from './alarms';
import type { ClickedTab, MenuClick } from '../share/from-menu';
import {
  refreshStaleDirectories,
  storeDirectory,
  targetsFrom,
  type SlackConversation,
  type SlackUser,
} from '../directory/refresh';
import { openSentNotification } from '../platform/feedback';
import { sendPageToLast } from './commands';
import { handleMenuClick } from './menus';
import type { Services } from './services';

/**
 * The e2e build only: lets Playwright drive background work directly (the alarm's refresh pass,
 * calls made by the worker itself), exactly as the worker would, without waiting for timers.
 */
export function exposeForE2E(services: () => Promise<Services>): void {
  Object.assign(globalThis, {
    courierE2E: {
      refreshDue: async () => (await services()).refresher.refreshDue(),
      /** When each kind of background work is next due, as the wake alarm's scheduler reads it. */
      dueMoments: async () => dueMoments(await services()),
      /** What a right-click on one of Courier's menu items does, with the click's data. */
      menuClick: (info: MenuClick, tab?: ClickedTab) => handleMenuClick(services, info, tab),
      drainOutbox: async () => (await services()).outbox.drain(),
      /** Lower download limits (size, stall timeout) so the tests need no gigabyte and no long wait. */
      setDownloadLimits: async (limits: { maxBytes?: number; stallMs?: number }) =>
        void Object.assign((await services()).downloads, limits),
      /** The "send the current page to the last target" shortcut, for the given tab. */
      sendPageToLast: (tab: { url?: string; title?: string }) => sendPageToLast(services, tab),
      openSentNotification,
      /** The duplicate sweep as if the sends were a while ago. */
      sweepDuplicates: async (aheadMs: number) => (await services()).outbox.sweep(Date.now() + aheadMs),
      /** Every linked workspace's directory read again now; resolves when they are stored. */
      refreshDirectories: async () => refreshStaleDirectories((await services()).directories, true),
      /**
       * One workspace's directory from Slack's user and conversation objects, through the same
       * mapping and store as a refresh but without paging: the benchmarks fill 50 000 people this
       * way, which Slack's tier 2 budget would otherwise spread over minutes.
       */
      storeDirectory: async (accountId: string, users: SlackUser[], conversations: SlackConversation[]) => {
        const all = await services();
        const account = await all.store.accounts.get(accountId);
        if (!account) throw new Error('no such account');
        const targets = targetsFrom(accountId, account.teamName, users, conversations);
        await storeDirectory(all.directories, {
          accountId,
          teamName: account.teamName,
          refreshedAt: Date.now(),
          targets,
        });
        return targets.length;
      },
      authTest: async (accountId: string, kind: 'bot' | 'user') => {
        const { store, transport, refresher } = await services();
        const account = await store.accounts.get(accountId);
        const profile = account && (await store.profiles.get(account.profileId));
        if (!profile) throw new Error('no such account');
        return refresher.withToken(accountId, kind, (token) =>
          transport(profile.baseUrl).call('auth.test', {}, { token }),
        );
      },
    },
  });
}

/**
 * The Firefox e2e build only: Firefox's remote agent refuses to navigate a tab to moz-extension://
 * URLs, so the extension opens its own options page when installed and the test attaches to that
 * tab; every further extension page is opened from there. Chromium's tests open pages directly.
 */
export function openFirstPageForE2E(): void {
  browser.runtime.onInstalled.addListener(
    () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html') }),
  );
}
