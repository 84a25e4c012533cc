// Right-click sharing as a store build's user has it: the page and its files on hosts the build
// holds no permission for (127.0.0.2 and 127.0.0.3; the e2e build lists only 127.0.0.1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import type { OutboxView } from '../../lib/protocol';
import { E2E_GRANT_BUILD, launchWithExtension } from '../support/chromium';
import { askFrom, conversationNamed } from '../support/extension-calls';
import { CORS_IMAGE, FILE_HOST, PLAIN_IMAGE, REPORT, startFileSites, type FileSites } from '../support/file-sites';
import { linkDemoWorkspace } from '../support/options-page';
import type { Emulator } from '../emulator/index';
import { expect, test } from './fixtures';

const SITE = `http://${FILE_HOST}/*`;
type Hooks = {
  menuClick(info: unknown, tab: unknown): Promise<void>;
  drainOutbox(): Promise<number>;
  setDownloadLimits(limits: { stallMs?: number }): Promise<void>;
};
/** One of the e2e build's background hooks, run in the worker. */
function hook<K extends keyof Hooks>(worker: Worker, name: K, ...args: Parameters<Hooks[K]>) {
  return worker.evaluate(
    ([name, args]) =>
      (globalThis as unknown as { courierE2E: Record<string, (...a: unknown[]) => Promise<unknown>> }).courierE2E[
        name
      ]!(...args),
    [name, args] as const,
  );
}

async function useRecentTarget(page: Page, emulator: Emulator, accountId: string): Promise<string> {
  const general = conversationNamed(emulator, 'general');
  const key = `${accountId}:${general.id}`;
  await page.evaluate(
    (recents) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).chrome.storage.local.set({ 'recent-targets': recents }),
    [{ key, label: '#general · Acme Corp' }],
  );
  return key;
}

/** Right-click → "Share image/file to Slack" → the recent target, on the article page. */
function share(worker: Worker, sites: FileSites, key: string, kind: 'image' | 'file', file: string) {
  const info =
    kind === 'image'
      ? { menuItemId: `courier:image:recent:${key}`, srcUrl: `${sites.files}${file}`, mediaType: 'image' }
      : { menuItemId: `courier:file:recent:${key}`, linkUrl: `${sites.files}${file}` };
  return hook(worker, 'menuClick', { ...info, pageUrl: sites.page }, { url: sites.page, title: 'An article' });
}

async function outbox(page: Page): Promise<OutboxView[]> {
  const reply = await askFrom(page, 'outbox.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

const uploaded = (emulator: Emulator, name: string) =>
  emulator.state.workspaces.get('T0ACME001')!.files.filter((file) => file.name === name && !file.deleted);

const holdsSite = (page: Page) =>
  page.evaluate(
    (site) =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: unknown): Promise<boolean> } } }
      ).chrome.permissions.contains({ origins: [site] }),
    SITE,
  );

