import type { DBSchema } from 'idb';
import type { Migration } from './migration';

/** A profile as version 1 typed it. Version 1 allowed other fields; Courier never wrote any. */
export interface ProfileV1 {
  id: string;
  name: string;
}

/** An account as version 1 typed it (it kept no tokens). */
export interface AccountV1 {
  id: string;
  profileId: string;
  teamId: string;
  teamName: string;
  status?: string;
}

export interface SchemaV1 extends DBSchema {
  profiles: { key: string; value: ProfileV1 };
  accounts: { key: string; value: AccountV1; indexes: { byTeam: string; byProfile: string } };
  /** Out-of-line keys; never read by any version of Courier, and dropped by version 6. */
  settings: { key: string; value: unknown };
}

/** Version 0 → 1: a new database. */
export const migrateToV1: Migration<SchemaV1> = (db) => {
  db.createObjectStore('profiles', { keyPath: 'id' });
  const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
  accounts.createIndex('byTeam', 'teamId');
  accounts.createIndex('byProfile', 'profileId');
  db.createObjectStore('settings');
};
