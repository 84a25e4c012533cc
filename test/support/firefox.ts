import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as ExtensionApi } from 'wxt/browser';

/** The Firefox e2e build: the store build plus loopback Slack base URLs and a tab it opens itself. */
export const FIREFOX_E2E_BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv3-e2e');
export const GECKO_ID = 'courier@courier-for-slack.dev';
/**
 * Pinned through the `extensions.webextensions.uuids` pref, so every run has the same
 * moz-extension:// origin. The redirect URL does not depend on it (it is derived from the gecko id).
 */
export const EXTENSION_UUID = '6f1e5c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
  if (!found) {
    throw new Error('Firefox was not found. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
  }
  return found;
}

/**
 * Firefox's own switch (its extension tests use it) that grants an optional permission request
 * without showing the prompt: the request still needs a real click in a page, as for a person.
 */
export const PROMPTS_GRANTED = { 'extensions.webextOptionalPermissionPrompts': false };

/**
 * Lets WebDriver BiDi evaluate in Firefox's own window (`moz:scope: chrome`), where the test can do
 * what a click on the toolbar button does (clickToolbarButton): BiDi cannot click browser UI.
 */
export const SYSTEM_ACCESS = ['--remote-allow-system-access'];

/**
 * What Firefox does for a click on Courier's toolbar button or one of its menu items: it grants
 * activeTab for the selected tab (ext-browserAction and ext-menus call
 * tabManager.addActiveTabPermission). No host permission is involved. Needs SYSTEM_ACCESS.
 */
export async function clickToolbarButton(firefox: Browser): Promise<void> {
  const connection = (
    firefox as unknown as { connection: { send(method: string, params: unknown): Promise<{ result: unknown }> } }
  ).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No browser window to click in.');
  const answer = await connection.send('script.evaluate', {
    expression: `(() => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.tabManager.addActiveTabPermission(win.gBrowser.selectedTab);
      return true;
    })()`,
    target: { context: window.context },
    awaitPromise: true,
  });
  const result = answer.result as { type: string; exceptionDetails?: { text: string } };
  if (result.type !== 'success') throw new Error(`The click failed: ${result.exceptionDetails?.text ?? 'unknown'}`);
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The options page the e2e build opens when it is installed. */
  firstPage: Page;
}

export async function launchFirefoxWithExtension(options: {
  /** Firefox's idle timeout for the event page; its default is 30 s. */
  idleTimeoutMs?: number;
  /** Further preferences, such as answering permission prompts (see PROMPTS_GRANTED). */
  prefs?: Record<string, unknown>;
  /** Further switches, such as SYSTEM_ACCESS. */
  args?: string[];
}): Promise<LaunchedFirefox> {
  if (!existsSync(path.join(FIREFOX_E2E_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox e2e build at ${FIREFOX_E2E_BUILD}. Run "npm run build:e2e:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    ...(options.args?.length ? { args: options.args } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      ...(options.idleTimeoutMs ? { 'extensions.background.idle.timeout': options.idleTimeoutMs } : {}),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(FIREFOX_E2E_BUILD);
    const firstPage = await findPage(browser, (href) => href.startsWith(`${EXTENSION_ORIGIN}/options.html`));
    return { browser, firstPage };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Finds the open page whose address matches. Tabs opened by the extension report about:blank as
 * their url() over WebDriver BiDi, so each page is asked for its location itself.
 */
export async function findPage(
  firefox: Browser,
  matches: (href: string) => boolean,
  options: { exclude?: Page[]; timeoutMs?: number } = {},
): Promise<Page> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    for (const page of await firefox.pages()) {
      if (options.exclude?.includes(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (matches(href)) return page;
    }
    if (Date.now() > deadline) throw new Error('No page matched in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens an extension page in a new tab, from an extension page (the only place Firefox lets a
 * moz-extension:// tab be opened from), and attaches to it by its tab id.
 */
export async function openExtensionPage(firefox: Browser, from: Page, pathAndQuery: string): Promise<Page> {
  const tabId = await from.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof ExtensionApi }).browser;
    return (await api.tabs.create({ url: api.runtime.getURL(url as '/options.html') })).id;
  }, `/${pathAndQuery}`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const page of await firefox.pages()) {
      const id = await page
        .evaluate(async () =>
          location.protocol === 'moz-extension:' && document.readyState === 'complete'
            ? (await (globalThis as unknown as { browser: typeof ExtensionApi }).browser.tabs.getCurrent())?.id
            : undefined,
        )
        .catch(() => undefined);
      if (id === tabId) return page;
    }
    if (Date.now() > deadline) throw new Error(`The tab for ${pathAndQuery} did not open.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return errors;
}
