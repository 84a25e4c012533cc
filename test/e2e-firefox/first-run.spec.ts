// The first-run guide in Firefox: credentials into the guide, "Connect workspace" through Firefox's
// identity window, and the test message that follows as a DM, as in the Chromium walk
// (test/e2e/first-run.spec.ts, which also creates the app on the emulator's new-app page).
import { DEMO_APP } from '../emulator/index';
import { findPage } from '../support/firefox';
import { byLabel, byRole, click, fill, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

test('the guide links a workspace and sends the first message in Firefox', async ({ emulator, firefox, options }) => {
  const { page, errors } = options;
  // The guide's section (byRole knows controls, not landmarks).
  const guide = await page.waitForSelector('section#setup[aria-labelledby="setup-title"]');
  if (!guide) throw new Error('no guide');
  await (await guide.waitForSelector('summary'))?.click();
  await fill(await byLabel(guide, 'Slack base URL'), emulator.url);
  const link = await byRole(guide, 'link', 'Create Slack app');
  const href = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href));
  const manifest = JSON.parse(href.searchParams.get('manifest_json') ?? '') as {
    oauth_config: { redirect_urls: string[] };
  };
  const redirect = await page.evaluate(() =>
    (
      globalThis as unknown as { browser: { identity: { getRedirectURL(): string } } }
    ).browser.identity.getRedirectURL(),
  );
  expect(manifest.oauth_config.redirect_urls).toEqual([redirect]);

  await fill(await byLabel(guide, 'Client ID'), DEMO_APP.clientId);
  await fill(await byLabel(guide, 'Client secret'), DEMO_APP.clientSecret);
  const before = await firefox.pages();
  await click(guide, 'button', 'Connect workspace');
  const consent = await findPage(firefox, (url) => url.startsWith(`${emulator.url}/oauth/v2/authorize`), {
    exclude: before,
  });
  await click(consent, 'button', 'Allow');

  await waitForText(page, '#setup', 'Done: Acme Corp is linked.');
  await waitForText(page, '#setup', 'Sent to you in Acme Corp.');
  const tests = emulator.state
    .listMessages({ team: 'T0ACME001' })
    .filter((message) => message.text.includes('Courier is set up'));
  expect(tests).toHaveLength(1);
  expect(tests[0]?.channel).toMatch(/^D/);
  expect(errors).toEqual([]);
});
