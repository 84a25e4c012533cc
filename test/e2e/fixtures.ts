import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startEmulator, type Emulator } from '../emulator/index';
import { launchWithExtension } from '../support/chromium';
import { linkDemoWorkspace } from '../support/options-page';

interface Fixtures {
  emulator: Emulator;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens an extension page in a tab and records its console errors and uncaught exceptions. */
  openPage: (pathAndQuery: string) => Promise<ExtensionPage>;
  /** The options page, with the emulator's demo workspace linked through its consent page. */
  linked: { page: Page; account: Awaited<ReturnType<typeof linkDemoWorkspace>> };
}

export interface ExtensionPage {
  page: Page;
  errors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator();
    await use(emulator);
    await emulator.close();
  },
  // A fresh profile per test, so no test sees another's IndexedDB or storage.
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchWithExtension({ headless: true });
    await use(launched.context);
    await launched.context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPage: async ({ context, extensionId }, use) => {
    await use(async (pathAndQuery) => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return { page, errors };
    });
  },
  linked: async ({ context, emulator, openPage }, use) => {
    const { page } = await openPage('options.html');
    await use({ page, account: await linkDemoWorkspace(context, page, emulator.url) });
  },
});

export { expect };
