import type { IDBPDatabase } from 'idb';
import { generateSealingKey } from '../crypto/key';
import { open, seal } from '../crypto/seal';
import type { CourierDB } from './db';
import { accountsRepo } from './accounts';
import { chainsRepo } from './chains';
import { KEY_LOST_CODE, KEY_LOST_REASON } from './key-lost';
import type { KeyRecord } from './records';
import { keyRecordSchema, readRecord } from './records';

const SEALING_KEY = 'sealing';
const CHECK = 'courier-sealing-key';

const opens = (record: KeyRecord) =>
  record.check === undefined ? Promise.resolve(true) : open(record.key, record.check, CHECK).then(Boolean, () => false);

/**
 * Returns the one sealing key, creating it on first use. Two contexts may both find none and both
 * generate one; `add` lets exactly one win and the other adopts the winner's, so nothing is ever
 * sealed under a key that is later thrown away.
 *
 * A key that is gone while chains remain, or that no longer opens its own check value, is
 * replaced, and the workspaces whose sign-ins it sealed are marked for a reconnect: a new key alone
 * would leave every sealed record failing with nothing said and the outbox retrying forever.
 */
export async function loadSealingKey(
  db: IDBPDatabase<CourierDB>,
  generate: () => Promise<CryptoKey> = generateSealingKey,
): Promise<CryptoKey> {
  const stored = await db.get('keys', SEALING_KEY);
  const existing = stored === undefined ? undefined : readRecord(keyRecordSchema, 'keys', stored);
  if (existing && (await opens(existing))) {
    // Keys made before the check value get one now, so a later swap of the key is noticed.
    if (!existing.check) await db.put('keys', { ...existing, check: await seal(existing.key, CHECK, CHECK) });
    return existing.key;
  }
  const key = await generate();
  const record: KeyRecord = { id: SEALING_KEY, key, createdAt: Date.now(), check: await seal(key, CHECK, CHECK) };
  try {
    await (existing ? db.put('keys', record) : db.add('keys', record));
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    return readRecord(keyRecordSchema, 'keys', await db.get('keys', SEALING_KEY)).key;
  }
  // A first key finds no chains; any chain found was sealed under a key that is gone. (A profile's
  // lost secret shows on its form instead, profiles.ts.)
  await markKeyLost(db, key);
  return key;
}

/**
 * Every chain is dead and its workspace needs a reconnect, so nothing retries a token nobody can
 * read. Not one transaction: a chain left unmarked by a stopped worker is marked on its next use.
 */
async function markKeyLost(db: IDBPDatabase<CourierDB>, key: CryptoKey): Promise<void> {
  const accounts = accountsRepo(db);
  const chains = chainsRepo(db, key);
  for (const chain of await chains.listMeta()) {
    if (!chain.dead) await chains.markDead(chain.id, KEY_LOST_CODE);
    await accounts.setStatus(chain.accountId, 'needs_reconnect', KEY_LOST_REASON);
  }
}

// By name: the DOMException class may come from another realm (a test DOM, a worker).
function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'ConstraintError';
}
