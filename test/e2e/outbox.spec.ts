import { askFrom, channelTarget, conversationNamed } from '../support/extension-calls';
import { pickChannel } from '../support/popup-page';
import { expect, test } from './fixtures';

const share = { kind: 'page' as const, url: 'https://example.com/a', title: 'A page' };

test('a send Slack answers with a 5xx waits in the outbox, then arrives exactly once', async ({
  linked: { page, account },
  emulator,
  serviceWorker,
}) => {
  const general = conversationNamed(emulator, 'general');
  const target = channelTarget(account.id, general);

  // Slack fails with a 5xx page: for a write that is an unclear answer, so the item waits.
  // (A connection dropped on a reused socket is resent by Chromium itself, below fetch; see the notes.)
  emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500', count: 1 });
  const reply = await askFrom(page, 'send', { targets: [target], share, unfurl: false });
  expect(reply).toMatchObject({ ok: true, value: [{ state: 'queued' }] });
  await expect(page.getByRole('list', { name: 'Outbox items' })).toContainText('#general');
  const badge = await serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
  expect(badge).toBe('1');

  // Back online: the drain checks the channel's history before posting again.
  await serviceWorker.evaluate(async () => {
    const hook = (globalThis as unknown as { courierE2E: { drainOutbox(): Promise<number> } }).courierE2E;
    // The first retry waits for its backoff; make it due now.
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
    return hook.drainOutbox();
  });
  const posted = emulator.state
    .listMessages({ team: 'T0ACME001', channel: general.id })
    .filter((m) => m.text.includes('https://example.com/a'));
  expect(posted).toHaveLength(1);
  await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sent messages' })).toContainText('#general');
});

test('a terminal error leaves the item failed, with the reason, editable and discardable', async ({
  linked: { page, account },
  emulator,
}) => {
  const archived = conversationNamed(emulator, 'old-project');
  const target = channelTarget(account.id, archived);
  const reply = await askFrom(page, 'send', { targets: [target], share, unfurl: false });
  expect(reply).toMatchObject({ ok: true, value: [{ state: 'failed' }] });

  // The row itself: editing adds the picker's own list of chosen targets inside it.
  const item = page.getByRole('list', { name: 'Outbox items' }).locator(':scope > li');
  await expect(item).toContainText('Failed');
  await expect(item).toContainText('archived');
  await item.getByRole('button', { name: 'Edit' }).click();
  await item.getByLabel('Message', { exact: true }).fill('Edited text');
  await item.getByRole('button', { name: 'Save and send' }).click();
  await expect(item).toContainText('Edited text');
  await expect(item).toContainText('Failed');
  await item.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible();
});

test('a connection dropped after Slack stored the message still ends with exactly one copy', async ({
  linked: { page, account },
  emulator,
  serviceWorker,
}) => {
  const general = conversationNamed(emulator, 'general');
  const target = channelTarget(account.id, general);
  const copies = () =>
    emulator.state
      .listMessages({ team: 'T0ACME001', channel: general.id })
      .filter((message) => message.text.includes('https://example.com/dropped'));

  // Stored by Slack, then the connection drops: either Chromium resends the POST by itself (a
  // second copy Courier never hears of) or the attempt is unclear and waits in the outbox.
  emulator.state.faults.add({ method: 'chat.postMessage', kind: 'dropAfter', count: 1 });
  await askFrom(page, 'send', {
    targets: [target],
    share: { kind: 'page', url: 'https://example.com/dropped', title: 'Dropped' },
    unfurl: false,
  });
  expect(copies().length).toBeGreaterThanOrEqual(1);

  await serviceWorker.evaluate(async () => {
    const hook = (
      globalThis as unknown as {
        courierE2E: { drainOutbox(): Promise<number>; sweepDuplicates(ms: number): Promise<number> };
      }
    ).courierE2E;
    await hook.drainOutbox();
    await hook.sweepDuplicates(5 * 60_000);
  });
  expect(copies()).toHaveLength(1);
});

test('Edit moves a failed item to another channel with the picker; it arrives there once', async ({
  linked: { page, account },
  emulator,
}) => {
  const archived = conversationNamed(emulator, 'old-project');
  const general = conversationNamed(emulator, 'general');
  const target = channelTarget(account.id, archived);
  const moved = { kind: 'page' as const, url: 'https://example.com/moved', title: 'Moved' };
  expect(await askFrom(page, 'send', { targets: [target], share: moved, unfurl: false })).toMatchObject({
    ok: true,
    value: [{ state: 'failed' }],
  });

  const item = page.getByRole('list', { name: 'Outbox items' }).locator(':scope > li');
  await item.getByRole('button', { name: 'Edit' }).click();
  // An archived channel is not in the directory: the picker starts empty and holds one target.
  await pickChannel(item, 'general');
  await pickChannel(item, 'random');
  await pickChannel(item, 'general');
  await expect(item.getByRole('list', { name: 'Channel: chosen' }).getByRole('listitem')).toHaveCount(1);
  // Escape closes the picker's list, as a keyboard user would before moving on.
  await item.getByRole('combobox', { name: 'Channel' }).press('Escape');
  await item.getByRole('button', { name: 'Save and send' }).click();

  await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible();
  const copies = (channel: string) =>
    emulator.state
      .listMessages({ team: 'T0ACME001', channel })
      .filter((message) => message.text.includes('https://example.com/moved'));
  expect(copies(general.id)).toHaveLength(1);
  expect(copies(archived.id)).toHaveLength(0);
  await expect(page.getByRole('list', { name: 'Sent messages' })).toContainText('#general');
});
