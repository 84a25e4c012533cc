import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB, unwrap } from 'idb';
import { LATEST_VERSION, upgrade } from './migrations';
import type { Account, KeyRecord, StoredChain, StoredProfile } from './records';
import type { DirectoryRecord, HistoryEntry, OutboxItem } from './sending-records';

export const DB_NAME = 'courier';

/**
 * Records as stored at the current version; repositories still parse what they read. The stores
 * and indexes are the latest migration's (lib/store/migrations/); db.test.ts checks they agree.
 */
export interface CourierDB extends DBSchema {
  profiles: { key: string; value: StoredProfile };
  accounts: { key: string; value: Account; indexes: { byTeam: string; byProfile: string } };
  chains: { key: string; value: StoredChain; indexes: { byAccount: string } };
  keys: { key: string; value: KeyRecord };
  directory: { key: string; value: DirectoryRecord; indexes: { byStamp: [number, number] } };
  outbox: { key: string; value: OutboxItem; indexes: { byState: string } };
  history: { key: string; value: HistoryEntry; indexes: { bySentAt: number } };
}

export const DB_VERSION = LATEST_VERSION;

export async function openCourierDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<CourierDB>> {
  const db = await openDB<CourierDB>(name, version, {
    upgrade(db, oldVersion, newVersion, transaction) {
      upgrade(unwrap(db), unwrap(transaction), oldVersion, newVersion ?? version);
    },
    // A newer Courier (just updated) wants to upgrade: step aside rather than block it.
    blocking() {
      db.close();
    },
  });
  return db;
}
