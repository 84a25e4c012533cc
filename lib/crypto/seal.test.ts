// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateSealingKey } from './key';
import { open, seal, UnsealError } from './seal';

describe('seal and open', () => {
  it('round-trips text, including non-ASCII', async () => {
    const key = await generateSealingKey();
    for (const text of ['xoxe.xoxb-1-abc', '', 'naïve ☕ 日本語']) {
      await expect(open(key, await seal(key, text, 'aad'), 'aad')).resolves.toBe(text);
    }
  });

  it('keeps the plaintext out of the sealed bytes', async () => {
    const key = await generateSealingKey();
    const sealed = await seal(key, 'xoxe.xoxb-1-abcdef');
    expect(Buffer.from(sealed.data).toString('latin1')).not.toContain('xoxb');
    expect(sealed.iv.byteLength).toBe(12);
  });

  it('rejects tampered data and a tampered IV', async () => {
    const key = await generateSealingKey();
    const sealed = await seal(key, 'secret', 'aad');
    const data = sealed.data.slice();
    data[0] = (data[0] ?? 0) ^ 1;
    await expect(open(key, { ...sealed, data }, 'aad')).rejects.toBeInstanceOf(UnsealError);
    const iv = sealed.iv.slice();
    iv[11] = (iv[11] ?? 0) ^ 1;
    await expect(open(key, { ...sealed, iv }, 'aad')).rejects.toBeInstanceOf(UnsealError);
  });

  it('only opens with the AAD it was sealed with', async () => {
    const key = await generateSealingKey();
    const sealed = await seal(key, 'secret', '["chain","p1:T1:bot","tokens"]');
    await expect(open(key, sealed, '["chain","p1:T1:user","tokens"]')).rejects.toBeInstanceOf(UnsealError);
    await expect(open(key, sealed)).rejects.toBeInstanceOf(UnsealError);
    await expect(open(key, await seal(key, 'secret'), 'aad')).rejects.toBeInstanceOf(UnsealError);
  });

  it('only opens under the key it was sealed with', async () => {
    const sealed = await seal(await generateSealingKey(), 'secret');
    await expect(open(await generateSealingKey(), sealed)).rejects.toBeInstanceOf(UnsealError);
  });

  it('draws a fresh IV for every seal', async () => {
    const key = await generateSealingKey();
    const sealed = await Promise.all(Array.from({ length: 200 }, () => seal(key, 'same text', 'same aad')));
    expect(new Set(sealed.map(({ iv }) => Buffer.from(iv).toString('hex'))).size).toBe(200);
    expect(new Set(sealed.map(({ data }) => Buffer.from(data).toString('hex'))).size).toBe(200);
  });

  it('generates a key whose bytes cannot be read', async () => {
    const key = await generateSealingKey();
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});
