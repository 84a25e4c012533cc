import { linkDemoWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const SHARED = { kind: 'page', title: 'Release notes', url: 'https://example.com/releases/7' };

test('the popup replies in the thread of a pasted message link', async ({ context, emulator, openPage }) => {
  const general = emulator.state.workspaces.get(ACME)!.conversations.find((c) => c.name === 'general')!;
  const parent = emulator.state
    .listMessages({ team: ACME, channel: general.id, includeSeeded: true })
    .find((message) => !message.threadTs && !message.subtype)!;
  const link = `https://acme.slack.com/archives/${general.id}/p${parent.ts.replace('.', '')}`;

  const { page: options } = await openPage('options.html');
  await linkDemoWorkspace(context, options, emulator.url);

  const { page: popup, errors } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  const picker = popup.getByRole('combobox', { name: 'Channel' });
  await picker.fill('general');
  await expect(popup.getByRole('option', { name: /^\W*general\W*$/ })).toBeVisible({ timeout: 20_000 });
  await picker.press('Enter');
  await popup.getByRole('textbox', { name: 'Message' }).fill('Shipped, see the notes');
  await popup.getByRole('textbox', { name: 'Reply in thread' }).fill(link);
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByTestId('send-status')).toHaveText('Sent to #general.');

  const [reply] = emulator.state.listMessages({ team: ACME, channel: general.id });
  expect(reply?.threadTs).toBe(parent.ts);
  expect(reply?.text).toContain('Shipped, see the notes');
  expect(reply?.text).toContain(SHARED.url);
  expect(errors).toEqual([]);
});
