// @vitest-environment node
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { DEMO_APP, startEmulator } from '../../test/emulator/index';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import { DIRECTORY_FORMAT } from './columns';
import { DIRECTORY_MAX_AGE_MS, refreshStaleDirectories } from './refresh';
import { createServices } from '../background/services';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { directoryStamp, STAMP_KEY } from './stamp';

const TEAMS = ['T0ACME001', 'T0BETA002'];
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

/** Two linked workspaces; `reads` counts the directory calls Courier makes to Slack. */
async function linkedTwice() {
  let reads = 0;
  const services = await createServices({
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (/\/(users\.list|conversations\.list|users\.conversations)$/.test(url)) reads++;
      return fetch(input, init);
    },
  });
  const profile = await services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const accounts = [];
  emulator.state.seed({
    workspaces: TEAMS.map((teamId) => ({ teamId, name: teamId, users: 5, channels: 5, content: false })),
  });
  for (const teamId of TEAMS) {
    const body = emulator.state.install({
      teamId,
      botScopes: ['channels:read', 'users:read'],
      userScopes: [],
    });
    accounts.push(await linkFromBody(services.store, profile, body, Date.now()));
  }
  return { services, accounts, reads: () => reads };
}

it('refreshes missing directories, then leaves fresh ones alone and refreshes only a stale or old-format one', async () => {
  const { services, accounts, reads } = await linkedTwice();
  const [acme, beta] = accounts;

  await expect(refreshStaleDirectories(services.directories)).resolves.toBe(2);
  const afterFirst = reads();
  expect(afterFirst).toBeGreaterThan(0);

  // Both fresh: nothing is read from Slack.
  await expect(refreshStaleDirectories(services.directories)).resolves.toBe(0);
  expect(reads()).toBe(afterFirst);

  // Acme's went stale; Beta's was written by another format: each is read again.
  const db = services.store.db;
  const stale = (await db.get('directory', acme!.id))!;
  await db.put('directory', { ...stale, refreshedAt: Date.now() - DIRECTORY_MAX_AGE_MS - 1 });
  await expect(refreshStaleDirectories(services.directories)).resolves.toBe(1);
  const other = (await db.get('directory', beta!.id))!;
  await db.put('directory', { ...other, format: DIRECTORY_FORMAT - 1 });
  await expect(refreshStaleDirectories(services.directories)).resolves.toBe(1);
  expect((await db.get('directory', beta!.id))?.format).toBe(DIRECTORY_FORMAT);

  await expect(refreshStaleDirectories(services.directories, true)).resolves.toBe(2);
  // Each write publishes what the cache now holds: a page's copy of older records is not shown.
  const cached = await Promise.all(accounts.map((account) => db.get('directory', account.id)));
  expect(cached.every(Boolean)).toBe(true);
  const published = (await fakeBrowser.storage.local.get(STAMP_KEY))[STAMP_KEY];
  expect(published).toBe(directoryStamp(cached.map((record) => record!)));
});
