// Screenshots in Firefox as a store build's user has them: the page on a host the build holds no
// permission for (127.0.0.3), a click on the toolbar button (activeTab) as the only grant.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { conversationNamed } from '../support/extension-calls';
import { PAGE_HOST } from '../support/file-sites';
import { clickToolbarButton, findPage, SYSTEM_ACCESS } from '../support/firefox';
import {
  byLabel,
  byRole,
  click,
  fill,
  inBackground,
  linkDemoWorkspace,
  texts,
  waitForText,
} from '../support/firefox-page';
import { pngSize } from '../support/images';
import type { Emulator } from '../emulator/index';
import { expect, test } from './fixtures';

type Ext = typeof browser;
const TITLE = 'Quarterly chart';
const BOX = { x: 100, y: 80, width: 200, height: 120 };
const PAGE = `<!DOCTYPE html><title>${TITLE}</title><style>html,body{margin:0;background:#fff}
#box{position:fixed;left:${BOX.x}px;top:${BOX.y}px;width:${BOX.width}px;height:${BOX.height}px;background:#0a64ff}</style>
<body><div id="box"></div></body>`;

test.use({ firefoxArgs: SYSTEM_ACCESS });

async function startPage(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, PAGE_HOST, resolve));
  return { server, url: `http://${PAGE_HOST}:${(server.address() as AddressInfo).port}/chart.html` };
}

const screenshots = (emulator: Emulator) =>
  emulator.state.workspaces.get('T0ACME001')!.files.filter((file) => file.name.startsWith('screenshot-'));

const hasVeil = (page: Page) => page.evaluate(() => document.querySelector('courier-region') !== null);

test('the visible part to a recent target and a dragged region through the compose window reach Slack as PNGs', async ({
  emulator,
  firefox,
  options,
}) => {
  const site = await startPage();
  try {
    const { page } = options;
    const account = await linkDemoWorkspace(firefox, page, emulator.url);
    const general = conversationNamed(emulator, 'general');
    const key = `${account.id}:${general.id}`;
    await page.evaluate(
      (key) =>
        (globalThis as unknown as { browser: Ext }).browser.storage.local.set({
          'recent-targets': [{ key, label: '#general · Acme Corp' }],
        }),
      key,
    );
    const article = await firefox.newPage();
    await article.goto(site.url);
    await article.bringToFront();
    const [dpr, width, height] = await article.evaluate(() => [devicePixelRatio, innerWidth, innerHeight]);
    const ids = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: Ext }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return { id: tab?.id, windowId: tab?.windowId };
    });
    const tab = { ...ids, url: site.url, title: TITLE };
    await clickToolbarButton(firefox);

    await inBackground(page, 'menuClick', { menuItemId: `courier:screenshot:recent:${key}`, pageUrl: site.url }, tab);
    const [visible] = screenshots(emulator);
    expect(visible, 'the visible part reached Slack').toBeDefined();
    expect(visible!.mimetype).toBe('image/png');
    expect(pngSize(visible!.bytes)).toEqual({ width: Math.round(width! * dpr!), height: Math.round(height! * dpr!) });
    const shared = emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .find((message) => message.files?.includes(visible!.id));
    expect(shared?.text).toContain(`<${site.url}|${TITLE}>`);

    // Select a region…: the veil, a drag over the box, then the compose window.
    const region = inBackground(page, 'menuClick', { menuItemId: 'courier:screenshot:region', pageUrl: site.url }, tab);
    await expect.poll(() => hasVeil(article)).toBe(true);
    await article.mouse.move(BOX.x, BOX.y);
    await article.mouse.down();
    await article.mouse.move(BOX.x + 100, BOX.y + 50, { steps: 4 });
    await article.mouse.move(BOX.x + BOX.width, BOX.y + BOX.height, { steps: 4 });
    await article.mouse.up();
    await region;
    expect(await hasVeil(article)).toBe(false);
    const compose = await findPage(firefox, (href) => href.includes('/popup.html?share='));
    await waitForText(compose, '.share-preview__title', `Screenshot of ${TITLE}`);
    const picker = await byLabel(compose, 'Channels and people');
    await fill(picker, 'general');
    await byRole(compose, 'option', /^\W*general\W*$/);
    await picker.press('Enter');
    await fill(await byLabel(compose, 'Message'), 'The box, cropped');
    await click(compose, 'button', 'Send');
    await waitForText(compose, '[data-testid="send-status"]', 'Sent to #general.', 20_000);
    const cropped = screenshots(emulator).find((file) => file.id !== visible!.id);
    expect(cropped, 'the region reached Slack').toBeDefined();
    expect(pngSize(cropped!.bytes)).toEqual({
      width: Math.round(BOX.width * dpr!),
      height: Math.round(BOX.height * dpr!),
    });

    // Escape cancels: the veil goes, nothing is shared.
    const cancelled = inBackground(
      page,
      'menuClick',
      { menuItemId: 'courier:screenshot:region', pageUrl: site.url },
      tab,
    );
    await expect.poll(() => hasVeil(article)).toBe(true);
    await article.keyboard.press('Escape');
    await cancelled;
    expect(await hasVeil(article)).toBe(false);
    expect(screenshots(emulator)).toHaveLength(2);
  } finally {
    site.server.close();
  }
});

test('the popup camera shares the visible part of the page behind it', async ({ emulator, firefox, options }) => {
  const site = await startPage();
  try {
    const { page } = options;
    await linkDemoWorkspace(firefox, page, emulator.url);
    const article = await firefox.newPage();
    await article.goto(site.url);
    await article.bringToFront();
    const [dpr, width, height] = await article.evaluate(() => [devicePixelRatio, innerWidth, innerHeight]);
    await clickToolbarButton(firefox);
    // The composer in a window of its own over the page, as the compose window is.
    const share = { kind: 'page', url: site.url, title: TITLE };
    await page.evaluate(
      async (query) => {
        const api = (globalThis as unknown as { browser: Ext }).browser;
        await api.windows.create({ url: api.runtime.getURL(`/popup.html${query}` as '/popup.html'), type: 'popup' });
      },
      `?share=${encodeURIComponent(JSON.stringify(share))}`,
    );
    const popup = await findPage(firefox, (href) => href.includes('/popup.html?share='));
    await click(popup, 'button', 'Share screenshot');
    await waitForText(popup, '.share-preview__title', `Screenshot of ${TITLE}`).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; the popup says: ${(await texts(popup, '[role="alert"]')).join(' ')}`);
    });
    const picker = await byLabel(popup, 'Channels and people');
    await fill(picker, 'general');
    await byRole(popup, 'option', /^\W*general\W*$/);
    await picker.press('Enter');
    await click(popup, 'button', 'Send');
    await waitForText(popup, '[data-testid="send-status"]', 'Sent to #general.', 20_000);
    const files = screenshots(emulator);
    expect(files).toHaveLength(1);
    expect(pngSize(files[0]!.bytes)).toEqual({
      width: Math.round(width! * dpr!),
      height: Math.round(height! * dpr!),
    });
  } finally {
    site.server.close();
  }
});
