import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';

export const DB_NAME = 'courier';

/** Raw records as stored; repositories parse them before handing them out. */
export interface CourierDB extends DBSchema {
  profiles: { key: string; value: { id: string; name: string; [field: string]: unknown } };
  accounts: {
    key: string;
    value: { id: string; profileId: string; teamId: string; teamName: string; [field: string]: unknown };
    indexes: { byTeam: string; byProfile: string };
  };
  settings: { key: string; value: unknown };
}

type Migration = (db: IDBPDatabase<CourierDB>) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;

export function openCourierDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<CourierDB>> {
  return openDB<CourierDB>(name, version, {
    upgrade(db, oldVersion, newVersion) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) MIGRATIONS[step]?.(db);
    },
  });
}
