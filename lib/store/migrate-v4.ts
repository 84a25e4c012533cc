import type { CourierDB, UpgradeTransaction } from './db';
import type { IDBPDatabase } from 'idb';

/**
 * Version 3 → 4: the directory cache is stored as columns (lib/directory/columns.ts) instead of one
 * object per target. The cache is only a copy of what Slack lists, so version 3's records are
 * dropped rather than converted (a frozen step must not call today's conversion): the next
 * refresh (on opening the popup, or the alarm) writes them again in the new format, and until then
 * the popup says it is reading the workspace's channels and people.
 */
export function migrateToV4(_db: IDBPDatabase<CourierDB>, tx: UpgradeTransaction): void {
  void tx.objectStore('directory').clear();
}
