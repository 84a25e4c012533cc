// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { generateSealingKey } from '../crypto/key';
import { open, seal } from '../crypto/seal';
import { openCourierDB } from './db';
import { loadSealingKey } from './keys';

async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  return (await open(b, await seal(a, 'probe'))) === 'probe';
}

describe('sealing key', () => {
  it('survives a structured clone into IndexedDB and back, still non-extractable', async () => {
    const db = await openCourierDB('clone');
    const created = await loadSealingKey(db);
    db.close();
    const again = await openCourierDB('clone');
    const loaded = await loadSealingKey(again);
    expect(loaded).not.toBe(created);
    expect(loaded).toBeInstanceOf(CryptoKey);
    expect(loaded.extractable).toBe(false);
    expect(await sameKey(created, loaded)).toBe(true);
    again.close();
  });

  it('is created once and then reused', async () => {
    const db = await openCourierDB('once');
    const generate = vi.fn(generateSealingKey);
    const first = await loadSealingKey(db, generate);
    const second = await loadSealingKey(db, generate);
    expect(generate).toHaveBeenCalledOnce();
    expect(await sameKey(first, second)).toBe(true);
    db.close();
  });

  it('ends with one key when two contexts create it at once', async () => {
    const [a, b] = await Promise.all([openCourierDB('race'), openCourierDB('race')]);
    const generate = vi.fn(generateSealingKey);
    const [keyA, keyB] = await Promise.all([loadSealingKey(a, generate), loadSealingKey(b, generate)]);
    // Both missed the first read and generated one, so the race really happened.
    expect(generate).toHaveBeenCalledTimes(2);
    expect(await a.count('keys')).toBe(1);
    expect(await sameKey(keyA, keyB)).toBe(true);
    expect(await sameKey(keyB, await loadSealingKey(a))).toBe(true);
    a.close();
    b.close();
  });

  it('refuses a stored key that is not a non-extractable AES-GCM key', async () => {
    const db = await openCourierDB('foreign');
    const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    await db.put('keys', { id: 'sealing', key: extractable, createdAt: 0 });
    await expect(loadSealingKey(db)).rejects.toThrow(/keys store/);
    db.close();
  });
});
