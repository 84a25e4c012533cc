import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { CourierDB } from './db';
import type { HistoryEntry, OutboxItem } from './sending-records';

type Scope = ['outbox', 'history'];
type Write = (tx: IDBPTransaction<CourierDB, Scope, 'readwrite'>) => Promise<unknown>;

/** The attempts' writes to the outbox and history, as one transaction per turn of the event loop. */
export interface OutboxWrites {
  /** Stores the item as it is now ('sending' before an attempt, 'pending' or 'failed' after one). */
  put(item: OutboxItem): Promise<void>;
  /** Slack has it: out of the outbox and into history together, so a stopped worker loses neither. */
  move(id: string, entry: HistoryEntry): Promise<void>;
}

/**
 * Gathers the writes asked for in the same turn into one transaction: the fifty attempts of a
 * fan-out mark their items 'sending' in one transaction instead of fifty, each queued behind the
 * last. A write has committed when its promise resolves, as with a transaction of its own; if the
 * transaction fails, every write in it failed and each caller hears so.
 */
export function createOutboxWrites(db: IDBPDatabase<CourierDB>): OutboxWrites {
  let queued: { write: Write; resolve: () => void; reject: (error: unknown) => void }[] = [];

  function commit(): void {
    const writes = queued;
    queued = [];
    let tx: IDBPTransaction<CourierDB, Scope, 'readwrite'>;
    try {
      tx = db.transaction(['outbox', 'history'], 'readwrite');
    } catch (error) {
      // The database is closing (a newer Courier wants to upgrade it): nothing was written.
      for (const { reject } of writes) reject(error);
      return;
    }
    const requests = writes.map(({ write, reject }) => {
      try {
        return write(tx);
      } catch (error) {
        // Refused before it reached the database (a value that cannot be stored): only this write.
        reject(error);
        return undefined;
      }
    });
    Promise.all([...requests, tx.done]).then(
      () => writes.forEach(({ resolve }) => resolve()),
      (error: unknown) => writes.forEach(({ reject }) => reject(error)),
    );
  }

  const later = (write: Write) =>
    new Promise<void>((resolve, reject) => {
      if (queued.push({ write, resolve, reject }) === 1) queueMicrotask(commit);
    });

  return {
    put: (item) => later((tx) => tx.objectStore('outbox').put(item)),
    move: (id, entry) =>
      later((tx) => {
        // History first: a put refused on the spot (a full disk) then never leaves the item deleted.
        const kept = tx.objectStore('history').put(entry);
        return Promise.all([kept, tx.objectStore('outbox').delete(id)]);
      }),
  };
}
