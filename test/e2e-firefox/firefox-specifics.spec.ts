import type { browser } from 'wxt/browser';
import { conversationNamed } from '../support/extension-calls';
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

test('the refresh alarm keeps Firefox’s one-minute minimum and survives event-page suspension', async ({ options }) => {
  const { page } = options;
  const installedAt = Date.now();
  const alarm = () =>
    page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.alarms.get('courier-refresh'));
  const startedAt = async () => {
    const reply = await askFrom(page, 'ping', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.startedAt;
  };
  await expect.poll(alarm).toBeTruthy();
  const first = (await alarm())!;
  expect(first.periodInMinutes).toBe(1);
  // Temporary add-ons are not rounded up by Firefox, so this is the schedule Courier asked for.
  expect(first.scheduledTime - installedAt).toBeGreaterThanOrEqual(55_000);

  const before = await startedAt();
  expect(await eventPageAlive(page)).toBe(true);
  await waitForSuspension(page);
  expect(await startedAt(), 'a new event page started').toBeGreaterThan(before);
  expect(await eventPageAlive(page)).toBe(true);
  // The new event page verified the alarm and left its schedule alone.
  expect(await page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.alarms.getAll())).toEqual([
    first,
  ]);
});
