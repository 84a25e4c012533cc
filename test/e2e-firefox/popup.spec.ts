import type { Page } from 'puppeteer-core';
import { conversationNamed } from '../support/extension-calls';
import { byLabel, byRole, click, fill, linkDemoWorkspace, texts, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const SHARED = { kind: 'page', title: 'Courier e2e: a page worth reading', url: 'https://example.com/articles/42' };

/** Types into the picker until the directory (filled by the background) offers the channel. */
async function pick(popup: Page, name: string) {
  const picker = await byLabel(popup, 'Channels and people');
  await fill(picker, name);
  await byRole(popup, 'option', new RegExp(`^\\W*${name}\\W*$`));
  await picker.press('Enter');
  await expect
    .poll(() => texts(popup, '[aria-label="Channels and people: chosen"]'))
    .toEqual([expect.stringContaining(name)]);
}

test('connect through the consent page with the allizom.org redirect URL, then send, delete and set presence from the popup', async ({
  emulator,
  firefox,
  options,
  openPage,
}) => {
  // The Slack app accepts only the redirect URL the Profiles section shows (as Slack does once registered).
  const [redirectUrl] = await texts(options.page, '[data-testid="redirect-url"]');
  expect(redirectUrl).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  emulator.state.appById('A0COURIER1')!.redirectUris = [redirectUrl!];
  await linkDemoWorkspace(firefox, options.page, emulator.url);
  expect(emulator.state.stats().calls['oauth.v2.access']).toBe(1);

  const { page: popup, errors } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  await expect.poll(() => texts(popup, 'h1')).toEqual(['Courier for Slack']);
  await pick(popup, 'general');
  await fill(await byLabel(popup, 'Message'), 'Worth a read before Friday');
  await click(popup, 'button', 'Send');
  await waitForText(popup, '[data-testid="send-status"]', 'Sent to #general.');
  const general = conversationNamed(emulator, 'general');
  const posted = () => emulator.state.listMessages({ team: ACME, channel: general.id });
  expect(posted()).toHaveLength(1);
  expect(posted()[0]!.text).toContain('Worth a read before Friday');
  expect(posted()[0]!.text).toContain(`<${SHARED.url}|${SHARED.title}>`);

  const results = await byRole(popup, 'list', 'Send results');
  await click(results, 'button', 'Delete');
  await waitForText(popup, '[data-testid="send-status"]', 'Removed the message from #general.');
  expect(posted()).toEqual([]);

  // Presence: Away, then Active again.
  const maya = () => emulator.state.workspaces.get(ACME)!.users.find((u) => u.name === 'maya.chen')!;
  const presence = await byRole(popup, 'switch', 'Presence');
  const checked = () => presence.evaluate((element) => element.getAttribute('aria-checked'));
  await expect.poll(checked).toBe('true');
  await presence.click();
  await expect.poll(checked).toBe('false');
  expect(await presence.evaluate((element) => element.textContent)).toContain('Away');
  expect(maya().manualAway).toBe(true);
  await presence.click();
  await expect.poll(checked).toBe('true');
  expect(maya().manualAway).toBe(false);
  expect(errors).toEqual([]);
  expect(options.errors).toEqual([]);
});
