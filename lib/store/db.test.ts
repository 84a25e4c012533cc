// @vitest-environment node
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCourierDB } from './db';

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
      'settings',
    ]);
    expect([...db.transaction('accounts').store.indexNames].sort()).toEqual(['byProfile', 'byTeam']);
    expect([...db.transaction('chains').store.indexNames]).toEqual(['byAccount']);
    db.close();
  });

  it('opens an existing database without losing its records', async () => {
    const first = await openCourierDB('kept');
    await first.put('settings', 'dark', 'theme');
    first.close();
    const again = await openCourierDB('kept');
    await expect(again.get('settings', 'theme')).resolves.toBe('dark');
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
    expect(() => old.transaction('settings')).toThrow();
  });
});
