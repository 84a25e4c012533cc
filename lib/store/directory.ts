import type { IDBPDatabase } from 'idb';
import type { CourierDB } from './db';
import type { DirectoryRecord } from './sending-records';

/** Each workspace's cached directory, replaced whole on each refresh. */
export interface DirectoryRepo {
  get(accountId: string): Promise<DirectoryRecord | undefined>;
  put(record: DirectoryRecord): Promise<void>;
  /**
   * When each workspace's directory in `format` was refreshed, from the index alone: a directory
   * record is megabytes, and this runs each time the popup opens.
   */
  stamps(format: number): Promise<Map<string, number>>;
}

export function directoryRepo(db: IDBPDatabase<CourierDB>): DirectoryRepo {
  return {
    get: (accountId) => db.get('directory', accountId),
    put: async (record) => {
      await db.put('directory', record);
    },
    async stamps(format) {
      const stamps = new Map<string, number>();
      const range = IDBKeyRange.bound([format, -Infinity], [format, Infinity]);
      let cursor = await db.transaction('directory').store.index('byStamp').openKeyCursor(range);
      for (; cursor; cursor = await cursor.continue()) stamps.set(cursor.primaryKey, cursor.key[1]);
      return stamps;
    },
  };
}
