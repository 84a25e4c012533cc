import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCourierDB } from './db';

describe('courier database', () => {
  it('creates every store at the current version', async () => {
    const db = await openCourierDB('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'profiles', 'settings']);
    expect([...db.transaction('accounts').store.indexNames].sort()).toEqual(['byProfile', 'byTeam']);
    db.close();
  });

  it('opens an existing database without losing its records', async () => {
    const first = await openCourierDB('kept');
    await first.put('profiles', { id: 'p1', name: 'Acme app' });
    first.close();
    const again = await openCourierDB('kept');
    await expect(again.get('profiles', 'p1')).resolves.toEqual({ id: 'p1', name: 'Acme app' });
    again.close();
  });

  it('refuses to open when a newer Courier already upgraded the database', async () => {
    const newer = await openDB('newer', DB_VERSION + 1);
    newer.close();
    await expect(openCourierDB('newer')).rejects.toThrow();
  });
});
