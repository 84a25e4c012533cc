import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_APP } from '../emulator/index';
import { addProfile, connectWorkspace } from '../support/options-page';
import { expect, test, type ExtensionPage } from './fixtures';

type OpenPage = (pathAndQuery: string) => Promise<ExtensionPage>;

/** The options page with the emulator's Acme Corp linked, at the action console. */
async function openConsole(context: BrowserContext, baseUrl: string, openPage: OpenPage) {
  const opened = await openPage('options.html');
  const { page } = opened;
  await addProfile(page, {
    name: 'Emulator',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl,
  });
  await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Allow' });
  await expect(page.getByTestId('connect-status')).toHaveText('Linked Acme Corp.');
  await page.goto(page.url().replace(/#.*$/, '') + '#actions');
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue('Acme Corp');
  return opened;
}

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
  const { page, errors } = await openConsole(context, emulator.url, openPage);
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

test('a list action pages like Slack: a page of `limit`, Next page from its cursor, All pages with progress and Cancel', async ({
  context,
  emulator,
  openPage,
}) => {
  const { page, errors } = await openConsole(context, emulator.url, openPage);
  const result = page.getByRole('region', { name: 'Result' });
  const json = async () =>
    JSON.parse(await page.getByRole('textbox', { name: 'Result JSON' }).inputValue()) as Record<string, unknown>;
  const ids = (body: Record<string, unknown>) => (body.members as { id: string }[]).map((member) => member.id);
  const users = emulator.state.workspaces.get('T0ACME001')!.users.map((user) => user.id);
  expect(users.length).toBeGreaterThan(4);
  const nextPage = page.getByRole('button', { name: 'Next page' });

  await chooseAction(page, 'List Users');
  await expect(nextPage).toBeDisabled();
  await page.getByLabel('limit', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('List Users succeeded');
  const first = await json();
  expect(ids(first)).toEqual(users.slice(0, 2));
  const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
  expect(cursor).toBeTruthy();

  // The second page starts at the first page's cursor, which the form now shows.
  await nextPage.click();
  await expect(page.getByLabel('cursor', { exact: true })).toHaveValue(cursor);
  await expect(result).toContainText('List Users succeeded');
  await expect.poll(async () => ids(await json())).toEqual(users.slice(2, 4));

  // All pages from the start, slowed down so the walk can be watched and cancelled mid-way.
  await page.getByLabel('cursor', { exact: true }).fill('');
  await page.getByLabel('limit', { exact: true }).fill('1');
  await fetch(`${emulator.url}/_control/faults`, {
    method: 'POST',
    body: JSON.stringify({ method: 'users.list', kind: 'latency', ms: 500, count: -1 }),
  });
  await page.getByRole('button', { name: 'All pages' }).click();
  await expect(result).toContainText('page 2, 1 items so far');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(result).toContainText('List Users succeeded');
  const cancelled = await json();
  expect(cancelled).toMatchObject({ pages: 2, complete: false });
  expect(ids(cancelled)).toEqual(users.slice(0, 2));
  await fetch(`${emulator.url}/_control/faults`, { method: 'DELETE' });
  // Next page goes on from where the walk stopped.
  await expect(nextPage).toBeEnabled();
  await nextPage.click();
  await expect.poll(async () => ids(await json())).toEqual(users.slice(2, 3));

  await page.getByLabel('cursor', { exact: true }).fill('');
  await page.getByLabel('limit', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'All pages' }).click();
  await expect.poll(async () => (await json()).complete, { timeout: 15_000 }).toBe(true);
  const all = await json();
  expect(ids(all)).toEqual(users);
  expect(all.pages).toBe(Math.ceil(users.length / 2));
  await expect(nextPage).toBeDisabled();

  // A page-numbered list (files.list) goes on by page number.
  await chooseAction(page, 'List Files');
  await page.getByLabel('count', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(result).toContainText('List Files succeeded');
  // The seeded workspace holds a few files, so pages of one file go past the first.
  const files = (await json()).paging as { pages: number };
  expect(files.pages).toBeGreaterThan(1);
  await nextPage.click();
  await expect(page.getByLabel('page', { exact: true })).toHaveValue('2');
  await expect.poll(async () => ((await json()).paging as { page: number }).page).toBe(2);
  expect(errors).toEqual([]);
});
