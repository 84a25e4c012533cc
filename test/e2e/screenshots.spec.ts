// Screenshots as a store build's user has them: the page on a host the build holds no permission
// for (127.0.0.3), the toolbar button's click (CDP's Extensions.triggerAction) as the only grant.
import type { browser } from 'wxt/browser';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { clickToolbarButton, launchWithExtension } from '../support/chromium';
import { conversationNamed } from '../support/extension-calls';
import { FILE_HOST, PAGE_HOST } from '../support/file-sites';
import { pngSize } from '../support/images';
import { linkDemoWorkspace } from '../support/options-page';
import { pickChannel } from '../support/popup-page';
import type { Emulator } from '../emulator/index';
import { expect, test } from './fixtures';

const TITLE = 'Quarterly chart';
/** A blue box at a known place (CSS pixels) on a white page: the region test drags over exactly it. */
const BOX = { x: 100, y: 80, width: 200, height: 120 };
const PAGE = `<!DOCTYPE html><title>${TITLE}</title><style>html,body{margin:0;background:#fff}
#box{position:fixed;left:${BOX.x}px;top:${BOX.y}px;width:${BOX.width}px;height:${BOX.height}px;background:#0a64ff}</style>
<body><div id="box"></div><p style="margin-top:300px">Below the box.</p></body>`;

async function startPage(host = PAGE_HOST): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}/chart.html` };
}

type Hooks = { menuClick(info: unknown, tab: unknown): Promise<void> };
function menuClick(worker: Worker, info: Record<string, unknown>, tab: Record<string, unknown>) {
  return worker.evaluate(
    ([info, tab]) => (globalThis as unknown as { courierE2E: Hooks }).courierE2E.menuClick(info, tab),
    [info, tab] as const,
  );
}

/** The page's tab as onClicked reports it (ids only: without a host permission the worker sees no URL). */
async function tabOf(worker: Worker, page: Page) {
  const ids = await worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return { id: tab?.id, windowId: tab?.windowId };
  });
  return { ...ids, url: page.url(), title: TITLE };
}

const screenshots = (emulator: Emulator) =>
  emulator.state.workspaces.get('T0ACME001')!.files.filter((file) => file.name.startsWith('screenshot-'));

async function useRecentTarget(page: Page, emulator: Emulator, accountId: string): Promise<string> {
  const key = `${accountId}:${conversationNamed(emulator, 'general').id}`;
  await page.evaluate(
    (recents) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).chrome.storage.local.set({ 'recent-targets': recents }),
    [{ key, label: '#general · Acme Corp' }],
  );
  return key;
}

/** The colour of a pixel of a PNG, read by the browser itself. */
function pixel(page: Page, png: Buffer, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ data, x, y }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
    },
    { data: png.toString('base64'), x, y },
  );
}

const BLUE = [10, 100, 255];
const near = (found: number[], wanted: number[]) => found.every((value, i) => Math.abs(value - wanted[i]!) <= 8);

test('on a high-DPI screen: the visible part to a recent target, a region through the compose window, Escape cancels', async ({
  emulator,
}) => {
  const site = await startPage();
  const { context, serviceWorker, extensionId } = await launchWithExtension({
    headless: true,
    args: ['--force-device-scale-factor=2'],
    deviceScaleFactor: 2,
  });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const account = await linkDemoWorkspace(context, options, emulator.url);
    const key = await useRecentTarget(options, emulator, account.id);
    const general = conversationNamed(emulator, 'general');

    const page = await context.newPage();
    await page.goto(site.url);
    expect(await page.evaluate(() => [devicePixelRatio, innerWidth, innerHeight])).toEqual([2, 1280, 720]);
    const tab = await tabOf(serviceWorker, page);
    // The person clicks Courier's button on the page (the popup that opens is not used here).
    await clickToolbarButton(context, extensionId, page);

    // Right-click → Share screenshot to Slack → #general: the visible part, in device pixels.
    await menuClick(serviceWorker, { menuItemId: `courier:screenshot:recent:${key}`, pageUrl: site.url }, tab);
    const [visible] = screenshots(emulator);
    expect(visible, 'the screenshot reached Slack').toBeDefined();
    expect(visible!.mimetype).toBe('image/png');
    expect(pngSize(visible!.bytes)).toEqual({ width: 2560, height: 1440 });
    expect(visible!.title).toBe(`Screenshot of ${TITLE}`);
    const shared = emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .find((message) => message.files?.includes(visible!.id));
    expect(shared?.text, "the page's title and link are the file's comment").toContain(`<${site.url}|${TITLE}>`);

    // → Select a region…: the veil comes up on the page, the person drags over the box.
    const opened = context.waitForEvent('page', (candidate) => candidate.url().includes('popup.html'));
    const region = menuClick(serviceWorker, { menuItemId: 'courier:screenshot:region', pageUrl: site.url }, tab);
    await page.waitForFunction(() => document.querySelector('courier-region') !== null);
    await page.mouse.move(BOX.x, BOX.y);
    await page.mouse.down();
    await page.mouse.move(BOX.x + 120, BOX.y + 60, { steps: 4 });
    await page.mouse.move(BOX.x + BOX.width, BOX.y + BOX.height, { steps: 4 });
    await page.mouse.up();
    await region;
    expect(await page.evaluate(() => document.querySelector('courier-region'))).toBeNull();
    const compose = await opened;
    await compose.waitForLoadState();
    await expect(compose.getByText(`Screenshot of ${TITLE}`, { exact: true })).toBeVisible();
    await expect(compose.getByRole('img', { name: `Screenshot of ${TITLE}` })).toBeVisible();
    await pickChannel(compose, 'general');
    await compose.getByRole('textbox', { name: 'Message' }).fill('The box, cropped');
    await compose.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(compose.getByTestId('send-status')).toHaveText('Sent to #general.', { timeout: 20_000 });
    const cropped = screenshots(emulator).find((file) => file.id !== visible!.id);
    expect(cropped, 'the region reached Slack').toBeDefined();
    // 200 × 120 CSS pixels at devicePixelRatio 2, cut from the capture in the worker.
    expect(pngSize(cropped!.bytes)).toEqual({ width: BOX.width * 2, height: BOX.height * 2 });
    for (const [x, y] of [
      [0, 0],
      [BOX.width * 2 - 1, 0],
      [0, BOX.height * 2 - 1],
      [BOX.width * 2 - 1, BOX.height * 2 - 1],
    ]) {
      baseExpect(near(await pixel(page, cropped!.bytes, x!, y!), BLUE), `pixel ${x},${y} is the box's`).toBe(true);
    }
    const message = emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .find((candidate) => candidate.files?.includes(cropped!.id));
    expect(message?.text).toContain('The box, cropped');
    expect(message?.text).toContain(`<${site.url}|${TITLE}>`);

    // Escape takes the veil away and shares nothing.
    const cancelled = menuClick(serviceWorker, { menuItemId: 'courier:screenshot:region', pageUrl: site.url }, tab);
    await page.waitForFunction(() => document.querySelector('courier-region') !== null);
    await page.keyboard.press('Escape');
    await cancelled;
    expect(await page.evaluate(() => document.querySelector('courier-region'))).toBeNull();
    expect(screenshots(emulator)).toHaveLength(2);
  } finally {
    await context.close();
    site.server.close();
  }
});

