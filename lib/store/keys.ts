import type { IDBPDatabase } from 'idb';
import { generateSealingKey } from '../crypto/key';
import type { CourierDB } from './db';
import { keyRecordSchema, readRecord } from './records';

const SEALING_KEY = 'sealing';

/**
 * Returns the one sealing key, creating it on first use. Two contexts may both find none and both
 * generate one; `add` lets exactly one win and the other adopts the winner's, so nothing is ever
 * sealed under a key that is later thrown away.
 */
export async function loadSealingKey(
  db: IDBPDatabase<CourierDB>,
  generate: () => Promise<CryptoKey> = generateSealingKey,
): Promise<CryptoKey> {
  const stored = await db.get('keys', SEALING_KEY);
  if (stored !== undefined) return readRecord(keyRecordSchema, 'keys', stored).key;
  const key = await generate();
  try {
    await db.add('keys', { id: SEALING_KEY, key, createdAt: Date.now() });
    return key;
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    return readRecord(keyRecordSchema, 'keys', await db.get('keys', SEALING_KEY)).key;
  }
}

// By name: the DOMException class may come from another realm (a test DOM, a worker).
function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'ConstraintError';
}
