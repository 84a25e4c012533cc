import type { browser } from 'wxt/browser';
import { DEMO_APP } from '../emulator/index';
import { askFrom } from '../support/extension-calls';
import { expect, test } from './fixtures';

type Chrome = typeof browser;

test('a dead refresh token marks the workspace, badges the toolbar, notifies, and one reconnect heals it', async ({
  context,
  linked: { page, account },
  emulator,
  serviceWorker,
}) => {
  // The app's secret is regenerated in Slack: every refresh token dies and the old secret is refused.
  const newSecret = emulator.state.regenerateClientSecret(DEMO_APP.clientId);
  emulator.state.expireTokens();
  const reply = await askFrom(page, 'workspaces.check', { accountId: account.id, kind: 'bot' });
  expect(reply).toMatchObject({ ok: false, error: { kind: 'needs_reconnect' } });
  expect(emulator.state.refreshLog().at(-1)?.outcome).toBe('bad_client_secret');

  const row = page.getByRole('row', { name: /Acme Corp/ });
  await expect(row).toContainText('Needs reconnect');
  await expect(row).toContainText('Slack rejected the Client secret');
  const chrome = (fn: (chrome: Chrome) => Promise<unknown>) =>
    serviceWorker.evaluate<unknown>(`(${fn.toString()})(chrome)`);
  expect(await chrome((c) => c.action.getBadgeText({}))).toBe('!');
  const notifications = (await chrome((c) => c.notifications.getAll())) as Record<string, unknown>;
  expect(Object.keys(notifications)).toContain(`courier-reconnect:${account.id}`);

  // Calls fail fast now, without asking Slack again.
  const refreshesBefore = emulator.state.refreshLog().length;
  await askFrom(page, 'workspaces.check', { accountId: account.id, kind: 'bot' });
  expect(emulator.state.refreshLog()).toHaveLength(refreshesBefore);

  // The person pastes the new secret and reconnects: one click and "Allow".
  await page.getByRole('button', { name: 'Edit Emulator' }).click();
  await page.getByLabel('Client secret', { exact: true }).fill(newSecret);
  await page.getByRole('button', { name: 'Save profile' }).click();
  const consentOpened = context.waitForEvent('page');
  await row.getByRole('button', { name: 'Reconnect Acme Corp' }).click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByTestId('workspace-status')).toHaveText('Reconnected Acme Corp.');
  await expect(page.getByRole('row', { name: /Acme Corp/ })).toContainText('Connected');
  expect(await chrome((c) => c.action.getBadgeText({}))).toBe('');
  await expect(askFrom(page, 'workspaces.check', { accountId: account.id, kind: 'bot' })).resolves.toMatchObject({
    ok: true,
  });
});

test('a token revoked in Slack turns a call into "Needs reconnect", not an unexplained error', async ({
  linked: { page, account },
  emulator,
}) => {
  emulator.state.revokeTeam('T0ACME001', 'user');
  const user = await askFrom(page, 'workspaces.check', { accountId: account.id, kind: 'user' });
  expect(user).toMatchObject({ ok: false, error: { kind: 'needs_reconnect' } });
  await expect(page.getByRole('row', { name: /Acme Corp/ })).toContainText('Acme Corp needs to reconnect');
  // The bot chain is independent and keeps working.
  await expect(askFrom(page, 'workspaces.check', { accountId: account.id, kind: 'bot' })).resolves.toMatchObject({
    ok: true,
  });
});
