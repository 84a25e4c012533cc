import { DEMO_APP } from '../emulator/index';
import { addProfile, connectWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const BIG = 'T0BIG0001';

test('the picker finds one channel among 20 000 and keeps only a window of options in the page', async ({
  context,
  emulator,
  openPage,
  serviceWorker,
}) => {
  test.setTimeout(180_000);
  emulator.state.seed({
    workspaces: [{ teamId: BIG, name: 'Bigco', domain: 'bigco', users: 30, channels: 20_000, content: false }],
  });
  const channels = emulator.state.workspaces.get(BIG)!.conversations;
  expect(channels.filter((c) => c.kind === 'public_channel' || c.kind === 'private_channel').length).toBe(20_000);
  // A public, open channel deep in the list (generated names carry their index when they repeat).
  const wanted = channels.findLast((c) => c.kind === 'public_channel' && !c.isArchived && /-\d{5}$/.test(c.name))!;

  const { page: options } = await openPage('options.html');
  await addProfile(options, { name: 'Emulator', ...DEMO_APP, baseUrl: emulator.url });
  await connectWorkspace(context, options, { profile: 'Emulator', answer: 'Allow' });
  await expect(options.getByTestId('connect-status')).toHaveText('Linked Bigco.', { timeout: 30_000 });
  await serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { courierE2E: { refreshDirectories(): Promise<number> } }
    ).courierE2E.refreshDirectories(),
  );

  const { page: popup, errors } = await openPage('popup.html');
  const picker = popup.getByRole('combobox', { name: 'Channel' });
  // The benchmark's moment: the picker is shown with the whole directory searchable, marked once.
  await expect
    .poll(() => popup.evaluate(() => performance.getEntriesByName('picker-interactive', 'mark').length))
    .toBe(1);
  await picker.fill(wanted.name);
  const first = popup.getByRole('option').first();
  await expect(first).toContainText(wanted.name, { timeout: 20_000 });

  // An empty query lists everything the directory has: the list is virtual, so few rows exist.
  await picker.fill('');
  await picker.fill('a');
  await expect(popup.getByRole('option').first()).toBeVisible();
  const rendered = await popup.getByRole('option').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(50);
  const setSize = Number(await popup.getByRole('option').first().getAttribute('aria-setsize'));
  expect(setSize, 'the whole result count is announced').toBeGreaterThan(1_000);
  expect(errors).toEqual([]);
});
