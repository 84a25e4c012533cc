import type { browser } from 'wxt/browser';
import { expect, test } from './fixtures';

/** The id pinned by the development key in wxt.config.ts. */
const PINNED_ID = 'hemhfgbpiiiaiahpipadgoafajeifogj';

test('the extension loads with its pinned id and its service worker answers', async ({
  serviceWorker,
  extensionId,
}) => {
  expect(extensionId).toBe(PINNED_ID);
  expect(serviceWorker.url()).toBe(`chrome-extension://${PINNED_ID}/background.js`);
  const manifest = await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.getManifest(),
  );
  expect(manifest.permissions).toEqual(
    expect.arrayContaining(['identity', 'alarms', 'contextMenus', 'storage', 'notifications']),
  );
  expect(manifest.host_permissions).toEqual(expect.arrayContaining(['https://slack.com/*', 'http://127.0.0.1/*']));
});

test('the popup renders, says no workspace is linked, and opens the options', async ({ context, openPage }) => {
  const { page, errors } = await openPage('popup.html');
  await expect(page.getByRole('heading', { name: 'Courier for Slack' })).toBeVisible();
  await expect(page.getByText('No Slack workspace is linked yet')).toBeVisible();
  const optionsOpened = context.waitForEvent('page', (opened) => opened.url().includes('/options.html'));
  await page.getByRole('button', { name: 'Set up Courier' }).click();
  const options = await optionsOpened;
  await expect(options.getByRole('heading', { name: 'Set up Courier', level: 2 })).toBeVisible();
  await expect(options.getByRole('link', { name: 'Create Slack app' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the options page renders its four sections and diagnostics from the background', async ({
  openPage,
  extensionId,
}) => {
  const { page, errors } = await openPage('options.html');
  for (const name of ['Profiles', 'Workspaces', 'Actions', 'Diagnostics']) {
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByTestId('redirect-url')).toHaveText(`https://${extensionId}.chromiumapp.org/`);
  await expect(page.getByTestId('background-status')).toContainText('answering');
  await expect(page.getByText('No workspace is linked yet')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a web page cannot talk to the background', async ({ context, emulator, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${emulator.url}/_control/stats`);
  const outcome = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (!runtime || typeof runtime.sendMessage !== 'function') return 'no messaging API';
    try {
      await (runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>)(id, {
        courier: 1,
        type: 'accounts.list',
        payload: {},
      });
      return 'answered';
    } catch {
      return 'refused';
    }
  }, extensionId);
  expect(outcome).not.toBe('answered');
});
