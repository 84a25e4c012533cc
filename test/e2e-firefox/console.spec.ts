import type { Page } from 'puppeteer-core';
import { conversationNamed } from '../support/extension-calls';
import { byLabel, byRole, click, fill, linkDemoWorkspace, texts, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

async function chooseAction(page: Page, title: string) {
  await fill(await byLabel(page, 'Action'), title);
  await (await byRole(page, 'option', new RegExp(`^${title}`))).click();
  await byRole(page, 'form', title);
}

test('the action console runs Send Message against Slack and names the field a bad input misses', async ({
  emulator,
  firefox,
  options,
}) => {
  const { page, errors } = options;
  await linkDemoWorkspace(firefox, page, emulator.url);
  await page.evaluate(() => (location.hash = '#actions'));
  await expect
    .poll(async () => (await byLabel(page, 'Workspace')).evaluate((e) => (e as HTMLInputElement).value))
    .toBe('Acme Corp');
  const general = conversationNamed(emulator, 'general');

  await chooseAction(page, 'Send Message');
  await fill(await byLabel(page, 'channel'), general.id);
  await fill(await byLabel(page, 'text'), 'Hello from the console in Firefox');
  await click(page, 'button', 'Run');
  await waitForText(page, '[aria-label="Result"]', 'Send Message succeeded');
  const posted = emulator.state.listMessages({ team: 'T0ACME001', channel: general.id });
  expect(posted.at(-1)?.text).toBe('Hello from the console in Firefox');
  const json = await page.$eval('[aria-label="Result JSON"]', (e) => (e as HTMLTextAreaElement).value);
  expect(json).toContain(posted.at(-1)!.ts);

  // Bad input names the field, and the field says it is invalid.
  await chooseAction(page, 'Send Message');
  await fill(await byLabel(page, 'channel'), '');
  await click(page, 'button', 'Run');
  await expect.poll(() => texts(page, '[aria-label="Result"]')).toEqual([expect.stringContaining('channel')]);
  await expect
    .poll(async () => (await byLabel(page, 'channel')).evaluate((e) => e.getAttribute('aria-invalid')))
    .toBe('true');
  expect(errors).toEqual([]);
});
