import type { Emulator } from '../emulator/index';
import { byLabel, byRole, click, connectWorkspace, fill, linkDemoWorkspace, texts } from '../support/firefox-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const GLOBEX = 'T0GLOBEX1';

const withStatus = (emulator: Emulator, team: string, text: string) =>
  emulator.state.workspaces.get(team)!.users.filter((user) => user.status?.text === text);

test('the popup sets a status in every linked workspace at once, and says where the scope is missing', async ({
  emulator,
  firefox,
  options,
  openPage,
}) => {
  const [redirectUrl] = await texts(options.page, '[data-testid="redirect-url"]');
  emulator.state.appById('A0COURIER1')!.redirectUris = [redirectUrl!];
  // Acme with the profile's default scopes; then the profile stops asking for users.profile:write, and Globex is linked without it.
  await linkDemoWorkspace(firefox, options.page, emulator.url);
  await click(options.page, 'button', 'Edit Emulator');
  const userScopes = await byLabel(options.page, 'User scopes');
  const scopes = (await userScopes.evaluate((input) => (input as HTMLInputElement).value)).split(',');
  await fill(userScopes, scopes.filter((scope) => scope.trim() !== 'users.profile:write').join(','));
  await click(options.page, 'button', 'Save profile');
  await connectWorkspace(firefox, options.page, {
    profile: 'Emulator',
    answer: 'Allow',
    baseUrl: emulator.url,
    team: GLOBEX,
  });
  await expect
    .poll(() => texts(options.page, '[data-testid="connect-status"]'))
    .toEqual([expect.stringContaining('Linked Globex.')]);

  const { page: popup, errors } = await openPage('popup.html');
  const rows = () => texts(popup, '[aria-label="Your status in each workspace"] > li');
  await expect.poll(rows, { timeout: 20_000 }).toHaveLength(2);
  expect((await rows()).find((row) => row.includes('Globex'))).toContain(
    'Setting a status here needs users.profile:write.',
  );

  await click(popup, 'button', /Focusing/);
  const results = () => texts(popup, '[aria-label="Status results"] > li');
  await expect
    .poll(results)
    .toEqual([
      expect.stringContaining('Acme Corp: set.'),
      expect.stringContaining('Globex: not set. Setting a status needs a user token with users.profile:write'),
    ]);
  expect(withStatus(emulator, ACME, 'Focusing')).toHaveLength(1);
  expect(withStatus(emulator, ACME, 'Focusing')[0]?.status?.emoji).toBe(':headphones:');
  expect(withStatus(emulator, GLOBEX, 'Focusing')).toEqual([]);
  await expect.poll(async () => (await rows()).find((row) => row.includes('Acme Corp'))).toMatch(/Focusing · until /);
  await byRole(popup, 'button', 'Reconnect Globex with users.profile:write');

  await click(popup, 'button', 'Clear status');
  await expect
    .poll(results)
    .toEqual([expect.stringContaining('Acme Corp: set.'), expect.stringContaining('Globex: not set.')]);
  expect(withStatus(emulator, ACME, 'Focusing')).toEqual([]);
  expect(errors).toEqual([]);
});
