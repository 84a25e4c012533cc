import { notifySend } from '../platform/feedback';
import type { MenuChoice } from '../platform/menus';
import { readRecents, targetFromRecent } from '../platform/recents';
import type { ScreenshotTaken, SendTarget } from '../protocol';
import type { ScreenshotShare, UploadShare } from '../share/share';
import { webUrl } from '../share/share';
import { CourierFailure, toWireError } from '../errors';
import { captureTab, keepCapture, keptCapture, tabToCapture, type CapturedTab } from './capture';
import { siteChoiceTarget } from './site-rules';
import type { Services } from './services';

/**
 * A screenshot as a share: taken (the visible part or a dragged region), kept until a page names
 * its targets, and given its bytes before it goes into the outbox, where it travels like an image.
 */

/** The tab's screenshot, kept for a page to name by id; null when the person cancelled the region. */
export async function takeScreenshot(
  tab: CapturedTab | undefined,
  area: 'visible' | 'region',
): Promise<(ScreenshotTaken & { blob: Blob }) | null> {
  const target = await tabToCapture(tab);
  const captured = await captureTab(target, area);
  if (!captured) return null;
  const title = target.title?.replace(/\s+/g, ' ').trim();
  const share: ScreenshotShare = {
    kind: 'screenshot',
    // captureTab refused anything but a web page.
    pageUrl: webUrl(target.url)!,
    ...(title ? { pageTitle: title } : {}),
    captureId: await keepCapture(captured.blob),
  };
  return { share, width: captured.width, height: captured.height, blob: captured.blob };
}

/** The share as the outbox takes it: a screenshot with its PNG (a page only names it). */
export async function withScreenshot(share: UploadShare): Promise<UploadShare> {
  if (share.kind !== 'screenshot' || share.blob) return share;
  if (!share.captureId) throw new CourierFailure('invalid_input', 'Take the screenshot first.');
  return { ...share, blob: await keptCapture(share.captureId) };
}

/**
 * Right-click → "Share screenshot to Slack": a recent target gets the visible part at once;
 * Choose… and "Select a region…" open the compose window with it, for a comment and targets.
 * The capture happens in the click, while its activeTab grant holds.
 */
export async function screenshotFromMenu(
  services: () => Promise<Services>,
  choice: MenuChoice,
  tab: CapturedTab | undefined,
  then: {
    send: (services: Services, share: ScreenshotShare, target: SendTarget) => Promise<void>;
    compose: (share: ScreenshotShare) => Promise<void>;
  },
): Promise<void> {
  try {
    const taken = await takeScreenshot(tab, choice.action === 'region' ? 'region' : 'visible');
    if (!taken) return;
    const shot = { ...taken.share, blob: taken.blob };
    if (choice.action === 'site') {
      const target = await siteChoiceTarget(await services(), choice.targetKey);
      if (target) await then.send(await services(), shot, target);
      else if (target === undefined) await then.compose(taken.share);
      return;
    }
    if (choice.action !== 'recent') return await then.compose(taken.share);
    const label = (await readRecents()).find((entry) => entry.key === choice.targetKey)?.label ?? 'Slack';
    const target = targetFromRecent({ key: choice.targetKey, label });
    if (!target) return await then.compose(taken.share);
    await then.send(await services(), shot, target);
  } catch (error) {
    await notifySend({ id: crypto.randomUUID(), title: 'No screenshot', message: toWireError(error).message });
  }
}
