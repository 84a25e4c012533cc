import { browser } from 'wxt/browser';
import { applyMenus, buildMenus, MAX_RECENTS } from '../platform/menus';
import {
  clearAccessNotification,
  notifyAccessNeeded,
  notifyProgress,
  notifySend,
  onAccessPressed,
  onCancelPressed,
  openSentNotification,
  SENT_NOTIFICATION_PREFIX,
} from '../platform/feedback';
import { knownToNeedAccess, rememberNeeded, requestSiteAccess } from '../platform/site-access';
import { siteHost, sitePattern } from '../share/site';
import type { SendTarget } from '../protocol';
import type { ClickedTab, MenuClick } from '../share/from-menu';
import { shareFromMenuClick } from '../share/from-menu';
import type { Share } from '../share/share';
import { isDownloadShare, isUploadShare, sourceOf, webUrl } from '../share/share';
import { toWireError } from '../errors';
import { readRecents, rememberTargets, targetFromRecent } from '../platform/recents';
import { recentTargets, siteRules } from '../store/settings';
import { siteMenuTargets } from '../share/site-rules';
import type { Services } from './services';
import { siteChoiceTarget } from './site-rules';
import { DISCARDED } from '../outbox/delivery';
import { reachedTargets, sendShareNow } from '../outbox/send-share';
import { cancellable, cancelUpload } from '../outbox/aborts';
import { uploadToTargets } from '../outbox/uploads';
import { screenshotFromMenu } from './screenshots';

