import type { IDBPTransaction } from 'idb';
import type { CourierDB } from './db';

// Spans profiles too, although it only deletes from accounts and chains: idb types a transaction by
// its exact store list, and one shape keeps every cascading caller compatible.
type CascadeTransaction = IDBPTransaction<CourierDB, ('profiles' | 'accounts' | 'chains')[], 'readwrite'>;

/** Deletes accounts with their chains, inside the caller's transaction so none is left orphaned. */
export async function deleteAccounts(tx: CascadeTransaction, accountIds: readonly string[]): Promise<void> {
  const chains = tx.objectStore('chains');
  const chainIds = await Promise.all(accountIds.map((id) => chains.index('byAccount').getAllKeys(id)));
  await Promise.all([
    ...accountIds.map((id) => tx.objectStore('accounts').delete(id)),
    ...chainIds.flat().map((id) => chains.delete(id)),
  ]);
}
