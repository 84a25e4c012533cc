// Right-click sharing in Firefox as a store build's user has it: the page and its files on hosts the
// build holds no permission for, and Firefox's own permission request from a button, answered by
// Firefox's test switch for prompts (the click is real; only the prompt's "Allow" is not shown).
import type { browser } from 'wxt/browser';
import type { OutboxView } from '../../lib/protocol';
import { conversationNamed } from '../support/extension-calls';
import { CORS_IMAGE, FILE_HOST, PLAIN_IMAGE, REPORT, startFileSites } from '../support/file-sites';
import { askFrom, click, inBackground, linkDemoWorkspace, waitForText } from '../support/firefox-page';
import { PROMPTS_GRANTED } from '../support/firefox';
import type { Emulator } from '../emulator/index';
import { expect, test } from './fixtures';

type Ext = typeof browser;
const SITE = `http://${FILE_HOST}/*`;

test.use({ firefoxPrefs: PROMPTS_GRANTED });

const uploaded = (emulator: Emulator, name: string) =>
  emulator.state.workspaces.get('T0ACME001')!.files.filter((file) => file.name === name && !file.deleted);

test('a CORS image uploads with no grant; what needs access waits, then goes out once after "Allow access"', async ({
  emulator,
  firefox,
  options,
  openPage,
}) => {
  const sites = await startFileSites();
  try {
    const { page } = options;
    const account = await linkDemoWorkspace(firefox, page, emulator.url);
    const key = `${account.id}:${conversationNamed(emulator, 'general').id}`;
    await page.evaluate(
      (key) =>
        (globalThis as unknown as { browser: Ext }).browser.storage.local.set({
          'recent-targets': [{ key, label: '#general · Acme Corp' }],
        }),
      key,
    );
    const holds = () =>
      page.evaluate(
        (site) => (globalThis as unknown as { browser: Ext }).browser.permissions.contains({ origins: [site] }),
        SITE,
      );
    expect(await holds()).toBe(false);
    // Signed in at the file host, reading an article on another host.
    const login = await firefox.newPage();
    await login.goto(`${sites.files}/login`);
    await login.goto(sites.page);
    const tab = { url: sites.page, title: 'An article' };
    const menuClick = (info: Record<string, string>) =>
      inBackground(page, 'menuClick', { ...info, pageUrl: sites.page }, tab);

    await menuClick({
      menuItemId: `courier:image:recent:${key}`,
      srcUrl: `${sites.files}/cors.png`,
      mediaType: 'image',
    });
    expect(uploaded(emulator, 'cors.png')).toHaveLength(1);
    expect(Buffer.compare(uploaded(emulator, 'cors.png')[0]!.bytes, CORS_IMAGE)).toBe(0);

    await menuClick({
      menuItemId: `courier:image:recent:${key}`,
      srcUrl: `${sites.files}/plain.png`,
      mediaType: 'image',
    });
    await menuClick({ menuItemId: `courier:file:recent:${key}`, linkUrl: `${sites.files}/members/report.pdf` });
    const listed = await askFrom(page, 'outbox.list', {});
    const items = listed.ok ? listed.value : ([] as OutboxView[]);
    expect(items.map((item) => [item.file?.name, item.needsAccess, item.attempts])).toEqual([
      ['plain.png', SITE, 1],
      ['report.pdf', SITE, 1],
    ]);
    expect(items[0]?.reason).toContain(`Courier needs your permission to download from ${FILE_HOST}`);
    const downloads = sites.requests.filter((request) => /\.(png|pdf)$/.test(request.path));
    expect(
      downloads.some((request) => request.signedIn),
      'no cookie went with a download',
    ).toBe(false);

    // The window a notification opens: one real click on its button, Firefox's own request.
    const { page: access } = await openPage(`popup.html?access=${encodeURIComponent(SITE)}`);
    await click(access, 'button', `Allow access to ${FILE_HOST}`);
    await waitForText(access, '[role="status"]', `Courier may now download from ${FILE_HOST}`);
    expect(await holds()).toBe(true);
    await expect.poll(() => uploaded(emulator, 'report.pdf').length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => uploaded(emulator, 'plain.png').length, { timeout: 20_000 }).toBe(1);
    expect(Buffer.compare(uploaded(emulator, 'plain.png')[0]!.bytes, PLAIN_IMAGE)).toBe(0);
    expect(Buffer.compare(uploaded(emulator, 'report.pdf')[0]!.bytes, REPORT)).toBe(0);
    // Before the grant: the request and the opaque probe, never a cookie; after: without, then with it.
    expect(sites.requests.filter((r) => r.path === '/members/report.pdf').map((r) => r.signedIn)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    await inBackground(page, 'drainOutbox');
    expect(uploaded(emulator, 'plain.png'), 'nothing is shared twice').toHaveLength(1);

    // Options lists the site, removable.
    const { page: settings } = await openPage('options.html#site-access');
    await click(settings, 'button', `Remove access to ${FILE_HOST}`);
    await waitForText(settings, '#site-access [role="status"]', `Removed access to ${FILE_HOST}`);
    expect(await holds()).toBe(false);
  } finally {
    sites.close();
  }
});