test('as a store build has it: a CORS image uploads with no grant, the rest waits for access or is refused, nothing spins', async ({
  context,
  emulator,
  linked: { page, account },
  serviceWorker,
}) => {
  const sites = await startFileSites();
  try {
    // The person is signed in at the file host and reads an article on another host.
    const login = await context.newPage();
    await login.goto(`${sites.files}/login`);
    const article = await context.newPage();
    await article.goto(sites.page);
    const key = await useRecentTarget(page, emulator, account.id);
    expect(await holdsSite(page), 'the build holds no permission for the file host').toBe(false);

    await share(serviceWorker, sites, key, 'image', '/cors.png');
    const open = uploaded(emulator, 'cors.png');
    expect(open, 'the image the web serves to anyone is uploaded').toHaveLength(1);
    expect(Buffer.compare(open[0]!.bytes, CORS_IMAGE)).toBe(0);
    expect(sites.requests.find((r) => r.path === '/cors.png')?.signedIn, 'and without cookies').toBe(false);

    await share(serviceWorker, sites, key, 'image', '/plain.png');
    await share(serviceWorker, sites, key, 'file', '/members/report.pdf');
    expect(uploaded(emulator, 'plain.png')).toHaveLength(0);
    let items = await outbox(page);
    for (const name of ['plain.png', 'report.pdf']) {
      const item = items.find((entry) => entry.file?.name === name);
      expect(item, `${name} waits in the outbox`).toMatchObject({ state: 'failed', needsAccess: SITE, attempts: 1 });
      expect(item?.reason).toContain(`Courier needs your permission to download from ${FILE_HOST}`);
      expect(item?.reason).not.toMatch(/connection/i);
    }
    expect(
      sites.requests.filter((r) => r.path === '/members/report.pdf').every((r) => !r.signedIn),
      'no cookie goes to a site Courier holds no access to',
    ).toBe(true);
    const notifications = await serviceWorker.evaluate(async () =>
      Object.keys(
        await (
          globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }
        ).chrome.notifications.getAll(),
      ),
    );
    expect(notifications).toContain(`courier-access:${SITE}`);

    // A sign-in page where an image was asked for, a wrong content type, a huge file and a stalled body.
    await share(serviceWorker, sites, key, 'image', '/sign-in.png');
    await share(serviceWorker, sites, key, 'image', '/data.png');
    await share(serviceWorker, sites, key, 'image', '/huge.png');
    await hook(serviceWorker, 'setDownloadLimits', { stallMs: 1500 });
    await share(serviceWorker, sites, key, 'image', '/stalled.png');
    items = await outbox(page);
    const byName = (name: string) => items.find((entry) => entry.file?.name.startsWith(name.split('.')[0]!));
    // Without access, a sign-in page may be what the cookies Courier may not send would change.
    expect(byName('sign-in.png')).toMatchObject({ state: 'failed', needsAccess: SITE });
    expect(byName('sign-in.png')?.reason).toContain('shows this file only to signed-in visitors');
    expect(byName('data.png')).toMatchObject({ state: 'failed' });
    expect(byName('data.png')?.reason).toContain('not an image (application/json)');
    expect(byName('huge.png')?.reason).toBe(
      'The file is 1.9 GB, and Slack takes files up to 1 GB, so nothing was uploaded.',
    );
    expect(byName('stalled.png')).toMatchObject({ state: 'pending' });
    expect(byName('stalled.png')?.reason).toContain('stopped sending the file');
    for (const name of ['plain.png', 'report.pdf', 'sign-in.png', 'data.png', 'huge.png', 'stalled.png'])
      expect(uploaded(emulator, name), `${name} is not uploaded`).toHaveLength(0);

    // Nothing spins: drains try nothing that waits for the person, and the stalled one waits its backoff.
    const before = sites.requests.length;
    for (let i = 0; i < 3; i++) await hook(serviceWorker, 'drainOutbox');
    expect(sites.requests.slice(before)).toEqual([]);
    const attempts = (await outbox(page)).map((item) => item.attempts);
    expect(attempts).toHaveLength(6);
    expect(attempts.every((count) => count === 1)).toBe(true);

    // The popup says what waits and offers the browser's own prompt.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.emulateMedia({ colorScheme: process.env.SHOT_DARK ? 'dark' : 'light' });
    await popup.goto(page.url().replace(/options\.html.*$/, 'popup.html'));
    await expect(popup.getByRole('button', { name: `Allow access to ${FILE_HOST}` }).first()).toBeVisible();
    await expect(popup.getByText('Needs access').first()).toBeVisible();
    if (process.env.SHOT_DIR) await popup.screenshot({ path: `${process.env.SHOT_DIR}/outbox.png`, fullPage: true });
    await popup.goto(page.url().replace(/options\.html.*$/, `popup.html?access=${encodeURIComponent(SITE)}`));
    await expect(popup.getByRole('heading', { name: `Allow Courier to download from ${FILE_HOST}` })).toBeVisible();
    if (process.env.SHOT_DIR) await popup.screenshot({ path: `${process.env.SHOT_DIR}/access.png` });
  } finally {
    sites.close();
  }
});

test('once the person allows the site, what waited goes out by itself, exactly once, with the right bytes', async ({
  emulator,
}) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'courier-grant-'));
  let sites = await startFileSites();
  try {
    // Before the grant: the e2e build, as a store build's user has it.
    let launched = await launchWithExtension({ headless: true, userDataDir: profile });
    const options = await launched.context.newPage();
    await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
    const account = await linkDemoWorkspace(launched.context, options, emulator.url);
    const key = await useRecentTarget(options, emulator, account.id);
    await (await launched.context.newPage()).goto(`${sites.files}/login`);
    await share(launched.serviceWorker, sites, key, 'image', '/plain.png');
    await share(launched.serviceWorker, sites, key, 'file', '/members/report.pdf');
    await share(launched.serviceWorker, sites, key, 'image', '/sign-in.png');
    expect((await outbox(options)).map((item) => item.needsAccess)).toEqual([SITE, SITE, SITE]);
    await launched.context.close();

    // The person allowed 127.0.0.2: the grant build stands in for the prompt a headless browser cannot click.
    const port = Number(new URL(sites.files).port);
    sites.close();
    sites = await startFileSites(port);
    launched = await launchWithExtension({ headless: true, userDataDir: profile, build: E2E_GRANT_BUILD });
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
    expect(await holdsSite(page)).toBe(true);
    // What access fixes goes out; the sign-in page that is still a sign-in page with the cookie is refused.
    await expect
      .poll(async () => (await outbox(page)).map((item) => item.file?.name), { timeout: 20_000 })
      .toEqual(['sign-in.png']);
    const [refused] = await outbox(page);
    expect(refused).toMatchObject({ state: 'failed', attempts: 2 });
    expect(refused?.needsAccess).toBeUndefined();
    expect(refused?.reason).toContain(`${FILE_HOST} answered with a web page instead of the image`);
    expect(uploaded(emulator, 'sign-in.png')).toHaveLength(0);

    const image = uploaded(emulator, 'plain.png');
    const report = uploaded(emulator, 'report.pdf');
    expect(image).toHaveLength(1);
    expect(report).toHaveLength(1);
    expect(Buffer.compare(image[0]!.bytes, PLAIN_IMAGE)).toBe(0);
    expect(Buffer.compare(report[0]!.bytes, REPORT)).toBe(0);
    // The file behind the sign-in: asked for without the cookie first, then with it.
    expect(sites.requests.filter((r) => r.path === '/members/report.pdf').map((r) => r.signedIn)).toEqual([
      false,
      true,
    ]);
    // Later drains and starts share nothing twice.
    await hook(launched.serviceWorker, 'drainOutbox');
    expect(uploaded(emulator, 'plain.png')).toHaveLength(1);
    await launched.context.close();
  } finally {
    sites.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
