import type { DirectoryRecord } from '../store/sending-records';
import { DIRECTORY_FORMAT } from './columns';

/**
 * Reads the directory cache straight from IndexedDB, for pages that must show targets at once (the
 * popup). Read-only: the background owns the database, its version and its migrations, so this
 * imports none of them and never creates, upgrades or deletes anything. Plain IndexedDB rather
 * than idb: two requests do not need a wrapper in the popup's budget.
 *
 * Opening without a version opens whatever version exists. When no database exists, the browser
 * would create an empty version 1 instead, which would then make the background skip the step that
 * creates the first stores; so an upgrade here (old version 0: nothing existed) is aborted, which
 * leaves no database behind.
 */

const DB_NAME = 'courier';
const STORE = 'directory';

/**
 * Performance marks of the popup's directory, for the benchmark's breakdown (bench/popup.bench.ts):
 * the database open, the records arrived and deserialized, the picker's index made from them.
 */
export const DIRECTORY_MARKS = {
  opened: 'directory-opened',
  read: 'directory-read',
  indexed: 'directory-indexed',
} as const;

function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      performance.mark(DIRECTORY_MARKS.opened);
      const db = request.result;
      // The background wants to upgrade: never stand in its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (request.error?.name !== 'AbortError') return reject(request.error ?? new Error('IndexedDB failed'));
      event.preventDefault();
      resolve(undefined);
    };
  });
}

function getAll<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => {
      const result = request.result as T[];
      performance.mark(DIRECTORY_MARKS.read);
      resolve(result);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
  });
}

/**
 * Every workspace's cached directory; [] when the background has not written one yet. Records of
 * another format (written by an older Courier, before the background upgraded them) are left out:
 * the background's next refresh replaces them.
 */
export async function readDirectory(name = DB_NAME): Promise<DirectoryRecord[]> {
  const db = await openExisting(name);
  if (!db) return [];
  try {
    const records = db.objectStoreNames.contains(STORE) ? await getAll<DirectoryRecord>(db, STORE) : [];
    return records.filter((record) => record.format === DIRECTORY_FORMAT);
  } finally {
    db.close();
  }
}
