// A shared selection links to the quote itself in Firefox too (the Chromium check, with the
// scroll, is test/e2e/text-fragment.spec.ts): the link in the message Slack stores carries the
// text fragment. The page is on a host the build holds no permission for (127.0.0.3).
import type { browser } from 'wxt/browser';
import { conversationNamed } from '../support/extension-calls';
import { LONG_QUOTE, startFileSites } from '../support/file-sites';
import { inBackground, linkDemoWorkspace } from '../support/firefox-page';
import { expect, test } from './fixtures';

type Ext = typeof browser;
const ACME = 'T0ACME001';

test('a long selection shared from the menu links to it by its first and last words', async ({
  emulator,
  firefox,
  options,
}) => {
  const sites = await startFileSites();
  try {
    const account = await linkDemoWorkspace(firefox, options.page, emulator.url);
    const general = conversationNamed(emulator, 'general');
    const key = `${account.id}:${general.id}`;
    await options.page.evaluate(
      (key) =>
        (globalThis as unknown as { browser: Ext }).browser.storage.local.set({
          'recent-targets': [{ key, label: '#general · Acme Corp' }],
        }),
      key,
    );
    // The page's address already has a fragment (#intro, the heading at the top).
    const origin = new URL(sites.page).origin;
    const pageUrl = `${origin}/long.html#intro`;
    const article = await firefox.newPage();
    await article.goto(pageUrl);
    expect(await article.$eval('#quote', (quote) => quote.textContent)).toBe(LONG_QUOTE);

    await inBackground(
      options.page,
      'menuClick',
      { menuItemId: `courier:selection:recent:${key}`, pageUrl, selectionText: LONG_QUOTE },
      { url: pageUrl, title: 'A long article' },
    );
    const text = emulator.state.listMessages({ team: ACME, channel: general.id }).at(-1)?.text ?? '';
    expect(text).toContain('a well-timed, hard-won end.');
    // Start and end phrases of five words each, '-', ',' and '&' percent-encoded; #intro kept in
    // front of the directive, where the page still reads it.
    expect(/— <([^|>]+)\|/.exec(text)?.[1]).toBe(
      `${origin}/long.html#intro:~:text=` +
        'Well%2Dknown%20results%2C%20checked%20twice%20%26,once%2C%20a%20well%2Dtimed%2C%20hard%2Dwon%20end.',
    );
    expect(options.errors).toEqual([]);
  } finally {
    sites.close();
  }
});
