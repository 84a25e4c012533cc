import type { CourierDB, UpgradeTransaction } from './db';
import type { IDBPDatabase } from 'idb';

/**
 * Version 4 → 5: an index over each cached directory's format and refresh time, so the worker's
 * staleness check (run on every popup opening) reads a few keys instead of whole directories of
 * several megabytes. Records are untouched; IndexedDB indexes the existing ones.
 */
export function migrateToV5(_db: IDBPDatabase<CourierDB>, tx: UpgradeTransaction): void {
  tx.objectStore('directory').createIndex('byStamp', ['format', 'refreshedAt']);
}
