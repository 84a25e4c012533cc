import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCourierDB } from '../store/db';
import type { DirectoryRecord } from '../store/sending-records';
import { DIRECTORY_FORMAT, targetsOf } from './columns';
import { readDirectory } from './read';
import { channelDirectory } from './testing/records';

const record = channelDirectory('acc-1', 'Acme Corp', [{ id: 'C1', name: 'general' }]);

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

describe('readDirectory', () => {
  it('returns [] and creates no database when none exists', async () => {
    await expect(readDirectory()).resolves.toEqual([]);
    expect(await databaseNames()).not.toContain('courier');
    // The background can still create it from scratch at its version.
    const db = await openCourierDB();
    expect(db.objectStoreNames.contains('directory')).toBe(true);
    db.close();
  });

  it('returns [] when the database predates the directory store, and leaves its version alone', async () => {
    const old = await openDB('courier', 2, { upgrade: (db) => void db.createObjectStore('settings') });
    old.close();
    await expect(readDirectory()).resolves.toEqual([]);
    const again = await openDB('courier');
    expect(again.version).toBe(2);
    again.close();
  });

  it('reads every cached record', async () => {
    const db = await openCourierDB();
    await db.put('directory', record);
    await expect(readDirectory()).resolves.toEqual([record]);
    // It closed its connection: the background can still upgrade.
    db.close();
    const upgraded = await openDB('courier', db.version + 1);
    expect(upgraded.version).toBe(db.version + 1);
    upgraded.close();
  });

  it('leaves out records of another format, which the background rewrites at its next refresh', async () => {
    const db = await openCourierDB();
    await db.put('directory', record);
    await db.put('directory', { ...record, accountId: 'acc-old', format: DIRECTORY_FORMAT + 1 });
    // A record as version 3 stored it: one object per target, no format.
    const old = { accountId: 'acc-v3', teamName: 'Old', refreshedAt: 1, targets: targetsOf(record) };
    await db.put('directory', old as unknown as DirectoryRecord);
    db.close();
    const read = await readDirectory();
    expect(read.map((found) => found.accountId)).toEqual(['acc-1']);
    expect(targetsOf(read[0]!)).toEqual([
      {
        key: 'acc-1:C1',
        accountId: 'acc-1',
        teamName: 'Acme Corp',
        id: 'C1',
        kind: 'channel',
        name: 'general',
        isMember: false,
      },
    ]);
  });
});
