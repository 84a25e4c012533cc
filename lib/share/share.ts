/**
 * A share is what a person sends from the browser: the page, a link, a quoted selection, an image,
 * a file or a screenshot of the page, plus the comment they typed. It says nothing about where it goes (the target) or how
 * it travels (outbox, chat.postMessage, the three-step upload).
 */

interface ShareBase {
  /** What the person typed in the composer; plain text with Slack mrkdwn allowed. */
  comment?: string;
}

export interface PageShare extends ShareBase {
  kind: 'page';
  title: string;
  url: string;
}

export interface LinkShare extends ShareBase {
  kind: 'link';
  url: string;
  /** The link's own text, where the browser reports it (Firefox does, Chrome does not). */
  text?: string;
  pageTitle?: string;
  pageUrl?: string;
}

export interface SelectionShare extends ShareBase {
  kind: 'selection';
  text: string;
  pageTitle: string;
  pageUrl: string;
  /** The words just before the selection, read only when its start occurs more than once on the page. */
  prefix?: string;
}

export interface ImageShare extends ShareBase {
  kind: 'image';
  srcUrl: string;
  pageTitle?: string;
  pageUrl?: string;
  alt?: string;
}

export interface FileShare extends ShareBase {
  kind: 'file';
  url: string;
  linkText?: string;
  pageTitle?: string;
  pageUrl?: string;
}

/**
 * What the browser showed of a page (the visible part, or a region of it), as a PNG. The bytes are
 * taken in the background and never cross a message: pages name them by `captureId`, and the
 * background puts the Blob into the outbox item (OutboxFile.blob) before the first attempt.
 */
export interface ScreenshotShare extends ShareBase {
  kind: 'screenshot';
  pageUrl: string;
  pageTitle?: string;
  /** The PNG kept by the background until it is in the outbox (lib/background/screenshots.ts). */
  captureId?: string;
  /** The PNG itself: in the background only, never in a message or a stored share. */
  blob?: Blob;
}

export type Share = PageShare | LinkShare | SelectionShare | ImageShare | FileShare | ScreenshotShare;
export type ShareKind = Share['kind'];
/** Shares uploaded as a Slack file rather than posted as text. */
export type UploadShare = ImageShare | FileShare | ScreenshotShare;
/** Upload shares whose bytes are fetched from a web address. */
export type DownloadShare = ImageShare | FileShare;

export const SHARE_KINDS = [
  'page',
  'link',
  'selection',
  'image',
  'file',
  'screenshot',
] as const satisfies readonly ShareKind[];

export function isUploadShare(share: Share): share is UploadShare {
  return share.kind === 'image' || share.kind === 'file' || share.kind === 'screenshot';
}

export function isDownloadShare(share: Share): share is DownloadShare {
  return share.kind === 'image' || share.kind === 'file';
}

/** The address an image or file share's bytes come from. */
export const sourceOf = (share: DownloadShare) => (share.kind === 'image' ? share.srcUrl : share.url);

/**
 * The URL as Courier will use it, or null when it is not a web address. Only http and https pass:
 * javascript:, data:, blob:, file:, chrome: and the like are never linked, fetched or sent.
 * Credentials written into the URL (https://user:pass@host/) are dropped so they do not end up in a
 * channel.
 */
export function webUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  return url.href;
}
