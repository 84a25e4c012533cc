import type { DBSchema } from 'idb';
import type { Migration } from './migration';
import type { AccountV2, ChainV2, KeyV2, ProfileV2 } from './v2';
import type { HistoryEntryV3, OutboxItemV3 } from './v3';
import type { DirectoryV4 } from './v4';

export interface SchemaV5 extends DBSchema {
  profiles: { key: string; value: ProfileV2 };
  accounts: { key: string; value: AccountV2; indexes: { byTeam: string; byProfile: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: KeyV2 };
  chains: { key: string; value: ChainV2; indexes: { byAccount: string } };
  directory: { key: string; value: DirectoryV4; indexes: { byStamp: [number, number] } };
  outbox: { key: string; value: OutboxItemV3; indexes: { byState: string } };
  history: { key: string; value: HistoryEntryV3; indexes: { bySentAt: number } };
}

/**
 * Version 4 → 5: an index over each cached directory's format and refresh time, so the worker's
 * staleness check (run on every popup opening) reads a few keys instead of whole directories of
 * several megabytes. Records are untouched; IndexedDB indexes the existing ones.
 */
export const migrateToV5: Migration<SchemaV5> = (_db, tx) => {
  tx.objectStore('directory').createIndex('byStamp', ['format', 'refreshedAt']);
};
