import type { browser } from 'wxt/browser';
import { channelTarget, conversationNamed } from '../support/extension-calls';
import { askFrom, byRole, linkDemoWorkspace, waitForSuspension, waitForText } from '../support/firefox-page';
import { expect, test } from './fixtures';

type Ext = typeof browser;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const share = { kind: 'page' as const, url: 'https://example.com/a', title: 'A page' };

test.use({ idleTimeoutMs: 1_000 });

test('a send Slack answers with a 5xx waits in the outbox, and a later event page delivers it exactly once', async ({
  emulator,
  firefox,
  options,
}) => {
  const { page, errors } = options;
  const account = await linkDemoWorkspace(firefox, page, emulator.url);
  const general = conversationNamed(emulator, 'general');
  const target = channelTarget(account.id, general);
  const startedAt = async () => {
    const reply = await askFrom(page, 'ping', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.startedAt;
  };

  // Slack fails with a 5xx page: for a write that is an unclear answer, so the item waits.
  emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500', count: 1 });
  const reply = await askFrom(page, 'send', { targets: [target], share, unfurl: false });
  expect(reply).toMatchObject({ ok: true, value: [{ state: 'queued' }] });
  const queuedBy = await startedAt();
  await waitForText(page, '[aria-label="Outbox items"]', '#general');
  expect(await page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.action.getBadgeText({}))).toBe(
    '1',
  );

  // The retry's backoff is made due now, in the IndexedDB this page shares with the event page.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('courier');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error('IndexedDB did not open'));
    });
    const items = await new Promise<{ id: string; nextAttemptAt: number }[]>((resolve) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; nextAttemptAt: number }[]);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('outbox', 'readwrite');
      for (const item of items) tx.objectStore('outbox').put({ ...item, nextAttemptAt: 0 });
      tx.oncomplete = () => resolve();
    });
    db.close();
  });

  // Firefox suspends the event page; the next one finds the item in IndexedDB and drains it on start.
  await waitForSuspension(page);
  expect(await startedAt()).toBeGreaterThan(queuedBy);
  const posted = () =>
    emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .filter((m) => m.text.includes('https://example.com/a'));
  await expect.poll(() => posted().length).toBe(1);
  await waitForText(page, 'p', 'Nothing is waiting to be sent.');
  await byRole(page, 'list', 'Sent messages');
  await sleep(500);
  expect(posted()).toHaveLength(1);
  expect(await page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.action.getBadgeText({}))).toBe(
    '',
  );
  expect(errors).toEqual([]);
});
