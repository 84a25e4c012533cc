import { browser } from 'wxt/browser';
import { CourierFailure } from '../errors';
import {
  CAPTURE_CACHE,
  captureFailure,
  captureKey,
  cropFor,
  screenshotRefusal,
  type Region,
} from '../share/screenshot';

/**
 * Screenshots, the browser's part: the tab, the region the person drags (a small script injected
 * only when asked, entrypoints/region.ts), tabs.captureVisibleTab through the click's activeTab,
 * the crop, and where the PNG waits until it is in the outbox. Every refusal is a CourierFailure
 * whose message says what to do (lib/share/screenshot.ts).
 */

export interface CapturedTab {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

export interface Capture {
  blob: Blob;
  width: number;
  height: number;
}

const refused = (message: string) => new CourierFailure('invalid_input', message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The tab to capture: the one given, else the active tab of a browser window (a compose window is
 * a window of its own, so the page is in another one): the focused one if it is a browser window,
 * else the first. Firefox's windows.getLastFocused ignores windowTypes, so the type is checked here.
 */
export async function tabToCapture(tab?: CapturedTab): Promise<CapturedTab> {
  if (tab?.id !== undefined && tab.windowId !== undefined) return tab;
  if (tab?.id !== undefined) return { ...(await browser.tabs.get(tab.id)), ...tab };
  const windows = (await browser.windows.getAll({ populate: true })).filter((window) => window.type === 'normal');
  const window = windows.find((candidate) => candidate.focused) ?? windows[0];
  const active = window?.tabs?.find((candidate) => candidate.active);
  if (!active) throw refused('Courier found no tab to capture. Click the page first, then try again.');
  return active;
}

/** The rectangle the person drags over the page, or null when they pressed Escape. */
async function dragRegion(tab: CapturedTab): Promise<Region | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/region.js'] });
    return (frame?.result as Region | null | undefined) ?? null;
  } catch (error) {
    throw refused(captureFailure(tab.url, messageOf(error), 'region'));
  }
}

function pngFromDataUrl(dataUrl: string): Blob {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/** The region's pixels of a capture, as a PNG, cut in the worker (no page, no DOM). */
async function crop(png: Blob, region: Region): Promise<Capture> {
  const image = await createImageBitmap(png);
  const box = cropFor(region, image);
  if (!box) {
    image.close();
    throw refused('The region you selected is outside the page. Drag over the part of the page you want to share.');
  }
  const canvas = new OffscreenCanvas(box.width, box.height);
  canvas.getContext('2d')!.drawImage(image, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  image.close();
  return { blob: await canvas.convertToBlob({ type: 'image/png' }), width: box.width, height: box.height };
}

/**
 * The visible part of the tab, or the region the person drags over it, as a PNG; null when they
 * cancelled the region with Escape. Needs activeTab for the tab: the menu click or the opened popup.
 */
export async function captureTab(tab: CapturedTab, area: 'visible' | 'region'): Promise<Capture | null> {
  const sentence = screenshotRefusal(tab.url);
  if (sentence) throw refused(sentence);
  const region = area === 'region' ? await dragRegion(tab) : undefined;
  if (region === null) return null;
  let png: Blob;
  try {
    png = pngFromDataUrl(await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }));
  } catch (error) {
    throw refused(captureFailure(tab.url, messageOf(error), 'capture'));
  }
  if (region) return crop(png, region);
  const image = await createImageBitmap(png);
  const size = { width: image.width, height: image.height };
  image.close();
  return { blob: png, ...size };
}

// ---------------------------------------------------------------------------------------------
// Where a capture waits for its targets (the composer, the compose window)

/** Captures older than this are dropped at the next capture: the person went away. */
const KEPT_MS = 60 * 60 * 1000;

/**
 * Keeps a capture for a page to name by id. Cache Storage holds Blobs, survives the worker being
 * stopped while the person chooses a channel, and needs no database version.
 */
export async function keepCapture(blob: Blob): Promise<string> {
  const cache = await caches.open(CAPTURE_CACHE);
  const now = Date.now();
  // The id starts with the moment it was taken (base 36), so the sweep reads no entry.
  for (const request of await cache.keys()) {
    const takenAt = parseInt(decodeURIComponent(request.url.slice(request.url.lastIndexOf('/') + 1)), 36);
    if (!(takenAt > now - KEPT_MS)) await cache.delete(request);
  }
  const id = `${now.toString(36)}-${crypto.randomUUID()}`;
  await cache.put(captureKey(id), new Response(blob, { headers: { 'content-type': 'image/png' } }));
  return id;
}

/** The capture's PNG; a sentence saying to take it again when it is gone. */
export async function keptCapture(captureId: string): Promise<Blob> {
  const kept = await (await caches.open(CAPTURE_CACHE)).match(captureKey(captureId));
  if (!kept) throw refused('This screenshot is no longer kept (Courier keeps one for an hour). Take it again.');
  return kept.blob();
}
