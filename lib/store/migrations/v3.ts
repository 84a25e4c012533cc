import type { DBSchema } from 'idb';
import type { Migration } from './migration';
import type { AccountV2, ChainV2, KeyV2, ProfileV2 } from './v2';

/** The directory as version 3 cached it: one object per target. */
export interface DirectoryV3 {
  accountId: string;
  teamName: string;
  refreshedAt: number;
  targets: unknown[];
}

/** An outbox item: what its key and the byState index read; the rest is the send. */
export interface OutboxItemV3 {
  id: string;
  state: string;
  [more: string]: unknown;
}

/** A history entry: what its key and the bySentAt index read; the rest is what was sent. */
export interface HistoryEntryV3 {
  id: string;
  sentAt: number;
  [more: string]: unknown;
}

export interface SchemaV3 extends DBSchema {
  profiles: { key: string; value: ProfileV2 };
  accounts: { key: string; value: AccountV2; indexes: { byTeam: string; byProfile: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: KeyV2 };
  chains: { key: string; value: ChainV2; indexes: { byAccount: string } };
  directory: { key: string; value: DirectoryV3 };
  outbox: { key: string; value: OutboxItemV3; indexes: { byState: string } };
  history: { key: string; value: HistoryEntryV3; indexes: { bySentAt: number } };
}

/**
 * Version 3 adds what sending needs: the directory cache (one record per account, read whole by
 * the popup), the outbox (written before every send) and the history of what was sent.
 */
export const migrateToV3: Migration<SchemaV3> = (db) => {
  db.createObjectStore('directory', { keyPath: 'accountId' });
  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('byState', 'state');
  const history = db.createObjectStore('history', { keyPath: 'id' });
  history.createIndex('bySentAt', 'sentAt');
};