/** popup.html in a window of its own over the page, as the compose window is: the page stays the tab to capture. */
async function popupWindow(context: BrowserContext, worker: Worker, query: string): Promise<Page> {
  const opened = context.waitForEvent('page', (candidate) => candidate.url().includes('popup.html'));
  await worker.evaluate(async (query) => {
    const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
    await chrome.windows.create({ url: chrome.runtime.getURL(`/popup.html${query}` as '/popup.html'), type: 'popup' });
  }, query);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

test('the popup camera shares the visible part with a comment; without the grant it says what to do', async ({
  context,
  emulator,
  extensionId,
  linked: { page: options },
  serviceWorker,
}) => {
  void options;
  const site = await startPage();
  const other = await startPage(FILE_HOST);
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await clickToolbarButton(context, extensionId, page);
    const share = { kind: 'page', url: site.url, title: TITLE };
    const popup = await popupWindow(context, serviceWorker, `?share=${encodeURIComponent(JSON.stringify(share))}`);
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.getByRole('button', { name: 'Share screenshot', exact: true }).click();
    await expect(popup.getByText('1280 × 720 px', { exact: false })).toBeVisible();
    await expect(popup.getByRole('img', { name: `Screenshot of ${TITLE}` })).toBeVisible();
    if (process.env.SHOT_DIR) await popup.screenshot({ path: `${process.env.SHOT_DIR}/popup-taken.png` });
    await pickChannel(popup, 'general');
    await popup.getByRole('textbox', { name: 'Message' }).fill('As it looks now');
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(popup.getByTestId('send-status')).toHaveText('Sent to #general.', { timeout: 20_000 });
    const [file] = screenshots(emulator);
    expect(pngSize(file!.bytes)).toEqual({ width: 1280, height: 720 });
    const general = conversationNamed(emulator, 'general');
    const message = emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .find((candidate) => candidate.files?.includes(file!.id));
    expect(message?.text).toContain('As it looks now');
    expect(message?.text).toContain(`<${site.url}|${TITLE}>`);
    expect(screenshots(emulator), 'exactly once').toHaveLength(1);

    // The tab went to another site: the click's grant is gone, and the popup says what to do.
    await page.goto(other.url);
    await popup.getByRole('button', { name: 'Remove screenshot' }).click();
    await popup.getByRole('button', { name: 'Share screenshot', exact: true }).click();
    await expect(popup.getByRole('alert')).toContainText('Click the Courier button (or right-click the page) again');
    expect(screenshots(emulator)).toHaveLength(1);
  } finally {
    site.server.close();
    other.server.close();
  }
});

test('the popup passes axe (WCAG 2.1 A and AA) with the screenshot buttons, light and dark', async ({
  linked: { page: options },
  openPage,
}) => {
  void options;
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const share = { kind: 'page', url: 'https://example.com/chart', title: TITLE };
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(share))}`);
  await popup.setViewportSize({ width: 420, height: 640 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByRole('button', { name: 'Share screenshot', exact: true })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Share screenshot of a region' })).toBeVisible();
    await popup.evaluate(axe);
    const violations = await popup.evaluate(async () => {
      const found = await (
        globalThis as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return found.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' ')}`);
    });
    expect(violations, colorScheme).toEqual([]);
    if (process.env.SHOT_DIR) await popup.screenshot({ path: `${process.env.SHOT_DIR}/popup-${colorScheme}.png` });
  }
});
