// In Firefox too: a send that failed because the workspace was revoked goes out by itself, once,
// when the person reconnects it from the popup (test/e2e/truth.spec.ts has the Chromium walk).
import { conversationNamed } from '../support/extension-calls';
import { findPage } from '../support/firefox';
import { byLabel, byRole, click, fill, linkDemoWorkspace, texts, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';
const SHARED = { kind: 'page', title: 'A page worth reading', url: 'https://example.com/articles/7' };

test('a send that failed for a revoked workspace is delivered once the person reconnects it', async ({
  emulator,
  firefox,
  options,
  openPage,
}) => {
  const [redirectUrl] = await texts(options.page, '[data-testid="redirect-url"]');
  emulator.state.appById('A0COURIER1')!.redirectUris = [redirectUrl!];
  const account = await linkDemoWorkspace(firefox, options.page, emulator.url);
  const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
  const picker = await byLabel(popup, 'Channels and people');
  await fill(picker, 'general');
  await byRole(popup, 'option', /^\W*general\W*$/);
  await picker.press('Enter');
  await fill(await byLabel(popup, 'Message'), 'After the revoke');

  emulator.state.revokeTeam(ACME);
  await click(popup, 'button', 'Send');
  await waitForText(popup, '[data-testid="send-status"]', 'Not sent to #general.');
  await waitForText(
    popup,
    'section',
    `Courier can't read ${account.teamName}'s scheduled messages until it reconnects.`,
  );

  const before = await firefox.pages();
  await click(popup, 'button', `Reconnect ${account.teamName}`);
  const consent = await findPage(firefox, (href) => href.startsWith(`${emulator.url}/oauth/v2/authorize`), {
    exclude: before,
  });
  await click(consent, 'button', 'Allow');

  await waitForText(popup, '[data-testid="outbox-count"]', 'Nothing waiting to send.', 20_000);
  const general = conversationNamed(emulator, 'general');
  const posted = emulator.state.listMessages({ team: ACME, channel: general.id });
  expect(posted).toHaveLength(1);
  expect(posted[0]!.text).toContain('After the revoke');
});
