/**
 * Bytes that are a PNG to anyone who checks (Courier sniffs an image share's bytes), then `length`
 * bytes of a pattern that differs with `seed`: the bytes must arrive in Slack exactly as served.
 */
export function pngBytes(length: number, seed = 7): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, Buffer.from(Array.from({ length }, (_, i) => (i * seed) % 251))]);
}
