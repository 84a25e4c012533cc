import type { IDBPDatabase } from 'idb';
import type { CourierDB } from './db';
import type { HistoryEntry } from './sending-records';

/** Where one message of Courier's is in Slack. */
export interface MessageAt {
  accountId: string;
  channel: string;
  ts: string;
}

/** What was sent where and when. */
export interface HistoryRepo {
  list(): Promise<HistoryEntry[]>;
  get(id: string): Promise<HistoryEntry | undefined>;
  put(entry: HistoryEntry): Promise<void>;
  /** The entries of one message (normally one). */
  at(message: MessageAt): Promise<HistoryEntry[]>;
  /** Forgets entries sent before `cutoff`; how many. */
  pruneBefore(cutoff: number): Promise<number>;
  clear(): Promise<void>;
}

export function historyRepo(db: IDBPDatabase<CourierDB>): HistoryRepo {
  return {
    list: () => db.getAll('history'),
    get: (id) => db.get('history', id),
    put: async (entry) => {
      await db.put('history', entry);
    },
    async at({ accountId, channel, ts }) {
      return (await db.getAll('history')).filter(
        (entry) => entry.accountId === accountId && entry.channel === channel && entry.ts === ts,
      );
    },
    async pruneBefore(cutoff) {
      const tx = db.transaction('history', 'readwrite');
      let removed = 0;
      for (
        let cursor = await tx.store.index('bySentAt').openCursor(IDBKeyRange.upperBound(cutoff));
        cursor;
        cursor = await cursor.continue()
      ) {
        await cursor.delete();
        removed++;
      }
      await tx.done;
      return removed;
    },
    clear: () => db.clear('history'),
  };
}
