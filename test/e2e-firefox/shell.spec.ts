import type { browser } from 'wxt/browser';
import { EXTENSION_ORIGIN } from '../support/firefox';
import { click, texts } from '../support/firefox-page';
import { expect, test } from './fixtures';

type Ext = typeof browser;

test('the extension loads as an MV3 event page with its permissions, and the options page renders', async ({
  options,
}) => {
  const { page, errors } = options;
  const manifest = await page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background).toMatchObject({ type: 'module', scripts: [`${EXTENSION_ORIGIN}/background.js`] });
  expect(manifest.permissions).toEqual(
    expect.arrayContaining(['identity', 'alarms', 'contextMenus', 'storage', 'notifications']),
  );
  expect(manifest.host_permissions).toEqual(expect.arrayContaining(['https://slack.com/*', 'http://127.0.0.1/*']));
  // Firefox grants MV3 host permissions at install (since 127): the emulator is reachable.
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { browser: Ext }).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    ),
  ).toBe(true);

  for (const name of ['Profiles', 'Workspaces', 'Actions', 'Diagnostics'])
    await expect.poll(() => texts(page, 'h2')).toContain(name);
  // Firefox's redirect URL: a hash of the gecko id under extensions.allizom.org, shown to register in Slack.
  await expect
    .poll(() => texts(page, '[data-testid="redirect-url"]'))
    .toEqual([expect.stringMatching(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/)]);
  await expect
    .poll(() => texts(page, '[data-testid="background-status"]'))
    .toEqual([expect.stringContaining('answering')]);
  expect(await page.evaluate(() => location.origin)).toBe(EXTENSION_ORIGIN);
  expect(errors).toEqual([]);
});

test('the popup renders, says no workspace is linked, and opens the options', async ({ openPage, options }) => {
  const { page, errors } = await openPage('popup.html');
  await page.bringToFront();
  await expect.poll(() => texts(page, 'h1')).toEqual(['Courier for Slack']);
  await expect.poll(() => page.evaluate(() => document.body.textContent)).toContain('No Slack workspace is linked yet');
  await click(page, 'button', 'Set up Courier');
  // The popup closes itself; the options tab the build opened at install is brought forward.
  await expect
    .poll(() =>
      options.page.evaluate(async () =>
        (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({ active: true })).map((tab) => tab.url),
      ),
    )
    .toEqual([`${EXTENSION_ORIGIN}/options.html`]);
  expect(errors).toEqual([]);
});
