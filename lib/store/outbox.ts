import type { IDBPDatabase } from 'idb';
import type { CourierDB } from './db';
import { createOutboxWrites, type OutboxWrites } from './outbox-writes';
import type { OutboxItem } from './sending-records';

/** The outbox's items: sends Courier promised to make, kept until Slack confirms them. */
export interface OutboxRepo {
  list(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  /** Stores every item in one transaction: all of them or none. */
  putAll(items: readonly OutboxItem[]): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Rewrites items in one transaction (`change` answers the new item, or undefined to leave it), so
   * an attempt that writes an item meanwhile is never overwritten with an older copy.
   */
  changeEach(change: (item: OutboxItem) => OutboxItem | undefined): Promise<void>;
  /** The attempts' writes, gathered into one transaction per turn of the event loop. */
  attempts: OutboxWrites;
}

export function outboxRepo(db: IDBPDatabase<CourierDB>): OutboxRepo {
  return {
    list: () => db.getAll('outbox'),
    get: (id) => db.get('outbox', id),
    put: async (item) => {
      await db.put('outbox', item);
    },
    async putAll(items) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
    },
    delete: (id) => db.delete('outbox', id),
    async changeEach(change) {
      const tx = db.transaction('outbox', 'readwrite');
      for (const item of await tx.store.getAll()) {
        const next = change(item);
        if (next) await tx.store.put(next);
      }
      await tx.done;
    },
    attempts: createOutboxWrites(db),
  };
}
