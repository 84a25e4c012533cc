// A shared selection links to the quote itself (issue 18 item 2): the link in Slack's message
// carries a text fragment, and Chromium, opening it, scrolls to the quoted text. The page is on a
// host the build holds no permission for (127.0.0.3), far longer than the viewport.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readSelection } from '../../components/popup/read-selection';
import { linkToQuote } from '../../lib/share/text-fragment';
import { conversationNamed } from '../support/extension-calls';
import { pickChannel } from '../support/popup-page';
import { AGAIN, LONG_QUOTE, TWICE, startFileSites, type FileSites } from '../support/file-sites';
import type { Emulator } from '../emulator/index';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';

function menuClick(worker: Worker, info: Record<string, unknown>, tab: { url: string; title: string }) {
  return worker.evaluate(
    ([info, tab]) =>
      (
        globalThis as unknown as { courierE2E: { menuClick(i: unknown, t: unknown): Promise<void> } }
      ).courierE2E.menuClick(info, tab),
    [info, tab] as const,
  );
}

/** The address of the source link in the last message in #general (`— <url|title>`). */
function lastLink(emulator: Emulator): string {
  const general = conversationNamed(emulator, 'general');
  const text = emulator.state.listMessages({ team: ACME, channel: general.id }).at(-1)?.text ?? '';
  const link = /— <([^|>]+)\|/.exec(text)?.[1];
  if (!link) throw new Error(`no source link in the message: ${text}`);
  return link;
}

interface Landing {
  scrollY: number;
  hash: string;
  /** Which of the page's paragraphs with an id are in the viewport. */
  inView: string[];
}

function landing(page: Page): Promise<Landing> {
  return page.evaluate(() => ({
    scrollY: window.scrollY,
    hash: location.hash,
    inView: [...document.querySelectorAll('[id]')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      })
      .map((element) => element.id),
  }));
}

/**
 * Opens the link as a person does from Slack: a new tab navigated by the browser (page.goto is a
 * browser-initiated navigation, which Chromium lets activate a text fragment), then waits for the
 * scroll, which Chromium makes after the load, once layout is done.
 */
async function open(context: BrowserContext, link: string): Promise<{ page: Page; landed: Landing }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(link);
  await expect.poll(async () => (await landing(page)).scrollY, { timeout: 10_000 }).toBeGreaterThan(0);
  return { page, landed: await landing(page) };
}

let sites: FileSites;
test.beforeEach(async () => {
  sites = await startFileSites();
});
test.afterEach(() => sites.close());

test('a long selection shared from the menu links to it by its first and last words, and the link scrolls there', async ({
  context,
  emulator,
  linked: { page: options, account },
  serviceWorker,
}) => {
  const general = conversationNamed(emulator, 'general');
  const key = `${account.id}:${general.id}`;
  await options.evaluate(
    (recents) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).chrome.storage.local.set({ 'recent-targets': recents }),
    [{ key, label: '#general · Acme Corp' }],
  );
  // The page's address already has a fragment (#intro, the heading at the top).
  const pageUrl = `${new URL(sites.page).origin}/long.html#intro`;
  const article = await context.newPage();
  await article.goto(pageUrl);
  await expect(article.locator('#quote')).toHaveText(LONG_QUOTE);

  await menuClick(
    serviceWorker,
    { menuItemId: `courier:selection:recent:${key}`, pageUrl, selectionText: LONG_QUOTE },
    { url: pageUrl, title: 'A long article' },
  );
  const link = lastLink(emulator);
  // Start and end phrases of five words each, '-', ',' and '&' percent-encoded; #intro kept in
  // front of the directive, where the page still reads it.
  expect(link).toBe(
    `${new URL(sites.page).origin}/long.html#intro:~:text=` +
      'Well%2Dknown%20results%2C%20checked%20twice%20%26,once%2C%20a%20well%2Dtimed%2C%20hard%2Dwon%20end.',
  );

  const { landed } = await open(context, link);
  // Landed on the quote, far below the fold, not on #intro; the page sees its own fragment only.
  expect(landed.inView).toContain('quote');
  expect(landed.inView).not.toContain('intro');
  expect(landed.scrollY).toBeGreaterThan(1000);
  expect(landed.hash).toBe('#intro');
});

test('a selection whose words the page holds twice, shared from the popup, links to the one chosen by the words before it', async ({
  context,
  emulator,
  linked,
  openPage,
}) => {
  expect(linked.account.id, 'Acme Corp is linked').toBeTruthy();
  const pageUrl = `${new URL(sites.page).origin}/long.html`;
  // The person selects the sentence the second time the page says it; the popup reads the
  // selection and, its start being ambiguous, the words before it, with the function it runs in
  // the tab (the popup opened as a page here has no tab of its own to read, so it gets the share).
  const article = await context.newPage();
  await article.goto(pageUrl);
  await article.evaluate((sentence) => {
    const text = document.querySelector('#second')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, text.nodeValue!.indexOf(sentence));
    range.setEnd(text, text.nodeValue!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, TWICE);
  const read = await article.evaluate(readSelection);
  // Only the words of its own paragraph: "fold. In 2025" would span two blocks, and never match.
  expect(read).toEqual({ text: TWICE, prefix: 'In 2025' });
  const share = { kind: 'selection', text: read.text, pageTitle: 'A long article', pageUrl, prefix: read.prefix };
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(share))}`);
  await pickChannel(popup, 'general');
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByTestId('send-status')).toHaveText('Sent to #general.', { timeout: 20_000 });

  const link = lastLink(emulator);
  expect(link).toBe(`${pageUrl}#:~:text=In%202025-,the%20report%20says%20costs%20went%20up.`);
  const { landed } = await open(context, link);
  // The second time the page says it (far below), not the first (at the top).
  expect(landed.inView).toContain('second');
  expect(landed.inView).not.toContain('first');
});

test('a selection starting its paragraph takes its prefix from the end of the paragraph before, and the link scrolls there', async ({
  context,
}) => {
  const pageUrl = `${new URL(sites.page).origin}/long.html`;
  const article = await context.newPage();
  await article.goto(pageUrl);
  await article.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#late-again')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const read = await article.evaluate(readSelection);
  expect(read).toEqual({ text: AGAIN, prefix: 'below the fold.' });
  const link = linkToQuote(pageUrl, read.text, read.prefix);
  expect(link).toBe(`${pageUrl}#:~:text=below%20the%20fold.-,Costs%20went%20up%20again.`);
  const { landed } = await open(context, link);
  expect(landed.inView).toContain('late-again');
  expect(landed.inView).not.toContain('early-again');
});
