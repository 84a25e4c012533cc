import type { Page } from '@playwright/test';
import { DEMO_APP } from '../emulator/index';
import { addProfile, connectWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

async function chooseAction(page: Page, title: string) {
  const action = page.getByRole('combobox', { name: 'Action' });
  await action.fill(title);
  await page
    .getByRole('option', { name: new RegExp(`^${title}`) })
    .first()
    .click();
  await expect(page.getByRole('form', { name: title })).toBeVisible();
}

test('the action console runs Send Message, Join and Rename Conversation, and List Users against Slack', async ({
  context,
  emulator,
  openPage,
}) => {
  const { page, errors } = await openPage('options.html');
  await addProfile(page, {
    name: 'Emulator',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl: emulator.url,
  });
  await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Allow' });
  await expect(page.getByTestId('connect-status')).toHaveText('Linked Acme Corp.');
  await page.goto(page.url().replace(/#.*$/, '') + '#actions');
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue('Acme Corp');
  const result = page.getByRole('region', { name: 'Result' });
  const acme = () => emulator.state.workspaces.get('T0ACME001')!;
  const general = acme().conversations.find((channel) => channel.name === 'general')!;

  await chooseAction(page, 'Send Message');
  // The channel field suggests channels from the workspace's directory.
  await expect(page.locator(`#directory-channels option[value="${general.id}"]`)).toHaveCount(1);
  await page.getByLabel('channel', { exact: true }).fill(general.id);
  await page.getByLabel('text', { exact: true }).fill('Hello from the console');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('Send Message succeeded');
  const posted = emulator.state.listMessages({ team: 'T0ACME001', channel: general.id });
  expect(posted.at(-1)?.text).toBe('Hello from the console');

  // The bot is not in #design: renaming it first needs Join Conversation.
  const design = acme().conversations.find((channel) => channel.name === 'design')!;
  await chooseAction(page, 'Join Conversation');
  await page.getByLabel('channel', { exact: true }).fill(design.id);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('Join Conversation succeeded');

  await chooseAction(page, 'Rename Conversation');
  await page.getByLabel('channel', { exact: true }).fill(design.id);
  await page.getByLabel('name', { exact: true }).fill('design-crit');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('Rename Conversation succeeded');
  expect(acme().conversations.find((channel) => channel.id === design.id)?.name).toBe('design-crit');

  // A Slack error is shown with what to do, not a raw code alone.
  await page.getByLabel('name', { exact: true }).fill('general');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('Rename Conversation failed');

  await chooseAction(page, 'List Users');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('List Users succeeded');
  const json = await page.getByRole('textbox', { name: 'Result JSON' }).inputValue();
  const users = acme().users;
  for (const user of users.slice(0, 3)) expect(json).toContain(user.id);

  // Bad input names the field.
  await chooseAction(page, 'Send Message');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('channel');
  await expect(page.getByLabel('channel', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(errors).toEqual([]);
});
