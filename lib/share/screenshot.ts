/**
 * Screenshots, the pure part: which region of the captured image a selection on the page is, and
 * the sentence for a page the browser will not capture. The capture itself is in
 * lib/background/capture.ts.
 */

/** What the region script (entrypoints/region.ts) reports: a rectangle in the page's CSS pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The viewport it was drawn in (innerWidth × innerHeight) and its devicePixelRatio. */
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
}

/** A rectangle in the captured image's pixels. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The pixels of a capture that a region covers. captureVisibleTab returns device pixels (CSS
 * pixels × devicePixelRatio, page zoom included), so the region is scaled by the ratio of the
 * image to the viewport it was drawn in: that is devicePixelRatio, measured on the image itself,
 * which also holds when a browser reports one ratio and paints at another. Without a viewport size
 * the page's devicePixelRatio is used. Edges are widened to whole pixels and kept inside the image;
 * null when nothing is left.
 */
export function cropFor(region: Region, image: { width: number; height: number }): Crop | null {
  const fallback = region.devicePixelRatio > 0 ? region.devicePixelRatio : 1;
  const scaleX = region.viewportWidth > 0 ? image.width / region.viewportWidth : fallback;
  const scaleY = region.viewportHeight > 0 ? image.height / region.viewportHeight : fallback;
  // A drag to the left or upwards has a negative size: the same rectangle.
  const left = Math.min(region.x, region.x + region.width);
  const top = Math.min(region.y, region.y + region.height);
  const right = Math.max(region.x, region.x + region.width);
  const bottom = Math.max(region.y, region.y + region.height);
  const x = clamp(Math.floor(left * scaleX + 1e-6), image.width);
  const y = clamp(Math.floor(top * scaleY + 1e-6), image.height);
  const endX = clamp(Math.ceil(right * scaleX - 1e-6), image.width);
  const endY = clamp(Math.ceil(bottom * scaleY - 1e-6), image.height);
  if (endX <= x || endY <= y) return null;
  return { x, y, width: endX - x, height: endY - y };
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** Smaller than this (CSS pixels, either side) is a click, not a region. */
export const MIN_REGION = 4;

/** Hosts where browsers let no extension run or capture: their add-on stores. */
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'addons.opera.com',
];

const OWN_TOOL = "use your system's screenshot tool and share the image as a file";
/**
 * Without a `tabs` permission the worker sees a tab's address only while activeTab holds, so an
 * unknown address and a refused capture mean the same: the click's grant is missing or gone.
 */
const NO_GRANT =
  'Courier may capture a web page only right after you click its button or its menu on that page. Click the Courier button (or right-click the page) again and share the screenshot from there.';

function schemeOf(url: string | undefined): string {
  return (url && /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase()) || '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const isPdf = (url: string | undefined) => {
  try {
    return url ? /\.pdf$/i.test(new URL(url).pathname) : false;
  } catch {
    return false;
  }
};

/**
 * Why Courier will not try to capture a tab, as a sentence saying what to do; null when it may.
 * Courier takes screenshots of web pages only (the link goes with the file), and browsers refuse
 * extensions their own pages and their add-on stores.
 */
export function screenshotRefusal(url: string | undefined): string | null {
  const scheme = schemeOf(url);
  if (!url || !scheme) return NO_GRANT;
  if (scheme !== 'http' && scheme !== 'https') {
    const what = scheme === 'file' ? 'a file from your computer' : `a page of the browser itself (${scheme}:)`;
    return `Courier takes screenshots of web pages only, and this tab shows ${what}. Open the web page you want to share, or ${OWN_TOOL}.`;
  }
  const host = hostOf(url);
  if (STORE_HOSTS.some((store) => host === store) && (host !== 'chrome.google.com' || url.includes('/webstore'))) {
    return `Browsers don't let extensions capture their add-on store (${host}). To share this page, ${OWN_TOOL}.`;
  }
  return null;
}

/**
 * The sentence for a capture the browser refused: what it refused (the visible area, or drawing the
 * region selection) and what to do instead. The browser's own message is kept when it says nothing
 * known.
 */
export function captureFailure(url: string | undefined, message: string, step: 'capture' | 'region'): string {
  const refused = screenshotRefusal(url);
  if (refused) return refused;
  if (isPdf(url) || /pdf/i.test(message)) {
    return step === 'region'
      ? `The browser's PDF viewer doesn't let Courier draw a selection over this PDF. Share the visible part instead, or ${OWN_TOOL}.`
      : `The browser's PDF viewer doesn't let Courier capture this PDF. ${capitalized(OWN_TOOL)}, or share the PDF itself: right-click a link to it and choose "Share file to Slack".`;
  }
  if (/activeTab|all_urls|permission|cannot access|cannot be scripted/i.test(message)) return NO_GRANT;
  if (/no tab|tab.*closed|invalid tab/i.test(message)) return 'The tab was closed before Courier could capture it.';
  return `The browser didn't capture this tab (${message.replace(/\.$/, '')}). Reload the page and try again, or ${OWN_TOOL}.`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the background keeps a capture until it is in the outbox (Cache Storage takes https keys only). */
export const CAPTURE_CACHE = 'courier-screenshots';
export const captureKey = (captureId: string) => `https://screenshot.courier.invalid/${encodeURIComponent(captureId)}`;
