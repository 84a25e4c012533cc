// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { captureFailure, cropFor, screenshotRefusal, type Region } from './screenshot';

const region = (overrides: Partial<Region> = {}): Region => ({
  x: 100,
  y: 80,
  width: 200,
  height: 120,
  viewportWidth: 1280,
  viewportHeight: 720,
  devicePixelRatio: 1,
  ...overrides,
});

describe('cropFor', () => {
  it('is the region itself at devicePixelRatio 1', () => {
    expect(cropFor(region(), { width: 1280, height: 720 })).toEqual({ x: 100, y: 80, width: 200, height: 120 });
  });

  it('scales CSS pixels to device pixels on a high-DPI screen', () => {
    expect(cropFor(region({ devicePixelRatio: 2 }), { width: 2560, height: 1440 })).toEqual({
      x: 200,
      y: 160,
      width: 400,
      height: 240,
    });
  });

  it('widens fractional edges to whole pixels at 1.5 (a 150 % screen or page zoom)', () => {
    const crop = cropFor(region({ x: 10.5, y: 3, width: 33, height: 7, viewportWidth: 853, viewportHeight: 480 }), {
      width: 1280,
      height: 720,
    });
    // 1280 / 853 ≈ 1.5006: left 15.75… → 15, right 65.26… → 66.
    expect(crop).toEqual({ x: 15, y: 4, width: 51, height: 11 });
  });

  it('measures the ratio on the image when the page reports another one', () => {
    // A browser that emulates devicePixelRatio 1 but paints at 2: the image decides.
    expect(cropFor(region({ devicePixelRatio: 1 }), { width: 2560, height: 1440 })).toEqual({
      x: 200,
      y: 160,
      width: 400,
      height: 240,
    });
  });

  it('falls back to devicePixelRatio without a viewport size', () => {
    expect(
      cropFor(region({ viewportWidth: 0, viewportHeight: 0, devicePixelRatio: 3 }), { width: 3840, height: 2160 }),
    ).toEqual({ x: 300, y: 240, width: 600, height: 360 });
  });

  it('takes a drag to the left or upwards as the same rectangle, and keeps it inside the image', () => {
    expect(cropFor(region({ x: 300, y: 200, width: -200, height: -120 }), { width: 1280, height: 720 })).toEqual({
      x: 100,
      y: 80,
      width: 200,
      height: 120,
    });
    expect(cropFor(region({ x: 1200, y: 700, width: 500, height: 500 }), { width: 1280, height: 720 })).toEqual({
      x: 1200,
      y: 700,
      width: 80,
      height: 20,
    });
    expect(cropFor(region({ x: 1300, y: 10 }), { width: 1280, height: 720 })).toBeNull();
  });
});

describe('screenshotRefusal', () => {
  it('lets web pages through', () => {
    expect(screenshotRefusal('https://example.com/a')).toBeNull();
    expect(screenshotRefusal('http://127.0.0.3:8080/chart.html')).toBeNull();
    expect(screenshotRefusal('https://chrome.google.com/search')).toBeNull();
  });

  it('says what to do on the browser’s own pages and local files', () => {
    expect(screenshotRefusal('chrome://settings/')).toBe(
      "Courier takes screenshots of web pages only, and this tab shows a page of the browser itself (chrome:). Open the web page you want to share, or use your system's screenshot tool and share the image as a file.",
    );
    expect(screenshotRefusal('about:preferences')).toContain('a page of the browser itself (about:)');
    expect(screenshotRefusal('file:///home/ann/a.html')).toContain('a file from your computer');
  });

  it('says the add-on stores are out of reach', () => {
    for (const url of [
      'https://chromewebstore.google.com/detail/x/abc',
      'https://chrome.google.com/webstore/detail/abc',
      'https://addons.mozilla.org/en-US/firefox/addon/x/',
      'https://microsoftedge.microsoft.com/addons/detail/x',
    ]) {
      expect(screenshotRefusal(url)).toMatch(/^Browsers don't let extensions capture their add-on store \(/);
    }
  });

  it('takes an address it cannot see as a missing grant', () => {
    expect(screenshotRefusal(undefined)).toContain('Click the Courier button (or right-click the page) again');
  });
});

describe('captureFailure', () => {
  it('names the PDF viewer, for the capture and for the region', () => {
    expect(captureFailure('https://example.com/report.pdf', 'Cannot access contents of the page', 'capture')).toContain(
      "The browser's PDF viewer doesn't let Courier capture this PDF.",
    );
    expect(captureFailure('https://example.com/report.PDF', 'Cannot access a chrome-extension:// URL', 'region')).toBe(
      "The browser's PDF viewer doesn't let Courier draw a selection over this PDF. Share the visible part instead, or use your system's screenshot tool and share the image as a file.",
    );
  });

  it('turns a missing activeTab into what to click', () => {
    for (const message of [
      "Either the '<all_urls>' or 'activeTab' permission is required.",
      'Missing activeTab permission',
      'Missing host permission for the tab',
    ]) {
      expect(captureFailure('https://example.com/', message, 'capture')).toContain('Click the Courier button');
    }
  });

  it('keeps the browser’s words when they say nothing known', () => {
    expect(captureFailure('https://example.com/', 'Failed to capture tab: unknown error.', 'capture')).toBe(
      "The browser didn't capture this tab (Failed to capture tab: unknown error). Reload the page and try again, or use your system's screenshot tool and share the image as a file.",
    );
    expect(captureFailure('chrome://newtab/', 'whatever', 'capture')).toContain('web pages only');
  });
});
