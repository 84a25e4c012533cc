// @vitest-environment node
import type { IDBPDatabase } from 'idb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { listAccountSummaries } from '../accounts';
import type { CourierDB } from '../db';
import { DB_VERSION, openCourierDB } from '../db';
import { loadSealingKey } from '../keys';
import { createStore } from '../store';
import { v1Fixture } from './testing/fixture-v1';
import { fragments, rawDump } from '../testing/raw-dump';

/** Writes records as an older version would have, bypassing today's types. */
function putRaw(db: IDBPDatabase<CourierDB>, storeName: string, records: readonly unknown[]): Promise<void> {
  const tx = unwrap(db).transaction(storeName, 'readwrite');
  for (const record of records) {
    if (storeName === 'settings') {
      const { key, value } = record as { key: string; value: unknown };
      tx.objectStore(storeName).put(value, key);
    } else tx.objectStore(storeName).put(record);
  }
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('fixture write failed'));
  });
}

interface VersionFixture {
  seed(db: IDBPDatabase<CourierDB>): Promise<void>;
  /** Checks the fixture's data as the current version sees it. */
  check(name: string, db: IDBPDatabase<CourierDB>): Promise<void>;
}

/** One fixture per earlier version: a new migration adds the fixture of the version it leaves. */
const FIXTURES: Record<number, VersionFixture> = {
  1: {
    async seed(db) {
      for (const [storeName, records] of Object.entries(v1Fixture)) await putRaw(db, storeName, records);
    },
    async check(name, db) {
      const store = createStore(db, await loadSealingKey(db), () => 5);
      const profiles = await store.profiles.list();
      expect(profiles.map(({ id, name: profileName }) => [id, profileName])).toEqual([
        ['p1', 'Acme app'],
        ['p2', 'Old app'],
      ]);
      expect(
        profiles.every((profile) => profile.clientSecret === undefined && profile.baseUrl === 'https://slack.com'),
      ).toBe(true);

      const accounts = await store.accounts.list();
      expect(accounts.map(({ id, teamName, status }) => [id, teamName, status])).toEqual([
        ['p1:T1', 'Acme', 'needs_reconnect'],
        ['p2:T2', 'Beta', 'needs_reconnect'],
      ]);
      expect(accounts[0]?.reason).toMatch(/Reconnect/);
      await expect(store.accounts.listByProfile('p2')).resolves.toHaveLength(1);
      await expect(listAccountSummaries(db)).resolves.toHaveLength(2);
      // Its settings store, never read, is gone (version 6).
      expect(unwrap(db).objectStoreNames.contains('settings')).toBe(false);

      const dump = await rawDump(name);
      for (const secret of ['legacy-secret-in-clear-0123456789', 'xoxb-legacy-token-in-clear-42']) {
        for (const fragment of fragments(secret)) expect(dump).not.toContain(fragment);
      }
    },
  },
};

FIXTURES[2] = {
  async seed(db) {
    const store = createStore(db, await loadSealingKey(db), () => 7);
    await store.profiles.put({
      id: 'p1',
      name: 'Acme app',
      baseUrl: 'https://slack.com',
      clientType: 'confidential',
      clientId: '1.2',
      clientSecret: 'v2-secret-0123456789',
      botScopes: ['chat:write'],
      userScopes: [],
      actions: ['send_message'],
    });
    await putRaw(db, 'settings', [{ key: 'theme', value: 'light' }]);
  },
  async check(_name, db) {
    const store = createStore(db, await loadSealingKey(db), () => 8);
    await expect(store.profiles.get('p1')).resolves.toMatchObject({ clientSecret: 'v2-secret-0123456789' });
    expect(unwrap(db).objectStoreNames.contains('settings')).toBe(false);
    await expect(db.count('outbox')).resolves.toBe(0);
    await expect(db.count('directory')).resolves.toBe(0);
  },
};

