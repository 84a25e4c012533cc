// What Courier refuses to trust, in the real browser: a changed base URL never receives the linked
// workspace's tokens, Slack's answers name no host Courier will post bytes to or link, a page's
// malformed request is refused before any handler runs, and the store build asks for no more.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from '@playwright/test';
import type { Emulator, FaultSpec } from '../emulator/index';
import { launchWithExtension, STORE_BUILD } from '../support/chromium';
import { askFrom, conversationNamed } from '../support/extension-calls';
import { startFileSites } from '../support/file-sites';
import { linkDemoWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const SHARED = { kind: 'page', title: 'A page worth reading', url: 'https://example.com/articles/42' };

/** A host that records whatever reaches it: a Slack that must never be asked anything. */
async function startRecorder(host = '127.0.0.1') {
  const seen: { path: string; body: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => server.close() };
}

async function fault(emulator: Emulator, spec: FaultSpec) {
  await fetch(`${emulator.url}/_control/faults`, { method: 'POST', body: JSON.stringify(spec) });
}

function hook(worker: Worker, name: string, ...args: unknown[]) {
  return worker.evaluate(
    ([name, args]) =>
      (globalThis as unknown as { courierE2E: Record<string, (...a: unknown[]) => Promise<unknown>> }).courierE2E[
        name
      ]!(...args),
    [name, args] as const,
  );
}

async function sendToGeneral(page: Page, emulator: Emulator, accountId: string) {
  const general = conversationNamed(emulator, 'general');
  const target = { key: `${accountId}:${general.id}`, accountId, id: general.id, label: '#general' };
  const reply = await askFrom(page, 'send', { targets: [target], share: SHARED as never, unfurl: false });
  if (!reply.ok) throw new Error(reply.error.message);
  return { target, results: reply.value };
}

test('a linked profile keeps its Slack: a new base URL is refused and the other host hears nothing', async ({
  emulator,
  linked: { page, account },
  serviceWorker,
}) => {
  const other = await startRecorder();
  try {
    await page.getByRole('button', { name: 'Edit Emulator' }).click();
    const form = page.getByRole('form', { name: 'Edit Emulator' });
    await form.getByLabel('Slack base URL', { exact: true }).fill(other.url);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByLabel('Slack base URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form).toContainText('Disconnect the workspace linked with this profile first');

    // Using the extension afterwards: a send, a refresh of every chain, a health check.
    const { results } = await sendToGeneral(page, emulator, account.id);
    expect(results[0]).toMatchObject({ state: 'sent' });
    await hook(serviceWorker, 'refreshDue');
    await expect(askFrom(page, 'workspaces.check', { accountId: account.id })).resolves.toMatchObject({ ok: true });
    expect(other.seen, 'no request, token or secret reached the other host').toEqual([]);
  } finally {
    other.close();
  }
});

test("Slack's answers are checked: no link that is not Slack's, no bytes to a host that is not Slack's", async ({
  context,
  emulator,
  openPage,
  serviceWorker,
}) => {
  const elsewhere = await startRecorder('127.0.0.4');
  const sites = await startFileSites();
  try {
    // The workspace's URL (auth.test, read when linking) and every permalink are not Slack's:
    // the send result shows them as text, never as a link.
    await fault(emulator, {
      method: 'auth.test',
      kind: 'rewrite',
      field: 'url',
      value: 'https://acme.slack.com.evil.test/',
      count: -1,
    });
    const { page } = await openPage('options.html');
    const account = await linkDemoWorkspace(context, page, emulator.url);
    await fault(emulator, {
      method: 'chat.getPermalink',
      kind: 'rewrite',
      field: 'permalink',
      value: 'javascript:alert(document.domain)',
      count: -1,
    });
    const { page: popup } = await openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(SHARED))}`);
    const picker = popup.getByRole('combobox', { name: 'Channel' });
    await picker.fill('general');
    await expect(popup.getByRole('option', { name: /^\W*general\W*$/ })).toBeVisible({ timeout: 20_000 });
    await picker.press('Enter');
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(popup.getByTestId('send-status')).toHaveText('Sent to #general.');
    const results = popup.getByRole('list', { name: 'Send results' });
    await expect(results).toContainText('#general');
    await expect(results.getByRole('link')).toHaveCount(0);
    await expect(popup.locator('a[href^="javascript:"]')).toHaveCount(0);

    // An upload_url on another host: the bytes stay home and the person reads why.
    await fault(emulator, {
      method: 'files.getUploadURLExternal',
      kind: 'rewrite',
      field: 'upload_url',
      value: `${elsewhere.url}/upload/v1/stolen`,
    });
    const general = conversationNamed(emulator, 'general');
    const key = `${account.id}:${general.id}`;
    await hook(
      serviceWorker,
      'menuClick',
      {
        menuItemId: `courier:image:recent:${key}`,
        srcUrl: `${sites.files}/cors.png`,
        mediaType: 'image',
        pageUrl: sites.page,
      },
      { url: sites.page, title: 'An article' },
    );
    const reply = await askFrom(page, 'outbox.list', {});
    const items = reply.ok ? reply.value : [];
    expect(items.find((item) => item.file?.name === 'cors.png')?.reason).toContain('did not send the file');
    expect(elsewhere.seen, 'no byte reached the other host').toEqual([]);
  } finally {
    elsewhere.close();
    sites.close();
  }
});

test('a page that sends a malformed request is refused before anything runs', async ({
  emulator,
  linked: { page, account },
}) => {
  const general = conversationNamed(emulator, 'general');
  const target = { key: `${account.id}:${general.id}`, accountId: account.id, id: general.id, label: '#general' };
  const reply = await askFrom(page, 'send', {
    targets: [target],
    share: { kind: 'page', title: 'x', url: 'javascript:alert(1)' } as never,
    unfurl: false,
  });
  expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'share' } });
  expect(emulator.state.listMessages({ team: 'T0ACME001', channel: general.id })).toEqual([]);
  const outbox = await askFrom(page, 'outbox.list', {});
  expect(outbox).toEqual({ ok: true, value: [] });
});

test('the store build runs with two Slack hosts, no e2e hooks, and the popup opens', async () => {
  const { context, serviceWorker, extensionId } = await launchWithExtension({ headless: true, build: STORE_BUILD });
  try {
    const held = await serviceWorker.evaluate(async () => ({
      hooks: 'courierE2E' in globalThis,
      permissions: await (
        globalThis as unknown as {
          chrome: { permissions: { getAll(): Promise<{ origins: string[]; permissions: string[] }> } };
        }
      ).chrome.permissions.getAll(),
    }));
    expect(held.hooks).toBe(false);
    expect(held.permissions.origins.sort()).toEqual(['https://files.slack.com/*', 'https://slack.com/*']);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Courier for Slack');
  } finally {
    await context.close();
  }
});
