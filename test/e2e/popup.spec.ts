import type { Page } from '@playwright/test';
import { DEMO_APP, type Emulator } from '../emulator/index';
import { addProfile, connectWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const SHARED = { kind: 'page', title: 'Courier e2e: a page worth reading', url: 'https://example.com/articles/42' };

function channelId(emulator: Emulator, name: string): string {
  return emulator.state.workspaces.get(ACME)!.conversations.find((c) => c.name === name)!.id;
}

/** Types into the picker until the directory (filled by the background) offers the channel. */
async function pick(popup: Page, name: string) {
  const picker = popup.getByRole('combobox', { name: 'Channel' });
  await picker.fill(name);
  await expect(popup.getByRole('option', { name: new RegExp(`^\\W*${name}\\W*$`) })).toBeVisible({ timeout: 20_000 });
  await picker.press('Enter');
  await expect(popup.getByRole('list', { name: 'Channels and people: chosen' })).toContainText(name);
  await expect(picker, 'the search is emptied once its result is chosen').toHaveValue('');
}

test('the popup sends a page to two channels, undoes one, sets presence, schedules and cancels', async ({
  context,
  emulator,
  openPage,
}) => {
  const { page: options } = await openPage('options.html');
  await addProfile(options, {
    name: 'Emulator',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl: emulator.url,
  });
  await connectWorkspace(context, options, { profile: 'Emulator', answer: 'Allow' });
  await expect(options.getByTestId('connect-status')).toHaveText('Linked Acme Corp.');
  const maya = () => emulator.state.workspaces.get(ACME)!.users.find((u) => u.name === 'maya.chen')!;

  const { page: popup, errors } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Courier for Slack');
  await expect(popup.getByText(SHARED.title)).toBeVisible();

  // Send to #general and #random.
  await pick(popup, 'general');
  await pick(popup, 'random');
  const message = popup.getByRole('textbox', { name: 'Message' });
  await message.fill('Worth a read before Friday');
  // The button says where it sends: two targets.
  await popup.getByRole('button', { name: 'Send to 2', exact: true }).click();
  const status = popup.getByTestId('send-status');
  const results = popup.getByRole('list', { name: 'Send results' });
  const general = results.getByRole('listitem').filter({ hasText: '#general' });
  const random = results.getByRole('listitem').filter({ hasText: '#random' });

  // Courier's bot is in #general but not in #random: a public channel it can join, then send again.
  await expect(status).toHaveText('Sent to #general. Not sent to #random.');
  await expect(message).toHaveValue('Worth a read before Friday');
  await expect(random).toContainText('Not sent:');
  await random.getByRole('button', { name: 'Join channel' }).click();
  await expect(status).toHaveText('Joined #random. Send again to post there.');
  await random.getByRole('button', { name: 'Send again' }).click();
  await expect(status).toHaveText('Sent to #random.');
  for (const name of ['general', 'random']) {
    const posted = emulator.state.listMessages({ team: ACME, channel: channelId(emulator, name) });
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain('Worth a read before Friday');
    expect(posted[0]!.text).toContain(`<${SHARED.url}|${SHARED.title}>`);
  }
  await expect(general.getByRole('link', { name: 'Open in Slack' })).toHaveAttribute(
    'href',
    new RegExp(`/archives/${channelId(emulator, 'general')}/p\\d+`),
  );

  // Edit one, undo the other.
  await random.getByRole('button', { name: 'Edit' }).click();
  await random.getByRole('textbox', { name: 'Edit message' }).fill('Edited: worth a read');
  await random.getByRole('button', { name: 'Save' }).click();
  await expect(status).toHaveText('Edited the message in #random.');
  const [edited] = emulator.state.listMessages({ team: ACME, channel: channelId(emulator, 'random') });
  expect(edited?.text).toContain('Edited: worth a read');
  expect(edited?.text).toContain(SHARED.url);

  await general.getByRole('button', { name: 'Delete' }).click();
  await expect(status).toHaveText('Removed the message from #general.');
  expect(emulator.state.listMessages({ team: ACME, channel: channelId(emulator, 'general') })).toEqual([]);
  await expect(general.getByRole('link', { name: 'Open in Slack' })).toHaveCount(0);

  // History follows both: the edit shows its new text, the deleted message shows as removed with
  // nothing left to open, edit or delete.
  const { page: history } = await openPage('options.html');
  const sent = history.getByRole('list', { name: 'Sent messages' }).getByRole('listitem');
  const editedEntry = sent.filter({ hasText: '#random' });
  await expect(editedEntry).toContainText('Edited: worth a read');
  await expect(editedEntry).toContainText('edited');
  const removedEntry = sent.filter({ hasText: '#general' });
  await expect(removedEntry).toContainText('removed from Slack');
  for (const name of ['Edit', 'Delete']) await expect(removedEntry.getByRole('button', { name })).toHaveCount(0);
  await expect(removedEntry.getByRole('link', { name: 'Open in Slack' })).toHaveCount(0);
  await expect(removedEntry.getByRole('button', { name: 'Send again' })).toBeVisible();
  await history.close();

  // Presence: Away, then Active again.
  const presence = popup.getByRole('switch', { name: 'Presence' });
  await expect(presence).toHaveAttribute('aria-checked', 'true');
  await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', 'false');
  await expect(presence).toHaveText('Away');
  expect(maya().manualAway).toBe(true);
  await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', 'true');
  await expect(presence).toHaveText('Active');
  expect(maya().manualAway).toBe(false);

  // Schedule for tomorrow (the default time) to #random only, see it listed, cancel it.
  const scheduledInSlack = async () =>
    (
      (await (await fetch(`${emulator.url}/_control/scheduled?team=${ACME}`)).json()) as {
        scheduled: { id: string; channel: string; post_at: number; text: string }[];
      }
    ).scheduled;
  // The demo seed has scheduled messages of its own; they stay untouched.
  const seeded = await scheduledInSlack();
  await popup.getByRole('button', { name: 'Remove #general' }).click();
  await message.fill('Reminder for tomorrow');
  await popup.getByRole('checkbox', { name: 'Schedule for later' }).check();
  await expect(popup.getByLabel('Send at')).toHaveValue(/T09:00$/);
  await expect(popup.getByRole('button', { name: /^Send · Tomorrow, / })).toBeVisible();
  await message.press('Control+Enter');
  await expect(status).toHaveText('Scheduled for #random.');
  const mine = (await scheduledInSlack()).filter((item) => !seeded.some((other) => other.id === item.id));
  expect(mine).toHaveLength(1);
  expect(mine[0]!.channel).toBe(channelId(emulator, 'random'));
  expect(mine[0]!.text).toContain('Reminder for tomorrow');
  const tomorrowNine = new Date();
  tomorrowNine.setDate(tomorrowNine.getDate() + 1);
  tomorrowNine.setHours(9, 0, 0, 0);
  expect(mine[0]!.post_at).toBe(tomorrowNine.getTime() / 1000);

  const scheduled = popup.getByRole('list', { name: 'Scheduled messages' });
  const item = scheduled.getByRole('listitem').filter({ hasText: 'Reminder for tomorrow' });
  await expect(item).toContainText('#random');
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByText(/^Cancelled the message to #random/)).toBeVisible();
  await expect(item).toHaveCount(0);
  expect((await scheduledInSlack()).map((entry) => entry.id)).toEqual(seeded.map((entry) => entry.id));

  await expect(popup.getByTestId('outbox-count')).toHaveText('Nothing waiting to send.');
  expect(errors).toEqual([]);
});
