import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

/** The e2e build: identical to the store build but for loopback Slack base URLs and a pinned id. */
export const E2E_BUILD = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
/**
 * The e2e build plus a host permission for http://127.0.0.2, where tests serve files without CORS:
 * it stands in for a person who allowed that site (a headless browser cannot click the prompt).
 * Same pinned key, so the same extension id and the same stored data in a reused profile.
 */
export const E2E_GRANT_BUILD = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e-grant');

/** What a person installs from the store (`npm run build`): no loopback hosts, key or e2e hooks. */
export const STORE_BUILD = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's unbranded Chromium honours --load-extension; branded Chrome no longer does. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
  if (!found) {
    throw new Error('Chromium was not found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export async function launchWithExtension(options: {
  headless: boolean;
  userDataDir?: string;
  build?: string;
  /** Further switches, e.g. --force-device-scale-factor=2 for a high-DPI screen. */
  args?: string[];
  /** The pages' devicePixelRatio (Playwright emulates 1 unless told). */
  deviceScaleFactor?: number;
}): Promise<LaunchedExtension> {
  const build = options.build ?? E2E_BUILD;
  if (!existsSync(path.join(build, 'manifest.json'))) {
    throw new Error(`No build at ${build}. Run "npm run build:e2e" (or "npm run build" for the store build) first.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: findChromium(),
    headless: options.headless,
    args: [
      // Playwright always passes --disable-extensions; this pair is what loads ours anyway.
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // CDP's Extensions.triggerAction: a click on the toolbar button, which grants activeTab.
      '--enable-unsafe-extension-debugging',
      ...(options.args ?? []),
    ],
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  // The worker is sometimes registered a moment after the context opens.
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId };
}

/**
 * What a click on Courier's toolbar button does to the tab: the browser grants activeTab for it
 * (and opens the popup, which a test cannot reach; it opens popup.html itself). No host permission
 * is involved, so a test that captures or scripts the page afterwards proves activeTab suffices.
 */
export async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser to ask for its targets.');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`No tab shows ${page.url()}.`);
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}
