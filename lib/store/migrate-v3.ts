import type { IDBPDatabase } from 'idb';
import type { CourierDB } from './db';

/**
 * Version 3 adds what sending needs: the directory cache (one record per account, read whole by
 * the popup), the outbox (written before every send) and the history of what was sent.
 */
export function migrateToV3(db: IDBPDatabase<CourierDB>): void {
  db.createObjectStore('directory', { keyPath: 'accountId' });
  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('byState', 'state');
  const history = db.createObjectStore('history', { keyPath: 'id' });
  history.createIndex('bySentAt', 'sentAt');
}
