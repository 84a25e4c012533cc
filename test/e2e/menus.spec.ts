import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@playwright/test';
import { conversationNamed } from '../support/extension-calls';
import { linkDemoWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';
import { pngBytes } from '../support/images';

/** A small PNG-looking payload: the bytes must arrive in Slack exactly as served. */
const IMAGE = pngBytes(70_000);

function menuClick(worker: Worker, info: Record<string, unknown>, tab: { url: string; title: string }) {
  return worker.evaluate(
    ([info, tab]) =>
      (
        globalThis as unknown as { courierE2E: { menuClick(i: unknown, t: unknown): Promise<void> } }
      ).courierE2E.menuClick(info, tab),
    [info, tab] as const,
  );
}

test('right-click handlers send the page, a link, a selection and an image to a recent target', async ({
  context,
  emulator,
  openPage,
  serviceWorker,
}) => {
  const site = createServer((request, response) => {
    if (request.url === '/cat.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': IMAGE.length });
      response.end(IMAGE);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  try {
    const { page } = await openPage('options.html');
    const account = await linkDemoWorkspace(context, page, emulator.url);
    const general = conversationNamed(emulator, 'general');
    const key = `${account.id}:${general.id}`;
    await page.evaluate(
      (recents) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
        ).chrome.storage.local.set({ 'recent-targets': recents }),
      [{ key, label: '#general · Acme Corp' }],
    );
    const tab = { url: 'https://example.com/article', title: 'An article & more' };
    const posted = () => emulator.state.listMessages({ team: 'T0ACME001', channel: general.id });

    await menuClick(serviceWorker, { menuItemId: `courier:page:recent:${key}`, pageUrl: tab.url }, tab);
    expect(posted().at(-1)?.text).toContain('<https://example.com/article|An article &amp; more>');

    await menuClick(
      serviceWorker,
      { menuItemId: `courier:link:recent:${key}`, pageUrl: tab.url, linkUrl: 'https://example.org/paper' },
      tab,
    );
    expect(posted().at(-1)?.text).toContain('https://example.org/paper');

    await menuClick(
      serviceWorker,
      { menuItemId: `courier:selection:recent:${key}`, pageUrl: tab.url, selectionText: 'Quote me on this' },
      tab,
    );
    const quote = posted().at(-1)?.text ?? '';
    expect(quote).toContain('> Quote me on this');
    expect(quote).toContain('<https://example.com/article#:~:text=Quote%20me%20on%20this|');

    await menuClick(
      serviceWorker,
      { menuItemId: `courier:image:recent:${key}`, pageUrl: tab.url, srcUrl: `${siteUrl}/cat.png`, mediaType: 'image' },
      tab,
    );
    const files = emulator.state.workspaces.get('T0ACME001')!.files;
    const uploaded = files.find((file) => file.name === 'cat.png');
    expect(uploaded, 'the image arrived as a file').toBeDefined();
    expect(Buffer.compare(uploaded!.bytes, IMAGE)).toBe(0);
    expect(posted().some((message) => message.subtype === 'file_share' && message.files?.includes(uploaded!.id))).toBe(
      true,
    );
  } finally {
    site.close();
  }
});

test('the "send page to the last target" shortcut sends, notifies, and the notification opens the message', async ({
  context,
  linked: { page, account },
  emulator,
  serviceWorker,
}) => {
  const general = conversationNamed(emulator, 'general');
  await page.evaluate(
    (recents) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).chrome.storage.local.set({
        'recent-targets': recents,
      }),
    [{ key: `${account.id}:${general.id}`, label: '#general · Acme Corp' }],
  );
  type Hooks = {
    sendPageToLast(tab: unknown): Promise<void>;
    openSentNotification(id: string): Promise<void>;
  };
  await serviceWorker.evaluate(
    (tab) => (globalThis as unknown as { courierE2E: Hooks }).courierE2E.sendPageToLast(tab),
    { url: 'https://example.com/shortcut', title: 'Shortcut page' },
  );
  const message = emulator.state.listMessages({ team: 'T0ACME001', channel: general.id }).at(-1);
  expect(message?.text).toContain('<https://example.com/shortcut|Shortcut page>');

  const ids = await serviceWorker.evaluate(async () =>
    Object.keys(
      await (
        globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }
      ).chrome.notifications.getAll(),
    ),
  );
  const sent = ids.find((id) => id.startsWith('courier-sent:'));
  expect(sent, 'a notification says where it went').toBeDefined();
  const asked: string[] = [];
  context.on('request', (request) => asked.push(request.url()));
  await serviceWorker.evaluate(
    (id) => (globalThis as unknown as { courierE2E: Hooks }).courierE2E.openSentNotification(id),
    sent!,
  );
  // The tab opens on Slack's permalink (it cannot load offline, but it is asked for). Seen as the
  // browser's request: Courier holds no permission for acme.slack.com, so its tabs API hides that
  // tab's address from it, as it should.
  await expect
    .poll(() => asked)
    .toContainEqual(expect.stringContaining(`https://acme.slack.com/archives/${general.id}/`));
});
