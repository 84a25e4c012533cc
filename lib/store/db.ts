import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { openDB } from 'idb';
import { migrateToV2 } from './migrate-v2';
import { migrateToV3 } from './migrate-v3';
import { migrateToV4 } from './migrate-v4';
import { migrateToV5 } from './migrate-v5';
import type { Account, KeyRecord, StoredChain, StoredProfile } from './records';
import type { DirectoryRecord, HistoryEntry, OutboxItem } from './sending-records';

export const DB_NAME = 'courier';

/** Records as stored at the current version; repositories still parse what they read. */
export interface CourierDB extends DBSchema {
  profiles: { key: string; value: StoredProfile };
  accounts: { key: string; value: Account; indexes: { byTeam: string; byProfile: string } };
  chains: { key: string; value: StoredChain; indexes: { byAccount: string } };
  keys: { key: string; value: KeyRecord };
  settings: { key: string; value: unknown };
  directory: { key: string; value: DirectoryRecord; indexes: { byStamp: [number, number] } };
  outbox: { key: string; value: OutboxItem; indexes: { byState: string } };
  history: { key: string; value: HistoryEntry; indexes: { bySentAt: number } };
}

export type UpgradeTransaction = IDBPTransaction<CourierDB, StoreNames<CourierDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<CourierDB>, tx: UpgradeTransaction) => void;

/**
 * Numbered migrations; index i upgrades version i to i + 1. Append only: a released step never
 * changes, so every earlier database reaches the current shape the same way.
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('profiles', { keyPath: 'id' });
    const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
    accounts.createIndex('byTeam', 'teamId');
    accounts.createIndex('byProfile', 'profileId');
    db.createObjectStore('settings');
  },
  migrateToV2,
  migrateToV3,
  migrateToV4,
  migrateToV5,
];

export const DB_VERSION = MIGRATIONS.length;

export async function openCourierDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<CourierDB>> {
  const db = await openDB<CourierDB>(name, version, {
    upgrade(db, oldVersion, newVersion, transaction) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) MIGRATIONS[step]?.(db, transaction);
    },
    // A newer Courier (just updated) wants to upgrade: step aside rather than block it.
    blocking() {
      db.close();
    },
  });
  return db;
}
