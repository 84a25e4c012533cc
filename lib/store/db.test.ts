// @vitest-environment node
import type { StoreNames } from 'idb';
import { openDB } from 'idb';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CourierDB } from './db';
import { DB_VERSION, openCourierDB } from './db';
import type { LatestSchema } from './migrations';

describe('courier database', () => {
  it('creates every store at the current version', async () => {
    const db = await openCourierDB('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'accounts',
      'chains',
      'directory',
      'history',
      'keys',
      'outbox',
      'profiles',
    ]);
    expect([...db.transaction('accounts').store.indexNames].sort()).toEqual(['byProfile', 'byTeam']);
    expect([...db.transaction('chains').store.indexNames]).toEqual(['byAccount']);
    db.close();
  });

  it('types the same stores as the latest migration makes', () => {
    expectTypeOf<StoreNames<CourierDB>>().toEqualTypeOf<StoreNames<LatestSchema>>();
  });

  it('opens an existing database without losing its records', async () => {
    const first = await openCourierDB('kept');
    const entry = {
      id: 'h1',
      accountId: 'p1:T1',
      teamName: 'Acme',
      channel: 'C1',
      label: '#general',
      text: 'hi',
      sentAt: 1,
    };
    await first.put('history', entry);
    first.close();
    const again = await openCourierDB('kept');
    await expect(again.get('history', 'h1')).resolves.toEqual(entry);
    again.close();
  });

  it('refuses to open when a newer Courier already upgraded the database', async () => {
    const newer = await openDB('newer', DB_VERSION + 1);
    newer.close();
    await expect(openCourierDB('newer')).rejects.toThrow();
  });

  it('closes itself when a newer version needs to upgrade, instead of blocking it', async () => {
    const old = await openCourierDB('blocking');
    const newer = await openDB('blocking', DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    expect(() => old.transaction('profiles')).toThrow();
  });
});
