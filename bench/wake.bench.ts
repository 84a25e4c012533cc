import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { E2E_BUILD, findChromium } from '../test/support/chromium';
import { stopServiceWorkers } from '../test/support/extension-calls';
import { median } from './stats';
import type { Benchmark } from './types';

/** The baseline extension (bench/fixtures/minimal): same WXT, Vite and Preact, a worker that only answers. */
export const MINIMAL_BUILD = path.resolve(import.meta.dirname, '../.output/bench-minimal/chrome-mv3');
const ROUNDS = 9;
/** Lets a stopped worker finish going away before the next message has to wake it. */
const SETTLE_MS = 150;

/** Milliseconds from the page's sendMessage to its answer; throws unless the answer is ok. */
function timeMessage(page: Page, message: unknown): Promise<number> {
  return page.evaluate(async (message) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime;
    const start = performance.now();
    const answer = (await runtime.sendMessage(message)) as { ok?: boolean } | undefined;
    const ms = performance.now() - start;
    if (answer?.ok !== true) throw new Error(`The worker answered ${JSON.stringify(answer)}`);
    return ms;
  }, message);
}

/**
 * Service worker wake: both extensions in one Chromium; all workers stopped through DevTools (as
 * the browser stops idle ones), then a page of each extension sends one message and times the
 * answer. Courier's ping answers from the router alone; accounts.list also opens the store. The
 * two extensions take turns going first.
 */
const benchmark: Benchmark = async () => {
  for (const build of [E2E_BUILD, MINIMAL_BUILD]) {
    if (!existsSync(path.join(build, 'manifest.json'))) {
      throw new Error(
        `No build at ${build}. "npm run bench" builds it; or run "npm run build:e2e" and "npx wxt build bench/fixtures/minimal".`,
      );
    }
  }
  const both = `${E2E_BUILD},${MINIMAL_BUILD}`;
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: [`--disable-extensions-except=${both}`, `--load-extension=${both}`, '--disable-gpu', '--no-first-run'],
  });
  try {
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker');
    let courierHost = '';
    let minimalHost = '';
    for (const worker of context.serviceWorkers()) {
      const name = await worker.evaluate(
        () =>
          (
            globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
          ).chrome.runtime.getManifest().name,
      );
      if (name === 'Courier bench baseline') minimalHost = new URL(worker.url()).host;
      else courierHost = new URL(worker.url()).host;
    }
    const courierPage = await context.newPage();
    await courierPage.goto(`chrome-extension://${courierHost}/options.html`);
    const minimalPage = await context.newPage();
    await minimalPage.goto(`chrome-extension://${minimalHost}/blank.html`);

    const contenders = {
      ping: () => timeMessage(courierPage, { courier: 1, type: 'ping', payload: {} }),
      accounts: () => timeMessage(courierPage, { courier: 1, type: 'accounts.list', payload: {} }),
      minimal: () => timeMessage(minimalPage, { type: 'ping' }),
    };
    const samples: Record<keyof typeof contenders, number[]> = { ping: [], accounts: [], minimal: [] };
    const warm: Record<keyof typeof contenders, number[]> = { ping: [], accounts: [], minimal: [] };
    const names = Object.keys(contenders) as (keyof typeof contenders)[];
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length]!;
        await stopServiceWorkers(courierPage);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        samples[name].push(await contenders[name]());
        // The same message again, the worker now running: the wake figure must be well above it.
        warm[name].push(await contenders[name]());
      }
    }
    const minimal = median(samples.minimal);
    const row = (label: string, figure: number) => ({
      name: `service worker wake → ${label}`,
      unit: 'ms' as const,
      courier: figure,
      baseline: minimal,
      baselineName: 'minimal worker (same build)',
      goal: 'report the ratio',
    });
    return [
      {
        ...row('first answer (ping)', median(samples.ping)),
        note: `medians of ${ROUNDS} wakes each, interleaved; once awake: ping ${median(warm.ping).toFixed(1)} ms, accounts.list ${median(warm.accounts).toFixed(1)} ms, minimal ${median(warm.minimal).toFixed(1)} ms`,
      },
      row('accounts.list (opens the store)', median(samples.accounts)),
    ];
  } finally {
    await context.close();
  }
};

export default benchmark;