FIXTURES[3] = {
  async seed(db) {
    const store = createStore(db, await loadSealingKey(db), () => 9);
    await store.profiles.put({
      id: 'p1',
      name: 'Acme app',
      baseUrl: 'https://slack.com',
      clientType: 'confidential',
      clientId: '1.2',
      clientSecret: 'v3-secret-0123456789',
      botScopes: ['chat:write'],
      userScopes: [],
      actions: ['send_message'],
    });
    // The directory as version 3 cached it: one object per target.
    await putRaw(db, 'directory', [
      {
        accountId: 'p1:T1',
        teamName: 'Acme',
        refreshedAt: 1,
        targets: [
          { key: 'p1:T1:C1', accountId: 'p1:T1', teamName: 'Acme', id: 'C1', kind: 'channel', name: 'general' },
        ],
      },
    ]);
    await putRaw(db, 'outbox', [
      {
        id: 'o1',
        accountId: 'p1:T1',
        channel: 'C1',
        label: '#general',
        text: 'hi',
        unfurl: true,
        state: 'failed',
        attempts: 1,
        createdAt: 1,
        nextAttemptAt: 2,
        reason: 'Slack was unreachable.',
      },
    ]);
    await putRaw(db, 'history', [
      { id: 'h1', accountId: 'p1:T1', teamName: 'Acme', channel: 'C1', label: '#general', text: 'sent', sentAt: 3 },
    ]);
  },
  async check(_name, db) {
    const store = createStore(db, await loadSealingKey(db), () => 10);
    await expect(store.profiles.get('p1')).resolves.toMatchObject({ clientSecret: 'v3-secret-0123456789' });
    // The old-format directory is gone: the next refresh writes it as columns.
    await expect(db.count('directory')).resolves.toBe(0);
    await expect(db.get('outbox', 'o1')).resolves.toMatchObject({ state: 'failed', reason: 'Slack was unreachable.' });
    await expect(db.get('history', 'h1')).resolves.toMatchObject({ text: 'sent', sentAt: 3 });
  },
};

FIXTURES[4] = {
  async seed(db) {
    // Directories as version 4 cached them: one in the columns format, one from an older build.
    const columns = { ids: 'C1', names: '', realNames: '', haystacks: 'general', kinds: [0], flags: [2] };
    await putRaw(db, 'directory', [
      { accountId: 'p1:T1', teamName: 'Acme', refreshedAt: 5, format: 2, count: 1, ...columns },
      { accountId: 'p2:T2', teamName: 'Beta', refreshedAt: 6, count: 1, ...columns },
    ]);
  },
  async check(_name, db) {
    // Both kept; the stamp index lists the one with a format, and reading it needs no record.
    await expect(db.count('directory')).resolves.toBe(2);
    const index = db.transaction('directory').store.index('byStamp');
    await expect(index.getAllKeys()).resolves.toEqual(['p1:T1']);
    const cursor = await index.openKeyCursor();
    expect(cursor?.key).toEqual([2, 5]);
  },
};

FIXTURES[5] = {
  async seed(db) {
    await putRaw(db, 'settings', [{ key: 'theme', value: 'dark' }]);
    const columns = { ids: 'C1', names: '', realNames: '', haystacks: 'general', kinds: [0], flags: [2] };
    await putRaw(db, 'directory', [
      { accountId: 'p1:T1', teamName: 'Acme', refreshedAt: 5, format: 2, count: 1, ...columns },
    ]);
    await putRaw(db, 'history', [
      { id: 'h1', accountId: 'p1:T1', teamName: 'Acme', channel: 'C1', label: '#general', text: 'sent', sentAt: 3 },
    ]);
  },
  async check(_name, db) {
    expect(unwrap(db).objectStoreNames.contains('settings')).toBe(false);
    await expect(db.get('history', 'h1')).resolves.toMatchObject({ text: 'sent' });
    await expect(db.transaction('directory').store.index('byStamp').getAllKeys()).resolves.toEqual(['p1:T1']);
  },
};

describe('migrations', () => {
  it('has a fixture for every earlier version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1));
  });

  for (const [version, fixture] of Object.entries(FIXTURES).map(([v, f]) => [Number(v), f] as const)) {
    it(`upgrades a version ${version} database to version ${DB_VERSION}, keeping its data`, async () => {
      const name = `from-v${version}`;
      const old = await openCourierDB(name, version);
      expect(old.version).toBe(version);
      await fixture.seed(old);
      old.close();

      const current = await openCourierDB(name);
      expect(current.version).toBe(DB_VERSION);
      expect([...current.objectStoreNames].sort()).toEqual([
        'accounts',
        'chains',
        'directory',
        'history',
        'keys',
        'outbox',
        'profiles',
      ]);
      await fixture.check(name, current);
      current.close();
    });

    it(`upgrades an empty version ${version} database`, async () => {
      (await openCourierDB(`empty-v${version}`, version)).close();
      const current = await openCourierDB(`empty-v${version}`);
      expect(current.version).toBe(DB_VERSION);
      await expect(createStore(current, await loadSealingKey(current)).profiles.list()).resolves.toEqual([]);
      current.close();
    });
  }
});
