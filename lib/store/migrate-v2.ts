import type { IDBPDatabase } from 'idb';
import { unwrap } from 'idb';
import type { CourierDB, UpgradeTransaction } from './db';

/**
 * Version 1 → 2: adds the sealing key store and token chains, and rebuilds version 1 records into
 * the version 2 shape. Frozen like every released migration, so it does not use the record schemas
 * (they follow the current version).
 *
 * Version 1 defined only the fields copied below; anything else was never written by Courier and is
 * dropped on purpose, which also guarantees no secret stays behind in clear (one cannot be sealed
 * here: awaiting crypto would end the upgrade transaction). Version 1 kept no tokens, so its
 * accounts must be reconnected.
 */
export function migrateToV2(db: IDBPDatabase<CourierDB>, tx: UpgradeTransaction): void {
  db.createObjectStore('keys', { keyPath: 'id' });
  db.createObjectStore('chains', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
  const now = Date.now();
  rewriteEach(unwrap(tx.objectStore('profiles')), (old) => ({
    id: old.id,
    name: typeof old.name === 'string' && old.name !== '' ? old.name : 'Unnamed profile',
    baseUrl: 'https://slack.com',
    clientType: 'confidential',
    clientId: '',
    botScopes: [],
    userScopes: [],
    actions: [],
    createdAt: now,
    updatedAt: now,
  }));
  rewriteEach(unwrap(tx.objectStore('accounts')), (old) => ({
    id: old.id,
    profileId: old.profileId,
    teamId: old.teamId,
    teamName: old.teamName,
    appId: '',
    botScopes: [],
    userScopes: [],
    status: 'needs_reconnect',
    reason: 'Reconnect this workspace: Courier now keeps its tokens encrypted and needs new ones.',
    linkedAt: now,
    updatedAt: now,
  }));
}

// Raw callbacks, not promises: the versionchange transaction must see every request queued while
// it is still active, and a failing put must abort the upgrade rather than reject into nowhere.
function rewriteEach(store: IDBObjectStore, upgrade: (old: Record<string, unknown>) => object): void {
  const request = store.openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return;
    cursor.update(upgrade(cursor.value as Record<string, unknown>));
    cursor.continue();
  };
}
