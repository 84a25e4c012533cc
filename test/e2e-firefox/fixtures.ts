import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { startEmulator, type Emulator } from '../emulator/index';
import { collectErrors, launchFirefoxWithExtension, openExtensionPage, type LaunchedFirefox } from '../support/firefox';

export interface ExtensionPage {
  page: Page;
  errors: string[];
}

interface Fixtures {
  emulator: Emulator;
  /** Firefox's idle timeout for the event page in ms; 0 keeps Firefox's default (30 s). */
  idleTimeoutMs: number;
  /** Preferences for this test's Firefox (see PROMPTS_GRANTED). */
  firefoxPrefs: Record<string, unknown>;
  /** Switches for this test's Firefox (see SYSTEM_ACCESS). */
  firefoxArgs: string[];
  launched: LaunchedFirefox;
  firefox: Browser;
  /** The options page the e2e build opened when it was installed, with its console errors. */
  options: ExtensionPage;
  /** Opens another extension page in a tab and records its console errors and uncaught exceptions. */
  openPage: (pathAndQuery: string) => Promise<ExtensionPage>;
}

export const test = base.extend<Fixtures>({
  idleTimeoutMs: [0, { option: true }],
  firefoxPrefs: [{}, { option: true }],
  firefoxArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator();
    await use(emulator);
    await emulator.close();
  },
  // A fresh profile per test, so no test sees another's IndexedDB or storage.
  launched: async ({ idleTimeoutMs, firefoxPrefs, firefoxArgs }, use) => {
    const launched = await launchFirefoxWithExtension({ idleTimeoutMs, prefs: firefoxPrefs, args: firefoxArgs });
    await use(launched);
    await launched.browser.close();
  },
  firefox: async ({ launched }, use) => {
    await use(launched.browser);
  },
  options: async ({ launched }, use) => {
    await use({ page: launched.firstPage, errors: collectErrors(launched.firstPage) });
  },
  openPage: async ({ firefox, options }, use) => {
    await use(async (pathAndQuery) => {
      const page = await openExtensionPage(firefox, options.page, pathAndQuery);
      return { page, errors: collectErrors(page) };
    });
  },
});

export { expect };