async function rebuild(): Promise<void> {
  const recents = (await readRecents()).slice(0, MAX_RECENTS);
  const sites = siteMenuTargets(await siteRules.getValue());
  await applyMenus(buildMenus({ recents, sites, browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome' }));
}

/** The small compose window: the popup's composer, prefilled with what was clicked. */
export async function openComposeWindow(share?: Share): Promise<void> {
  await openPopupWindow(share ? `?share=${encodeURIComponent(JSON.stringify(share))}` : '');
}

/** The popup in a window of its own, where a button can ask the browser for a site. */
export async function openAccessWindow(site: string): Promise<void> {
  await openPopupWindow(`?access=${encodeURIComponent(site)}`);
}

async function openPopupWindow(query: string): Promise<void> {
  const url = browser.runtime.getURL(`/popup.html${query}`);
  await browser.windows.create({ url, type: 'popup', width: 480, height: 600 });
}

/** A share that waits for access: remembered (the next click there asks at once) and notified. */
async function notifyWaitingForAccess(site: string, label: string, message: string): Promise<void> {
  await rememberNeeded(site);
  await notifyAccessNeeded(
    site,
    `Allow access to ${siteHost(site)} to share to ${label}`,
    `${message} The file waits in the outbox and goes out once you allow it.`,
  );
}

/** Sends a share to one target and says how it went in a notification. */
export async function sendWithFeedback(services: Services, share: Share, target: SendTarget): Promise<void> {
  const id = crypto.randomUUID();
  try {
    if (isUploadShare(share)) {
      const title = `Sharing to ${target.label}`;
      let lastPercent = -1;
      void notifyProgress(id, title, 0);
      const [result] = await cancellable(id, (signal) =>
        uploadToTargets(services.outbox, { share, targets: [target] }, signal, ({ sent, total }) => {
          const percent = total ? Math.floor((sent / total) * 100) : 0;
          // Updating a notification for every chunk would flood the system: every 10 %.
          if (percent >= lastPercent + 10) {
            lastPercent = percent;
            void notifyProgress(id, title, percent);
          }
        }),
      );
      if (result?.error?.kind === 'needs_access' && result.error.site) {
        await browser.notifications.clear(`${SENT_NOTIFICATION_PREFIX}${id}`);
        await notifyWaitingForAccess(result.error.site, target.label, result.error.message);
      } else if (result?.error?.message === DISCARDED.message) {
        await notifySend({ id, title: `Not shared to ${target.label}`, message: 'You cancelled the upload.' });
      } else if (result?.state === 'sent') {
        await notifySend({
          id,
          title: `Shared to ${target.label}`,
          message: 'The file is in Slack.',
          ...(result.permalink ? { permalink: result.permalink } : {}),
        });
      } else {
        await notifySend({
          id,
          title: result?.state === 'queued' ? `Queued for ${target.label}` : `Not shared to ${target.label}`,
          message: `${result?.error?.message ?? 'Unknown problem.'} The file is kept in the outbox.`,
        });
      }
      return;
    }
    const results = await sendShareNow(services.outbox, share, [target]);
    await rememberTargets(reachedTargets([target], results));
    const [result] = results;
    if (result?.state === 'sent' || result?.state === 'scheduled') {
      await notifySend({
        id,
        title: `Sent to ${target.label}`,
        message: 'Your message is in Slack.',
        ...(result.permalink ? { permalink: result.permalink } : {}),
      });
    } else {
      await notifySend({
        id,
        title: result?.state === 'queued' ? `Queued for ${target.label}` : `Not sent to ${target.label}`,
        message: `${result?.error?.message ?? 'Unknown problem.'} The message is kept in the outbox.`,
      });
    }
  } catch (error) {
    await notifySend({ id, title: `Not sent to ${target.label}`, message: toWireError(error).message });
  }
}

/**
 * A site that refused Courier before (and is still not granted) is asked for in the click itself,
 * the one moment both browsers allow a prompt from a menu. Any other site is tried first: most
 * images need no permission, and the click has passed by the time a download can tell.
 */
function askAtClick(share: Share): Promise<unknown> | undefined {
  const source = isDownloadShare(share) ? webUrl(sourceOf(share)) : null;
  if (!source || !knownToNeedAccess(sitePattern(source))) return undefined;
  return requestSiteAccess([sitePattern(source)]).catch(() => false);
}

/** Context menus: built at install and start-up, rebuilt when the recent targets change. */
export function setupMenus(services: () => Promise<Services>): void {
  browser.runtime.onInstalled.addListener(() => void rebuild());
  browser.runtime.onStartup.addListener(() => void rebuild());
  recentTargets.watch(() => void rebuild());
  siteRules.watch(() => void rebuild());
  const menus = (browser as unknown as { menus?: typeof browser.contextMenus }).menus ?? browser.contextMenus;
  menus.onClicked.addListener((info, tab) => void handleMenuClick(services, info, tab));
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(SENT_NOTIFICATION_PREFIX)) return;
    void openSentNotification(id);
  });
  onCancelPressed((id) => cancelUpload(id));
  onAccessPressed((site) => {
    // Asked in the click where the browser carries it this far; a window with a button otherwise.
    requestSiteAccess([site]).then(
      (granted) => (granted ? clearAccessNotification(site) : undefined),
      () => openAccessWindow(site),
    );
  });
}

export async function handleMenuClick(
  services: () => Promise<Services>,
  info: MenuClick,
  tab?: ClickedTab,
): Promise<void> {
  const clicked = shareFromMenuClick(info, tab);
  if (!clicked.share) {
    await notifySend({ id: crypto.randomUUID(), title: 'Nothing to send', message: clicked.reason });
    return;
  }
  if (clicked.share.kind === 'screenshot') {
    return screenshotFromMenu(services, clicked.choice, tab, { send: sendWithFeedback, compose: openComposeWindow });
  }
  // Before anything is awaited: the browser shows its prompt only inside the click itself.
  await askAtClick(clicked.share);
  const { choice } = clicked;
  if (choice.action === 'choose') return openComposeWindow(clicked.share);
  if (choice.action === 'site') {
    // A site rule's target: sent only while the directory still lists it (the rule says why not).
    const target = await siteChoiceTarget(await services(), choice.targetKey);
    if (target) await sendWithFeedback(await services(), clicked.share, target);
    else if (target === undefined) await openComposeWindow(clicked.share);
    return;
  }
  if (choice.action !== 'recent') return openComposeWindow(clicked.share);
  const label = (await readRecents()).find((entry) => entry.key === choice.targetKey)?.label ?? 'Slack';
  const target = targetFromRecent({ key: choice.targetKey, label });
  if (!target) return openComposeWindow(clicked.share);
  await sendWithFeedback(await services(), clicked.share, target);
}
