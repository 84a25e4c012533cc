import { DEMO_APP } from '../emulator/index';
import { addProfile, connectWorkspace, linkedAccounts, texts, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

test('cancel on the consent page says so and links nothing', async ({ emulator, firefox, options }) => {
  const { page, errors } = options;
  await addProfile(page, {
    name: 'Emulator',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl: emulator.url,
  });
  await connectWorkspace(firefox, page, { profile: 'Emulator', answer: 'Cancel', baseUrl: emulator.url });
  await waitForText(page, '[data-testid="connect-status"]', 'cancelled');
  await expect.poll(() => texts(page, 'p')).toContainEqual(expect.stringContaining('No workspace is linked yet.'));
  expect(await linkedAccounts(page)).toEqual([]);
  expect(emulator.state.stats().calls['oauth.v2.access'] ?? 0).toBe(0);
  expect(errors).toEqual([]);
});
