import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { conversationNamed } from '../support/extension-calls';
import { linkDemoWorkspace } from '../support/options-page';
import { pickChannel } from '../support/popup-page';
import { expect, test } from './fixtures';
import { pngBytes } from '../support/images';

const ACME = 'T0ACME001';

test('sent while offline, the popup shows it waiting; back online it arrives exactly once', async ({
  context,
  emulator,
  openPage,
}) => {
  await linkDemoWorkspace(context, (await openPage('options.html')).page, emulator.url);
  const share = { kind: 'page', title: 'Offline page', url: 'https://example.com/offline' };
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(share))}`);
  await pickChannel(popup, 'general');
  const general = conversationNamed(emulator, 'general');
  const copies = () =>
    emulator.state
      .listMessages({ team: ACME, channel: general.id })
      .filter((message) => message.text.includes('https://example.com/offline'));

  // Offline reaches the service worker's fetch too: the send cannot get out and is queued.
  await context.setOffline(true);
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByTestId('send-status')).toHaveText('Queued for #general; Courier tries again by itself.');
  const outbox = popup.getByRole('list', { name: 'Outbox items' });
  await expect(outbox.locator(':scope > li')).toHaveCount(1);
  await expect(outbox).toContainText('#general · Waiting after 1 attempt');
  await expect(popup.getByTestId('outbox-count')).toHaveText('1 waiting to send');
  expect(copies()).toHaveLength(0);

  // Back online: the open popup hears it and asks the background to send now, not after the backoff.
  await context.setOffline(false);
  await expect(popup.getByTestId('outbox-count')).toHaveText('Nothing waiting to send.', { timeout: 15_000 });
  await expect(outbox).toHaveCount(0);
  expect(copies()).toHaveLength(1);
});

test.describe('a file share under a fault', () => {
  const IMAGE = pngBytes(40_000, 31);
  let site: Server;
  let siteUrl: string;
  test.beforeEach(async () => {
    site = createServer((request, response) => {
      if (request.url !== '/chart.png') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': IMAGE.length });
      response.end(IMAGE);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  test.afterEach(() => {
    site.closeAllConnections();
    site.close();
  });

  test('waits in the outbox with its name and size, then Retry shares it exactly once', async ({
    context,
    emulator,
    openPage,
  }) => {
    await linkDemoWorkspace(context, (await openPage('options.html')).page, emulator.url);
    const share = {
      kind: 'image',
      srcUrl: `${siteUrl}/chart.png`,
      pageTitle: 'Charts',
      pageUrl: 'https://example.com/c',
    };
    const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(share))}`);
    await pickChannel(popup, 'general');
    // Slack's upload host fails the bytes once: nothing can be completed, so the item waits.
    emulator.state.faults.add({ method: 'upload', kind: 'http500', count: 1 });

    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(popup.getByTestId('send-status')).toHaveText('Queued for #general; Courier tries again by itself.', {
      timeout: 20_000,
    });
    const row = popup.getByRole('list', { name: 'Outbox items' }).locator(':scope > li');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('File: chart.png (39.1 KB)');
    const ws = emulator.state.workspaces.get(ACME)!;
    expect(ws.files.filter((file) => file.name === 'chart.png')).toHaveLength(0);

    // Waiting, so Courier names when it tries by itself and offers only to go now.
    await expect(row).toContainText(/Courier tries again at \d/);
    await row.getByRole('button', { name: 'Try now' }).click();
    await expect(popup.getByTestId('outbox-count')).toHaveText('Nothing waiting to send.', { timeout: 15_000 });

    const files = ws.files.filter((file) => file.name === 'chart.png');
    expect(files).toHaveLength(1);
    expect(Buffer.compare(files[0]!.bytes, IMAGE)).toBe(0);
    const general = conversationNamed(emulator, 'general');
    const shares = emulator.state
      .listMessages({ team: ACME, channel: general.id })
      .filter((message) => message.subtype === 'file_share');
    expect(shares).toHaveLength(1);
    expect(shares[0]?.files).toEqual([files[0]!.id]);
    // Started over from a new upload URL; the first, never completed, is Slack's to drop.
    expect(emulator.state.stats().calls['files.getUploadURLExternal']).toBe(2);
  });
});
