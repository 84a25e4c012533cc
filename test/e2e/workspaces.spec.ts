import { DEMO_APP } from '../emulator/index';
import { addProfile, connectWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

test.describe('linking workspaces through the consent page', () => {
  test('connect, see it in the popup, reconnect, disconnect', async ({ context, emulator, openPage }) => {
    const { page, errors } = await openPage('options.html');
    await addProfile(page, {
      name: 'Emulator',
      clientId: DEMO_APP.clientId,
      clientSecret: DEMO_APP.clientSecret,
      baseUrl: emulator.url,
    });
    await expect(page.getByRole('article', { name: 'Emulator' })).toBeVisible();

    await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Allow' });
    await expect(page.getByTestId('connect-status')).toHaveText('Linked Acme Corp.');
    const row = page.getByRole('row', { name: /Acme Corp/ });
    await expect(row).toContainText('Connected');

    // A second workspace with the same profile.
    await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Allow', team: 'T0GLOBEX1' });
    await expect(page.getByTestId('connect-status')).toHaveText('Linked Globex.');
    await expect(page.getByRole('row', { name: /Globex/ })).toContainText('Connected');

    const { page: popup } = await openPage('popup.html');
    await expect(popup.getByRole('list', { name: 'Linked workspaces' })).toContainText('Acme Corp');
    await expect(popup.getByRole('list', { name: 'Linked workspaces' })).toContainText('Globex');

    // The next workspace is offered where the linked ones are; Reconnect only where it would help.
    await expect(page.getByRole('button', { name: 'Connect another workspace' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Reconnect Acme Corp' })).toHaveCount(0);
    // A scope added to the profile after linking: now reconnecting would change something.
    await page.getByRole('button', { name: 'Edit Emulator' }).click();
    const botScopes = page.getByLabel('Bot scopes', { exact: true });
    await botScopes.fill(`${await botScopes.inputValue()}, reactions:write`);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(row).toContainText('The profile now asks for reactions:write');

    // Reconnect passes team= so the consent page preselects the same workspace; it updates in place.
    const consentOpened = context.waitForEvent('page');
    await row.getByRole('button', { name: 'Reconnect Acme Corp' }).click();
    const consent = await consentOpened;
    await consent.waitForLoadState();
    await expect(consent.getByLabel('Workspace', { exact: true })).toHaveValue('T0ACME001');
    await consent.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByTestId('workspace-status')).toHaveText('Reconnected Acme Corp.');
    await expect(page.getByRole('row', { name: /Acme Corp/ })).toHaveCount(1);
    await expect(row).not.toContainText('The profile now asks for');
    await expect(row.getByRole('button', { name: 'Reconnect Acme Corp' })).toHaveCount(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Disconnect Acme Corp' }).click();
    await expect(page.getByTestId('workspace-status')).toHaveText('Disconnected Acme Corp.');
    await expect(page.getByRole('row', { name: /Acme Corp/ })).toHaveCount(0);
    expect(emulator.state.stats().calls['auth.revoke'] ?? 0).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('cancel on the consent page says so and links nothing', async ({ context, emulator, openPage }) => {
    const { page } = await openPage('options.html');
    await addProfile(page, {
      name: 'Emulator',
      clientId: DEMO_APP.clientId,
      clientSecret: DEMO_APP.clientSecret,
      baseUrl: emulator.url,
    });
    await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Cancel' });
    await expect(page.getByTestId('connect-status')).toContainText('cancelled');
    await expect(page.getByText('No workspace is linked yet')).toBeVisible();
  });

  test('a wrong client secret says which field to fix', async ({ context, emulator, openPage }) => {
    const { page } = await openPage('options.html');
    await addProfile(page, {
      name: 'Typo',
      clientId: DEMO_APP.clientId,
      clientSecret: 'not-the-real-secret',
      baseUrl: emulator.url,
    });
    await connectWorkspace(context, page, { profile: 'Typo', answer: 'Allow' });
    await expect(page.getByTestId('connect-status')).toContainText('Client secret');
    await expect(page.getByText('No workspace is linked yet')).toBeVisible();
  });

  test('bad input gets a message next to the field', async ({ openPage }) => {
    const { page } = await openPage('options.html');
    await addProfile(page, { name: '', clientId: 'abc', clientSecret: 'x', baseUrl: 'http://example.com' });
    const form = page.getByRole('form', { name: 'New connector profile' });
    await expect(form.getByLabel('Profile name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Client ID', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Slack base URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.locator('.field-error')).toHaveCount(4);
  });
});
