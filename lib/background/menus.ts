import { browser } from 'wxt/browser';
import { applyMenus, buildMenus, MAX_RECENTS } from '../platform/menus';
import {
  notifyProgress,
  notifySend,
  onCancelPressed,
  openSentNotification,
  SENT_NOTIFICATION_PREFIX,
} from '../platform/feedback';
import type { SendTarget } from '../protocol';
import type { MenuClick } from '../share/from-menu';
import { shareFromMenuClick } from '../share/from-menu';
import type { Share } from '../share/share';
import { isUploadShare } from '../share/share';
import { toWireError } from '../errors';
import { readRecents, RECENTS_KEY, targetFromRecent } from '../platform/recents';
import type { Services } from './services';
import { DISCARDED } from './delivery';
import { sendShareNow } from './send-now';
import { cancellable, cancelUpload, uploadToTargets } from './uploads';

async function rebuild(): Promise<void> {
  const recents = (await readRecents()).slice(0, MAX_RECENTS);
  await applyMenus(buildMenus({ recents, browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome' }));
}

/** The small compose window: the popup's composer, prefilled with what was clicked. */
export async function openComposeWindow(share?: Share): Promise<void> {
  const url = browser.runtime.getURL(
    `/popup.html${share ? `?share=${encodeURIComponent(JSON.stringify(share))}` : ''}`,
  );
  await browser.windows.create({ url, type: 'popup', width: 480, height: 600 });
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
        uploadToTargets(services, { share, targets: [target] }, signal, ({ sent, total }) => {
          const percent = total ? Math.floor((sent / total) * 100) : 0;
          // Updating a notification for every chunk would flood the system: every 10 %.
          if (percent >= lastPercent + 10) {
            lastPercent = percent;
            void notifyProgress(id, title, percent);
          }
        }),
      );
      if (result?.error?.message === DISCARDED.message) {
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
    const [result] = await sendShareNow(services, share, [target]);
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

/** Context menus: built at install and start-up, rebuilt when the recent targets change. */
export function setupMenus(services: () => Promise<Services>): void {
  browser.runtime.onInstalled.addListener(() => void rebuild());
  browser.runtime.onStartup.addListener(() => void rebuild());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && RECENTS_KEY in changes) void rebuild();
  });
  const menus = (browser as unknown as { menus?: typeof browser.contextMenus }).menus ?? browser.contextMenus;
  menus.onClicked.addListener((info, tab) => void handleMenuClick(services, info, tab));
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(SENT_NOTIFICATION_PREFIX)) return;
    void openSentNotification(id);
  });
  onCancelPressed((id) => cancelUpload(id));
}

export async function handleMenuClick(
  services: () => Promise<Services>,
  info: MenuClick,
  tab?: { url?: string; title?: string },
): Promise<void> {
  const clicked = shareFromMenuClick(info, tab);
  if (!clicked.share) {
    await notifySend({ id: crypto.randomUUID(), title: 'Nothing to send', message: clicked.reason });
    return;
  }
  const { choice } = clicked;
  if (choice.action === 'choose') return openComposeWindow(clicked.share);
  const label = (await readRecents()).find((entry) => entry.key === choice.targetKey)?.label ?? 'Slack';
  const target = targetFromRecent({ key: choice.targetKey, label });
  if (!target) return openComposeWindow(clicked.share);
  await sendWithFeedback(await services(), clicked.share, target);
}
