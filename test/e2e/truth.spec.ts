// What the popup says is what is true, and what waited goes out by itself: a send that failed for a
// revoked workspace is delivered once the person reconnects it, a list that cannot be read never
// says "nothing", and a send Slack answered with 503 says when Courier tries again.
import type { Page } from '@playwright/test';
import type { Emulator } from '../emulator/index';
import { conversationNamed } from '../support/extension-calls';
import { pickChannel } from '../support/popup-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const SHARED = { kind: 'page', title: 'A page worth reading', url: 'https://example.com/articles/7' };

const posted = (emulator: Emulator) =>
  emulator.state.listMessages({ team: ACME, channel: conversationNamed(emulator, 'general').id });

async function sendToGeneral(popup: Page, text: string) {
  await pickChannel(popup, 'general');
  await popup.getByRole('textbox', { name: 'Message' }).fill(text);
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
}

test('a send that failed for a revoked workspace goes out by itself, once, when the person reconnects it', async ({
  context,
  emulator,
  linked: { account },
  openPage,
}) => {
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  await expect(popup.getByRole('switch', { name: 'Presence' })).toBeVisible();
  emulator.state.revokeTeam(ACME);
  await sendToGeneral(popup, 'After the revoke');
  await expect(popup.getByTestId('send-status')).toHaveText('Not sent to #general.');
  const row = popup.getByRole('list', { name: 'Outbox items' }).locator(':scope > li');
  await expect(row).toHaveCount(1);

  // Slack still holds what was scheduled: the list says it cannot be read, never "nothing".
  const scheduled = popup.getByRole('region', { name: 'Scheduled' });
  await expect(scheduled).toContainText(
    `Courier can't read ${account.teamName}'s scheduled messages until it reconnects.`,
  );
  await expect(scheduled).not.toContainText('Nothing scheduled.');

  const consentOpened = context.waitForEvent('page');
  await popup.getByRole('button', { name: `Reconnect ${account.teamName}` }).click();
  const consent = await consentOpened;
  await consent.waitForLoadState();
  await consent.getByRole('button', { name: 'Allow' }).click();

  // No Retry: the item goes out by itself, once, and its stale reason goes with it.
  await expect(popup.getByTestId('outbox-count')).toHaveText('Nothing waiting to send.', { timeout: 20_000 });
  await expect.poll(() => posted(emulator).length).toBe(1);
  expect(posted(emulator)[0]!.text).toContain('After the revoke');
  await expect(popup.getByRole('switch', { name: 'Presence' }), 'presence is back without reopening').toBeVisible();
  // And Slack's scheduled message shows again, the sentence gone.
  await expect(scheduled.getByRole('list', { name: 'Scheduled messages' })).toContainText('weekly sync notes');
  await expect(scheduled).not.toContainText("can't read");
});

test('a 503 says when Courier tries again, offers "Try now", and the first retries come within seconds', async ({
  emulator,
  linked: _linked,
  openPage,
}) => {
  emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500', status: 503, count: 2 });
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  await sendToGeneral(popup, 'Through the outage');
  const results = popup.getByRole('list', { name: 'Send results' });
  await expect(results).toContainText(/Courier tries again at \d/);
  await expect(results).not.toContainText('try again.');
  const row = popup.getByRole('list', { name: 'Outbox items' }).locator(':scope > li');
  await expect(row.getByRole('button', { name: 'Try now' })).toBeVisible();
  await expect(row).toContainText(/Courier tries again at \d/);

  // Two more 503s at about +2 s and +4 s, then Slack answers: delivered well inside a minute.
  await expect(popup.getByTestId('outbox-count')).toHaveText('Nothing waiting to send.', { timeout: 20_000 });
  expect(posted(emulator)).toHaveLength(1);
});
