// The first run as a new person has it: an empty options page, the guide's "Create Slack app" link
// (its manifest read back from the URL and checked), Slack's new-app page (the emulator's), the two
// credentials pasted, "Connect workspace", Allow, and the test message that follows by itself; then a
// second one to a chosen channel. The README's "From nothing to a first message" counts these steps.
import { channelId } from '../emulator/helpers';
import { pickChannel } from '../support/popup-page';
import { expect, test } from './fixtures';

test('the guide takes a person from nothing to a test message', async ({
  context,
  emulator,
  openPage,
  extensionId,
}) => {
  const { page, errors } = await openPage('options.html');
  const guide = page.getByRole('region', { name: 'Set up Courier' });
  await expect(guide).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History', level: 2 }), 'empty sections stay away').toHaveCount(0);

  // Not slack.com here: the emulator plays Slack.
  await guide.getByText('Not on slack.com, or no client secret?').click();
  await guide.getByLabel('Slack base URL', { exact: true }).fill(emulator.url);
  const link = guide.getByRole('link', { name: 'Create Slack app' });
  const href = new URL((await link.getAttribute('href')) ?? '');
  expect(href.origin).toBe(emulator.url);
  expect(href.searchParams.get('new_app')).toBe('1');
  const manifest = JSON.parse(href.searchParams.get('manifest_json') ?? '') as {
    oauth_config: { redirect_urls: string[]; scopes: { bot: string[]; user?: string[] } };
    settings: { token_rotation_enabled: boolean };
  };
  expect(manifest.oauth_config.redirect_urls).toEqual([`https://${extensionId}.chromiumapp.org/`]);
  expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'channels:read']));
  expect(manifest.oauth_config).not.toHaveProperty('token_rotation_enabled');
  expect(manifest.settings.token_rotation_enabled).toBe(true);

  // Action 1: the link. Actions 2 and 3: Slack's page, pick the workspace and Create.
  const slackOpened = context.waitForEvent('page');
  await link.click();
  const slack = await slackOpened;
  await slack.getByLabel('Pick a workspace to develop your app in').selectOption('T0ACME001');
  await slack.getByRole('button', { name: 'Create' }).click();
  const clientId = (await slack.locator('#client-id').textContent()) ?? '';
  const clientSecret = (await slack.locator('#client-secret').textContent()) ?? '';
  expect(emulator.state.apps.get(clientId)?.redirectUris).toEqual(manifest.oauth_config.redirect_urls);
  await slack.close();

  // Action 4: paste the two credentials (one copy and paste each, counted as one step).
  await guide.getByLabel('Client ID', { exact: true }).fill(clientId);
  await guide.getByLabel('Client secret', { exact: true }).fill(clientSecret);
  // Action 5: Connect workspace (its "Then send me a test message" is on); action 6: Allow on Slack's
  // consent page. The test message, a DM to the person from their new app, needs no further action.
  await expect(guide.getByLabel('Then send me a test message')).toBeChecked();
  const consentOpened = context.waitForEvent('page');
  await guide.getByRole('button', { name: 'Connect workspace' }).click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: 'Allow' }).click();
  await expect(guide.getByText('Done: Acme Corp is linked.')).toBeVisible();
  await expect(guide.getByText('Sent to you in Acme Corp.')).toBeVisible();
  await expect(guide.getByText(/Alt\+Shift\+K/)).toBeVisible();
  const tests = () =>
    emulator.state.listMessages({ team: 'T0ACME001' }).filter((message) => message.text.includes('Courier is set up'));
  expect(tests()).toHaveLength(1);
  expect(tests()[0]?.channel).toMatch(/^D/);

  // Beyond the count: a test message to a channel chosen in the guide.
  await pickChannel(guide, 'general');
  await guide.getByRole('button', { name: 'Send a test message' }).click();
  // A new app's bot is in no channel: the guide offers to join the public one and send.
  await expect(guide.getByRole('alert')).toContainText("isn't a member");
  await guide.getByRole('button', { name: 'Join #general and send' }).click();
  await expect(guide.getByText('Sent to #general.')).toBeVisible();
  expect(tests()).toHaveLength(2);
  expect(tests()[1]?.channel).toBe(channelId(emulator, 'general'));
  expect(errors).toEqual([]);
});
