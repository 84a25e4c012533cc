import type { DBSchema } from 'idb';
import type { Migration } from './migration';
import type { AccountV2, ChainV2, KeyV2, ProfileV2 } from './v2';
import type { HistoryEntryV3, OutboxItemV3 } from './v3';

/**
 * The directory as columns (lib/directory/columns.ts at version 4): one string or array per field,
 * one entry per target. `format` names the columns' layout; builds before it had none.
 */
export interface DirectoryV4 {
  accountId: string;
  teamName: string;
  refreshedAt: number;
  format?: number;
  count: number;
  [column: string]: unknown;
}

export interface SchemaV4 extends DBSchema {
  profiles: { key: string; value: ProfileV2 };
  accounts: { key: string; value: AccountV2; indexes: { byTeam: string; byProfile: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: KeyV2 };
  chains: { key: string; value: ChainV2; indexes: { byAccount: string } };
  directory: { key: string; value: DirectoryV4 };
  outbox: { key: string; value: OutboxItemV3; indexes: { byState: string } };
  history: { key: string; value: HistoryEntryV3; indexes: { bySentAt: number } };
}

/**
 * Version 3 → 4: the directory cache is stored as columns (lib/directory/columns.ts) instead of one
 * object per target. The cache is only a copy of what Slack lists, so version 3's records are
 * dropped rather than converted (a frozen step must not call today's conversion): the next
 * refresh (on opening the popup, or the alarm) writes them again in the new format, and until then
 * the popup says it is reading the workspace's channels and people.
 */
export const migrateToV4: Migration<SchemaV4> = (_db, tx) => {
  void tx.objectStore('directory').clear();
};
