// A default channel per site in Firefox (the Chromium check is test/e2e/site-rules.spec.ts): the
// rule made in the popup, preselected there on the site's pages, and used there by the send-to-last
// shortcut and the menu's site item, while another site's page still goes to the last target. The
// pages are on hosts the build holds no permission for (127.0.0.3, 127.0.0.2).
import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { conversationNamed } from '../support/extension-calls';
import { startFileSites, type FileSites } from '../support/file-sites';
import { byLabel, byRole, fill, inBackground, linkDemoWorkspace, texts } from '../support/firefox-page';
import { expect, test } from './fixtures';

type Ext = typeof browser;
const ACME = 'T0ACME001';
const CHOSEN = '[aria-label="Channels and people: chosen"]';

/** Types into the picker until the directory (filled by the background) offers the channel. */
async function pick(popup: Page, name: string) {
  const picker = await byLabel(popup, 'Channels and people');
  await fill(picker, name);
  await byRole(popup, 'option', new RegExp(`^\\W*${name}\\W*$`));
  await picker.press('Enter');
  await expect.poll(() => texts(popup, CHOSEN)).toEqual([expect.stringContaining(name)]);
}

const isChecked = (box: Awaited<ReturnType<typeof byLabel>>) =>
  box.evaluate((element) => (element as HTMLInputElement).checked);

let sites: FileSites;
test.beforeEach(async () => {
  sites = await startFileSites();
});
test.afterEach(() => sites.close());

test('a site rule made in the popup is preselected on the site and used there by the shortcut and the menu; another site gets the last target', async ({
  emulator,
  firefox,
  options,
  openPage,
}) => {
  const account = await linkDemoWorkspace(firefox, options.page, emulator.url);
  const host = new URL(sites.page).host;
  const article = `${new URL(sites.page).origin}/acme/article.html`;
  const other = `${new URL(sites.page).origin}/acme/other.html`;
  const elsewhere = `${sites.files}/blog/post.html`;
  const tab = await firefox.newPage();
  await tab.goto(article);
  expect(await tab.$eval('h1', (heading) => heading.textContent)).toBe('An article');

  const general = conversationNamed(emulator, 'general');
  const engineering = conversationNamed(emulator, 'engineering');
  const posted = (channel: string) => emulator.state.listMessages({ team: ACME, channel });
  // The last target is #engineering: without a rule, the shortcut sends there.
  await options.page.evaluate(
    (recents) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set({ 'recent-targets': recents }),
    [{ key: `${account.id}:${engineering.id}`, label: '#engineering' }],
  );
  const popupOn = (url: string) =>
    openPage(`popup.html?share=${encodeURIComponent(JSON.stringify({ kind: 'page', title: 'An article', url }))}`);

  // The popup on the article: choose #general and tick "Always suggest this channel on <host>".
  const { page: popup, errors } = await popupOn(article);
  await pick(popup, 'general');
  const always = await byLabel(popup, `Always suggest this channel on ${host}`);
  expect(await isChecked(always)).toBe(false);
  await always.click();
  await expect.poll(() => isChecked(always)).toBe(true);
  expect(errors).toEqual([]);
  await popup.close();

  // Another page on the site: the picker starts on #general, the box ticked.
  const { page: again, errors: againErrors } = await popupOn(other);
  await expect.poll(() => texts(again, CHOSEN), { timeout: 20_000 }).toEqual([expect.stringContaining('#general')]);
  expect(await isChecked(await byLabel(again, `Always suggest this channel on ${host}`))).toBe(true);
  expect(againErrors).toEqual([]);
  await again.close();

  // The shortcut: another site's page goes to the last target, the site's pages to #general.
  await inBackground(options.page, 'sendPageToLast', { url: elsewhere, title: 'A post' });
  expect(posted(engineering.id).at(-1)?.text).toContain(`<${elsewhere}|A post>`);
  expect(posted(general.id)).toHaveLength(0);
  await inBackground(options.page, 'sendPageToLast', { url: other, title: 'Another article' });
  expect(posted(general.id).at(-1)?.text).toContain(`<${other}|Another article>`);
  expect(posted(engineering.id)).toHaveLength(1);
  // The menus' first item on such a page is the rule's channel.
  await inBackground(
    options.page,
    'menuClick',
    { menuItemId: `courier:page:site:${account.id}:${general.id}`, pageUrl: article },
    { url: article, title: 'An article' },
  );
  expect(posted(general.id).at(-1)?.text).toContain(`<${article}|An article>`);
  expect(posted(engineering.id)).toHaveLength(1);
  expect(options.errors).toEqual([]);
});
