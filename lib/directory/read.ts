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

function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
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
    request.onsuccess = () => resolve(request.result as T[]);
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

/**
 * Where the popup's first script (entrypoints/popup-read.ts, a classic script that runs while the
 * page is still being parsed) leaves its read for the popup's modules, which load after it.
 */
const EARLY_READ = 'courierDirectoryRead';
type EarlyReadHolder = { [EARLY_READ]?: Promise<DirectoryRecord[]> };

/** Starts reading the cache for a page whose modules have not loaded yet. */
export function startEarlyRead(): void {
  const read = readDirectory();
  // The page reports a failure once it takes the read; until then it is not unhandled.
  read.catch(() => undefined);
  (globalThis as EarlyReadHolder)[EARLY_READ] = read;
}

/** The read startEarlyRead began, once; undefined when it did not run. */
export function takeEarlyRead(): Promise<DirectoryRecord[]> | undefined {
  const holder = globalThis as EarlyReadHolder;
  const read = holder[EARLY_READ];
  delete holder[EARLY_READ];
  return read;
}
