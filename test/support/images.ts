/**
 * Bytes that are a PNG to anyone who checks (Courier sniffs an image share's bytes), then `length`
 * bytes of a pattern that differs with `seed`: the bytes must arrive in Slack exactly as served.
 */
export function pngBytes(length: number, seed = 7): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, Buffer.from(Array.from({ length }, (_, i) => (i * seed) % 251))]);
}

/** A PNG's width and height from its IHDR chunk (bytes 16-23), or null when the bytes are no PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
