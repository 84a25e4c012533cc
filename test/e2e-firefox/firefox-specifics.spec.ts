import type { browser } from 'wxt/browser';
import { channelTarget, conversationNamed } from '../support/extension-calls';
import { askFrom, eventPageAlive, inBackground, linkDemoWorkspace, waitForSuspension } from '../support/firefox-page';
import { expect, test } from './fixtures';

type Ext = typeof browser;

test.use({ idleTimeoutMs: 1_000 });

test('menus are created in Firefox, follow the recent targets, and a click from the tab context sends the tab', async ({
  emulator,
  firefox,
  options,
}) => {
  const { page, errors } = options;
  /** update() succeeds only for an item that exists: Firefox has no menus.getAll. */
  const exists = (id: string) =>
    page.evaluate(
      (id) =>
        (globalThis as unknown as { browser: Ext }).browser.contextMenus.update(id, {}).then(
          () => true,
          () => false,
        ),
      id,
    );
  for (const kind of ['page', 'link', 'selection', 'image', 'file', 'screenshot']) {
    await expect.poll(() => exists(`courier:${kind}`)).toBe(true);
    expect(await exists(`courier:${kind}:choose`)).toBe(true);
  }
  expect(await exists('courier:screenshot:region')).toBe(true);
  expect(await exists('courier:does-not-exist')).toBe(false);

  const account = await linkDemoWorkspace(firefox, page, emulator.url);
  const general = conversationNamed(emulator, 'general');
  const key = `${account.id}:${general.id}`;
  await page.evaluate(
    (recents) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set({ 'recent-targets': recents }),
    [{ key, label: '#general · Acme Corp' }],
  );
  await expect.poll(() => exists(`courier:page:recent:${key}`)).toBe(true);

  // Firefox offers the page item on a tab's own context menu too: the click has no pageUrl, and the
  // clicked tab is the page (the same handler the menus' onClicked listener calls).
  await inBackground(
    page,
    'menuClick',
    { menuItemId: `courier:page:recent:${key}`, viewType: undefined },
    { url: 'https://example.com/from-a-tab', title: 'A tab & its title' },
  );
  const posted = emulator.state.listMessages({ team: 'T0ACME001', channel: general.id });
  expect(posted.at(-1)?.text).toContain('<https://example.com/from-a-tab|A tab &amp; its title>');
  expect(errors).toEqual([]);
});

test('the wake alarm is one alarm at the next due moment, never sooner than a minute, and survives event-page suspension', async ({
  emulator,
  firefox,
  options,
}) => {
  const { page } = options;
  const alarms = () => page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.alarms.getAll());
  const startedAt = async () => {
    const reply = await askFrom(page, 'ping', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.startedAt;
  };
  // Nothing linked, so nothing is due: no alarm wakes the event page (the old one came every minute).
  await startedAt();
  expect(await alarms()).toEqual([]);

  const linkedAt = Date.now();
  const account = await linkDemoWorkspace(firefox, page, emulator.url);
  await expect.poll(async () => (await alarms()).length).toBe(1);
  const first = (await alarms())[0]!;
  expect(first.name).toBe('courier-refresh');
  // No period (Firefox says null).
  expect(first.periodInMinutes ?? undefined).toBeUndefined();
  // The emulator's tokens last 12 h and are refreshed 2 h before they expire.
  expect(first.scheduledTime).toBeGreaterThanOrEqual(linkedAt + 10 * 3_600_000 - 1_000);
  expect(first.scheduledTime).toBeLessThanOrEqual(Date.now() + 10 * 3_600_000);
  const due = (await inBackground(page, 'dueMoments')) as { refresh?: number };
  expect(first.scheduledTime).toBe(due.refresh);

  const before = await startedAt();
  expect(await eventPageAlive(page)).toBe(true);
  await waitForSuspension(page);
  expect(await startedAt(), 'a new event page started').toBeGreaterThan(before);
  expect(await eventPageAlive(page)).toBe(true);
  // The new event page verified the alarm and left its schedule alone.
  expect(await alarms()).toEqual([first]);

  // A retry due in seconds (a 5xx): the alarm keeps Firefox's one-minute minimum (the event page's
  // own timer retries sooner while it lives).
  emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500', count: -1 });
  const general = conversationNamed(emulator, 'general');
  const sentAt = Date.now();
  const reply = await askFrom(page, 'send', {
    targets: [channelTarget(account.id, general)],
    share: { kind: 'page', url: 'https://example.com/a', title: 'A page' },
    unfurl: false,
  });
  expect(reply).toMatchObject({ ok: true, value: [{ state: 'queued' }] });
  await expect.poll(async () => (await alarms())[0]!.scheduledTime).toBeLessThan(first.scheduledTime);
  const retry = (await alarms())[0]!;
  expect(retry.periodInMinutes ?? undefined).toBeUndefined();
  expect(retry.scheduledTime).toBeGreaterThanOrEqual(sentAt + 60_000);
  emulator.state.faults.clear();
});
