/**
 * The key that seals secrets at rest. It is never extractable: script in any Courier context can
 * use it, but nobody (not even Courier) can read its bytes, so a copy of the database is useless
 * without the browser profile it came from.
 */
export function generateSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
