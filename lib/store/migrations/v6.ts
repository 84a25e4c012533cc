import type { DBSchema } from 'idb';
import type { Migration } from './migration';
import type { AccountV2, ChainV2, KeyV2, ProfileV2 } from './v2';
import type { HistoryEntryV3, OutboxItemV3 } from './v3';
import type { DirectoryV4 } from './v4';
import type { SchemaV5 } from './v5';

export interface SchemaV6 extends DBSchema {
  profiles: { key: string; value: ProfileV2 };
  accounts: { key: string; value: AccountV2; indexes: { byTeam: string; byProfile: string } };
  keys: { key: string; value: KeyV2 };
  chains: { key: string; value: ChainV2; indexes: { byAccount: string } };
  directory: { key: string; value: DirectoryV4; indexes: { byStamp: [number, number] } };
  outbox: { key: string; value: OutboxItemV3; indexes: { byState: string } };
  history: { key: string; value: HistoryEntryV3; indexes: { bySentAt: number } };
}

/**
 * Version 5 → 6: drops the `settings` store, which version 1 created and no version ever read or
 * wrote. Settings live in storage.local, one typed item each (lib/store/settings.ts). Typed
 * against version 5, whose store it removes.
 */
export const migrateToV6: Migration<SchemaV5> = (db) => {
  db.deleteObjectStore('settings');
};
