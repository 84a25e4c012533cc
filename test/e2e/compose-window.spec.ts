import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { linkDemoWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';
import { pngBytes } from '../support/images';

const ACME = 'T0ACME001';
const IMAGE = pngBytes(90_000, 13);
/** Served slowly, so the upload is still downloading when Cancel is pressed. */
const SLOW_SIZE = 4 * 1024 * 1024;
const SLOW_CHUNK = 32 * 1024;

interface Site {
  url: string;
  server: Server;
  /** Whether the slow download was dropped by the browser before its end. */
  slowAborted: () => boolean;
}

async function startSite(): Promise<Site> {
  let aborted = false;
  const server = createServer((request, response) => {
    if (request.url === '/cat.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': IMAGE.length });
      response.end(IMAGE);
    } else if (request.url === '/slow.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': SLOW_SIZE });
      let written = 0;
      const timer = setInterval(() => {
        response.write(Buffer.alloc(SLOW_CHUNK, 7));
        written += SLOW_CHUNK;
        if (written >= SLOW_SIZE) {
          clearInterval(timer);
          response.end();
        }
      }, 50);
      response.on('close', () => {
        clearInterval(timer);
        if (written < SLOW_SIZE) aborted = true;
      });
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, slowAborted: () => aborted };
}

/** Right-click → Share image to Slack → Choose…, as the worker handles it; resolves with the window. */
async function chooseImage(context: BrowserContext, worker: Worker, srcUrl: string): Promise<Page> {
  const opened = context.waitForEvent('page', (page) => page.url().includes('popup.html'));
  await worker.evaluate(
    (info) =>
      (
        globalThis as unknown as { courierE2E: { menuClick(i: unknown, t: unknown): Promise<void> } }
      ).courierE2E.menuClick(info, { url: 'https://example.com/gallery', title: 'A gallery' }),
    { menuItemId: 'courier:image:choose', srcUrl, pageUrl: 'https://example.com/gallery', mediaType: 'image' },
  );
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

async function pickGeneral(page: Page) {
  const picker = page.getByRole('combobox', { name: 'Channel' });
  await picker.fill('general');
  await expect(page.getByRole('option', { name: /^\W*general\W*$/ })).toBeVisible({ timeout: 20_000 });
  await picker.press('Enter');
}

test.describe('the "Choose…" compose window', () => {
  let site: Site;
  test.beforeEach(async () => {
    site = await startSite();
  });
  test.afterEach(() => {
    site.server.closeAllConnections();
    site.server.close();
  });

  test('uploads the clicked image with the comment to the chosen channel', async ({
    context,
    emulator,
    openPage,
    serviceWorker,
  }) => {
    await linkDemoWorkspace(context, (await openPage('options.html')).page, emulator.url);
    const compose = await chooseImage(context, serviceWorker, `${site.url}/cat.png`);
    await expect(compose.getByRole('figure', { name: 'Image' })).toContainText('Image from A gallery');
    await pickGeneral(compose);
    await compose.getByRole('textbox', { name: 'Message' }).fill('Look at this one');
    await compose.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(compose.getByTestId('send-status')).toHaveText('Sent to #general.', { timeout: 20_000 });
    await expect(compose.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(0);

    const ws = emulator.state.workspaces.get(ACME)!;
    const general = ws.conversations.find((c) => c.name === 'general')!;
    const file = ws.files.find((f) => f.name === 'cat.png');
    expect(file, 'the image arrived as a file').toBeDefined();
    expect(Buffer.compare(file!.bytes, IMAGE)).toBe(0);
    const shared = emulator.state
      .listMessages({ team: ACME, channel: general.id })
      .find((m) => m.subtype === 'file_share' && m.files?.includes(file!.id));
    expect(shared, 'a file_share message in #general').toBeDefined();
    expect(shared!.text).toContain('Look at this one');
    expect(shared!.threadTs).toBeUndefined();
  });

  test('cancels a long upload: nothing reaches Slack', async ({ context, emulator, openPage, serviceWorker }) => {
    await linkDemoWorkspace(context, (await openPage('options.html')).page, emulator.url);
    const compose = await chooseImage(context, serviceWorker, `${site.url}/slow.png`);
    await pickGeneral(compose);
    await compose.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(compose.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
    await compose.getByRole('button', { name: 'Cancel upload' }).click();

    await expect(compose.getByTestId('send-status')).toHaveText('Not sent to #general.');
    await expect(compose.getByRole('list', { name: 'Send results' })).toContainText('You cancelled the upload');
    await expect(compose.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(0);
    expect(site.slowAborted(), 'the download was stopped').toBe(true);
    const ws = emulator.state.workspaces.get(ACME)!;
    expect(ws.files.some((f) => f.name === 'slow.png')).toBe(false);
    expect(emulator.state.uploads.size).toBe(0);
  });
});
