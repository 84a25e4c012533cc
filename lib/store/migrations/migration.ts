import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { wrap } from 'idb';

/** The versionchange transaction, typed over the stores of schema `S`. */
export type UpgradeTransaction<S extends DBSchema> = IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;

/**
 * One numbered step. `S` is the schema of the step's own version (the stores it sees or creates,
 * and their records as that version wrote them), never today's: a released step is frozen, so it
 * must not change when today's records do.
 */
export type Migration<S extends DBSchema> = (db: IDBPDatabase<S>, tx: UpgradeTransaction<S>) => void;

/** A step as the runner holds it: the runner knows no version's schema, only the order. */
export type AnyMigration = (db: IDBDatabase, tx: IDBTransaction) => void;

/**
 * A step for the runner's list: idb's types are only a view of the raw database, which every step
 * shares (wrap returns the same wrapper the open request made).
 */
export const step =
  <S extends DBSchema>(migration: Migration<S>): AnyMigration =>
  (db, tx) =>
    migration(wrap(db) as unknown as IDBPDatabase<S>, wrap(tx) as unknown as UpgradeTransaction<S>);

// Raw callbacks, not promises: the versionchange transaction must see every request queued while
// it is still active, and a failing put must abort the upgrade rather than reject into nowhere.
export function rewriteEach<Old, New>(store: IDBObjectStore, upgrade: (old: Old) => New): void {
  const request = store.openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return;
    cursor.update(upgrade(cursor.value as Old));
    cursor.continue();
  };
}
