import type { Page } from '@playwright/test';
import { DEMO_APP, type Emulator } from '../emulator/index';
import { connectWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const GLOBEX = 'T0GLOBEX1';

/** The people in a workspace whose status says `text`. */
const withStatus = (emulator: Emulator, team: string, text: string) =>
  emulator.state.workspaces.get(team)!.users.filter((user) => user.status?.text === text);

/** The profile form's User scopes, changed by `edit`, then saved. */
async function saveUserScopes(page: Page, edit: (scopes: string[]) => string[]) {
  const field = page.getByLabel('User scopes', { exact: true });
  const scopes = (await field.inputValue()).split(',').map((scope) => scope.trim());
  await field.fill(edit(scopes).join(', '));
  await page.getByRole('button', { name: 'Save profile' }).click();
}

test('status across two workspaces: set where the token may, "needs users.profile:write" and reconnect where not', async ({
  context,
  emulator,
  openPage,
}) => {
  const { page: options } = await openPage('options.html');
  // Acme is linked by a profile without users.profile:write; the profile then asks for it, and Globex gets it.
  await options.getByRole('button', { name: 'Add profile' }).click();
  const form = options.getByRole('form', { name: 'New connector profile' });
  await form.getByLabel('Profile name', { exact: true }).fill('Emulator');
  await form.getByLabel('Client ID', { exact: true }).fill(DEMO_APP.clientId);
  await form.getByLabel('Client secret', { exact: true }).fill(DEMO_APP.clientSecret);
  await form.getByLabel('Slack base URL', { exact: true }).fill(emulator.url);
  await saveUserScopes(options, (scopes) => scopes.filter((scope) => scope !== 'users.profile:write'));
  await connectWorkspace(context, options, { profile: 'Emulator', answer: 'Allow' });
  await expect(options.getByTestId('connect-status')).toHaveText('Linked Acme Corp.');
  await options.getByRole('button', { name: 'Edit Emulator' }).click();
  await saveUserScopes(options, (scopes) => [...scopes, 'users.profile:write']);
  await connectWorkspace(context, options, { profile: 'Emulator', answer: 'Allow', team: GLOBEX });
  await expect(options.getByTestId('connect-status')).toHaveText('Linked Globex.');

  const { page: popup, errors } = await openPage('popup.html');
  const status = popup.getByRole('region', { name: 'Status' });
  const current = status.getByRole('list', { name: 'Your status in each workspace' });
  await expect(current.getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  const acmeRow = current.getByRole('listitem').filter({ hasText: 'Acme Corp' });
  await expect(acmeRow).toContainText('No status');
  await expect(acmeRow).toContainText('Setting a status here needs users.profile:write.');
  await expect(acmeRow.getByRole('button', { name: 'Reconnect Acme Corp with users.profile:write' })).toBeVisible();

  // "In a meeting" in all linked workspaces at once, with away.
  await expect(status.getByRole('combobox', { name: 'Set in' })).toHaveValue('all');
  await status.getByRole('checkbox', { name: 'Set me away' }).check();
  const before = Math.floor(Date.now() / 1000);
  await status.getByRole('button', { name: /In a meeting/ }).click();
  const results = status.getByRole('list', { name: 'Status results' });
  await expect(results).toContainText('Globex: set.');
  await expect(results).toContainText(
    'Acme Corp: not set. Setting a status needs a user token with users.profile:write',
  );
  const [globexPerson] = withStatus(emulator, GLOBEX, 'In a meeting');
  expect(globexPerson).toMatchObject({ status: { emoji: ':calendar:' }, manualAway: true });
  expect((globexPerson?.status?.expiration ?? 0) - before).toBeGreaterThanOrEqual(3599);
  expect((globexPerson?.status?.expiration ?? 0) - before).toBeLessThanOrEqual(3601);
  expect(withStatus(emulator, ACME, 'In a meeting')).toEqual([]);
  const globexRow = current.getByRole('listitem').filter({ hasText: 'Globex' });
  await expect(globexRow).toContainText('In a meeting');
  await expect(globexRow).toContainText(/until /);

  // Reconnect Acme with the scope from the result, then set it there alone.
  const consentOpened = context.waitForEvent('page');
  await results.getByRole('button', { name: 'Reconnect Acme Corp with users.profile:write' }).click();
  const consent = await consentOpened;
  await consent.waitForLoadState();
  await consent.getByRole('button', { name: 'Allow' }).click();
  await expect(status).toContainText('Reconnected Acme Corp.');
  await expect(acmeRow).not.toContainText('needs users.profile:write', { timeout: 20_000 });
  await status.getByRole('combobox', { name: 'Set in' }).selectOption({ label: 'Acme Corp' });
  await status.getByRole('checkbox', { name: 'Set me away' }).uncheck();
  await status.getByRole('checkbox', { name: 'Pause notifications' }).check();
  await status.getByRole('button', { name: /Lunch/ }).click();
  await expect(results).toContainText('Acme Corp: set.');
  const [acmePerson] = withStatus(emulator, ACME, 'Lunch');
  expect(acmePerson?.manualAway).toBe(false);
  // Notifications paused for the same time as the status.
  expect(Math.abs((acmePerson?.snoozeEnd ?? 0) - (acmePerson?.status?.expiration ?? 0))).toBeLessThanOrEqual(60);
  expect(withStatus(emulator, GLOBEX, 'In a meeting')).toHaveLength(1);

  // Clear everywhere.
  await status.getByRole('combobox', { name: 'Set in' }).selectOption('all');
  await status.getByRole('button', { name: 'Clear status' }).click();
  await expect(results).toContainText('Acme Corp: set.');
  await expect(results).toContainText('Globex: set.');
  expect(withStatus(emulator, ACME, 'Lunch')).toEqual([]);
  expect(withStatus(emulator, GLOBEX, 'In a meeting')).toEqual([]);
  expect(acmePerson?.snoozeEnd, 'notifications resumed on clear').toBeUndefined();
  expect(errors).toEqual([]);
});
