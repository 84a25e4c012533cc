// @vitest-environment node
import type { DBSchema, IDBPDatabase } from 'idb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCourierDB } from '../db';
import { LATEST_VERSION } from '.';
import { v1Fixture } from './testing/fixture-v1';
import {
  accountV2,
  chainV2,
  directoriesV4,
  directoryV3,
  historyEntryV3,
  outboxItemV3,
  profileV2,
} from './testing/samples';
import type { SchemaV1 } from './v1';
import type { SchemaV2 } from './v2';
import type { SchemaV3 } from './v3';
import type { SchemaV4 } from './v4';
import type { SchemaV5 } from './v5';
import type { SchemaV6 } from './v6';

/**
 * One test per step: a database at the step's starting version holding a sample of that version's
 * records, opened at the step's version, read back through the schema of that version.
 */

/** The database at `version`, typed as that version's schema (the runner is untyped). */
async function at<S extends DBSchema>(name: string, version: number): Promise<IDBPDatabase<S>> {
  const db = await openCourierDB(name, version);
  expect(db.version).toBe(version);
  return db as unknown as IDBPDatabase<S>;
}

const stores = <S extends DBSchema>(db: IDBPDatabase<S>) => [...unwrap(db).objectStoreNames].sort();

describe('each migration', () => {
  it('covers every version up to the latest', () => {
    expect(LATEST_VERSION).toBe(6);
  });

  it('1: creates profiles, accounts (by team and by profile) and settings', async () => {
    const db = await at<SchemaV1>('step-1', 1);
    expect(stores(db)).toEqual(['accounts', 'profiles', 'settings']);
    expect([...db.transaction('accounts').store.indexNames].sort()).toEqual(['byProfile', 'byTeam']);
    db.close();
  });

  it('2: adds keys and chains and rebuilds version 1 profiles and accounts, dropping what version 1 never wrote', async () => {
    const old = await at<SchemaV1>('step-2', 1);
    for (const profile of v1Fixture.profiles) await old.put('profiles', profile);
    for (const account of v1Fixture.accounts) await old.put('accounts', account);
    old.close();

    const before = Date.now();
    const db = await at<SchemaV2>('step-2', 2);
    expect(stores(db)).toEqual(['accounts', 'chains', 'keys', 'profiles', 'settings']);
    const [profile, stray] = await db.getAll('profiles');
    expect(profile).toEqual({
      id: 'p1',
      name: 'Acme app',
      baseUrl: 'https://slack.com',
      clientType: 'confidential',
      clientId: '',
      botScopes: [],
      userScopes: [],
      actions: [],
      createdAt: expect.any(Number) as number,
      updatedAt: profile?.createdAt,
    });
    expect(profile?.createdAt).toBeGreaterThanOrEqual(before);
    expect(stray).not.toHaveProperty('clientSecret');
    const accounts = await db.getAll('accounts');
    expect(accounts.map(({ id, status }) => [id, status])).toEqual([
      ['p1:T1', 'needs_reconnect'],
      ['p2:T2', 'needs_reconnect'],
    ]);
    expect(accounts[1]).not.toHaveProperty('accessToken');
    expect(accounts[0]?.reason).toMatch(/Reconnect this workspace/);
    db.close();
  });

  it('2: names a version 1 profile that had no name', async () => {
    const old = await at<SchemaV1>('step-2-unnamed', 1);
    await old.put('profiles', { id: 'p1', name: '' });
    old.close();
    const db = await at<SchemaV2>('step-2-unnamed', 2);
    await expect(db.get('profiles', 'p1')).resolves.toMatchObject({ name: 'Unnamed profile' });
    db.close();
  });

  it('3: adds the directory, the outbox (by state) and the history (by sent time), keeping version 2 records', async () => {
    const old = await at<SchemaV2>('step-3', 2);
    await old.put('profiles', profileV2);
    await old.put('accounts', accountV2);
    await old.put('chains', chainV2);
    old.close();

    const db = await at<SchemaV3>('step-3', 3);
    expect(stores(db)).toEqual([
      'accounts',
      'chains',
      'directory',
      'history',
      'keys',
      'outbox',
      'profiles',
      'settings',
    ]);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['byState']);
    expect([...db.transaction('history').store.indexNames]).toEqual(['bySentAt']);
    await expect(db.get('profiles', 'p1')).resolves.toEqual(profileV2);
    await expect(db.get('accounts', 'p1:T1')).resolves.toEqual(accountV2);
    await expect(db.getAllFromIndex('chains', 'byAccount', 'p1:T1')).resolves.toEqual([chainV2]);
    db.close();
  });

  it('4: drops version 3 directories (one object per target), keeping the outbox and history', async () => {
    const old = await at<SchemaV3>('step-4', 3);
    await old.put('directory', directoryV3);
    await old.put('outbox', outboxItemV3);
    await old.put('history', historyEntryV3);
    old.close();

    const db = await at<SchemaV4>('step-4', 4);
    await expect(db.count('directory')).resolves.toBe(0);
    await expect(db.getAllFromIndex('outbox', 'byState', 'failed')).resolves.toEqual([outboxItemV3]);
    await expect(db.getAllFromIndex('history', 'bySentAt', 3)).resolves.toEqual([historyEntryV3]);
    db.close();
  });

  it('5: indexes directories by format and refresh time, leaving out those without a format', async () => {
    const old = await at<SchemaV4>('step-5', 4);
    for (const directory of directoriesV4) await old.put('directory', directory);
    old.close();

    const db = await at<SchemaV5>('step-5', 5);
    await expect(db.getAll('directory')).resolves.toEqual(directoriesV4);
    await expect(db.getAllKeysFromIndex('directory', 'byStamp')).resolves.toEqual(['p1:T1']);
    db.close();
  });

  it('6: drops the settings store, whatever it held, and nothing else', async () => {
    const old = await at<SchemaV5>('step-6', 5);
    await old.put('settings', 'dark', 'theme');
    await old.put('history', historyEntryV3);
    const [withFormat] = directoriesV4;
    await old.put('directory', withFormat!);
    old.close();

    const db = await at<SchemaV6>('step-6', 6);
    expect(stores(db)).toEqual(['accounts', 'chains', 'directory', 'history', 'keys', 'outbox', 'profiles']);
    await expect(db.get('history', 'h1')).resolves.toEqual(historyEntryV3);
    await expect(db.getAllKeysFromIndex('directory', 'byStamp')).resolves.toEqual(['p1:T1']);
    db.close();
  });
});
