import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { DEMO_APP, startEmulator, type Emulator } from '../../test/emulator/index';
import { E2E_BUILD, findChromium } from '../../test/support/chromium';
import { linkedAccounts } from '../../test/support/extension-calls';
import { addProfile, connectWorkspace } from '../../test/support/options-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The baseline: a blank Preact page built by the same WXT (bench/fixtures/minimal). */
export const MINIMAL_BUILD = path.join(ROOT, '.output/bench-minimal/chrome-mv3');
const COURIER_ID = 'hemhfgbpiiiaiahpipadgoafajeifogj';

export interface PopupSession {
  emulator: Emulator;
  context: BrowserContext;
  courier: Worker;
  /** The linked workspace's account id in Courier. */
  accountId: string;
  teamId: string;
  teamName: string;
  courierUrl: (page: string) => string;
  blankUrl: string;
  close(): Promise<void>;
}

/** Builds what is missing: the bench must run from a fresh clone. */
function ensureBuilds(): void {
  if (!existsSync(path.join(E2E_BUILD, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(path.join(MINIMAL_BUILD, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', 'bench/fixtures/minimal'], { cwd: ROOT, stdio: 'inherit' });
  }
}

async function workerOf(context: BrowserContext, wanted: (url: string) => boolean): Promise<Worker> {
  for (;;) {
    const found = context.serviceWorkers().find((worker) => wanted(worker.url()));
    if (found) return found;
    await context.waitForEvent('serviceworker', { timeout: 20_000 });
  }
}

/**
 * One Chromium with Courier's e2e build and the blank baseline side by side, and the emulator with
 * one workspace linked through the consent page as a person links it.
 */
export async function openSession(teamId: string, teamName: string): Promise<PopupSession> {
  ensureBuilds();
  const emulator = await startEmulator();
  emulator.state.seed({ workspaces: [{ teamId, name: teamName, users: 5, channels: 5, content: false }] });
  const profileDir = mkdtempSync(path.join(tmpdir(), 'courier-bench-popup-'));
  const extensions = `${E2E_BUILD},${MINIMAL_BUILD}`;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const courier = await workerOf(context, (url) => url.includes(COURIER_ID));
  const blank = await workerOf(context, (url) => url.startsWith('chrome-extension://') && !url.includes(COURIER_ID));
  const courierUrl = (page: string) => `chrome-extension://${COURIER_ID}/${page}`;

  const options = await context.newPage();
  await options.goto(courierUrl('options.html'));
  await addProfile(options, { name: 'Emulator', ...DEMO_APP, baseUrl: emulator.url });
  await connectWorkspace(context, options, { profile: 'Emulator', answer: 'Allow' });
  await options
    .getByTestId('connect-status')
    .filter({ hasText: `Linked ${teamName}.` })
    .waitFor({ timeout: 30_000 });
  const [account] = await linkedAccounts(options);
  if (!account) throw new Error(`${teamName} was not linked`);
  await options.close();

  return {
    emulator,
    context,
    courier,
    accountId: account.id,
    teamId,
    teamName,
    courierUrl,
    blankUrl: `chrome-extension://${new URL(blank.url()).host}/blank.html`,
    async close() {
      await context.close();
      await emulator.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
