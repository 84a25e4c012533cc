import type { IDBPDatabase } from 'idb';
import { CourierFailure } from '../errors';
import type { CourierDB } from './db';
import type { ChainMeta } from './records';
import { accountSchema, storedChainSchema } from './records';

/** A chain's dead code when its tokens were sealed under a key this browser no longer has. */
export const KEY_LOST_CODE = 'courier_key_lost';

export const KEY_LOST_REASON =
  "Courier's encryption key for this browser was lost, so it can't read this workspace's sign-in: reconnect it.";

/**
 * A chain's tokens do not open under this browser's key: the key that sealed them is gone (its
 * record deleted, a profile copied without it, a browser bug). Retrying cannot help; a reconnect can.
 */
export class KeyLostError extends CourierFailure {
  readonly chain: ChainMeta;
  constructor(chain: ChainMeta, options?: ErrorOptions) {
    super('needs_reconnect', KEY_LOST_REASON);
    if (options?.cause !== undefined) this.cause = options.cause;
    this.chain = chain;
  }
}

/**
 * The key was lost while chains were sealed under it: every chain is dead and its workspace needs
 * a reconnect, so nothing retries a token nobody can read. One transaction; records that do not
 * parse are left as they are.
 */
export async function markKeyLost(db: IDBPDatabase<CourierDB>, at: number): Promise<void> {
  const tx = db.transaction(['accounts', 'chains'], 'readwrite');
  const chains = tx.objectStore('chains');
  const accounts = tx.objectStore('accounts');
  const affected = new Set<string>();
  for (const value of await chains.getAll()) {
    const chain = storedChainSchema.safeParse(value).data;
    if (!chain) continue;
    affected.add(chain.accountId);
    if (!chain.dead) await chains.put({ ...chain, version: chain.version + 1, dead: { code: KEY_LOST_CODE, at } });
  }
  for (const id of affected) {
    const account = accountSchema.safeParse(await accounts.get(id)).data;
    if (account) await accounts.put({ ...account, status: 'needs_reconnect', reason: KEY_LOST_REASON, updatedAt: at });
  }
  await tx.done;
}
