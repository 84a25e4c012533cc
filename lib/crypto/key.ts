/**
 * The key that seals secrets at rest. It is never extractable: script in any Courier context can
 * use it, but nobody (not even Courier) can read its bytes. It is stored in the same IndexedDB as
 * what it seals, so it keeps the tokens out of a dump made through JavaScript (a page, another
 * extension, a debugging snippet) and out of a casual read of the database files by other tools;
 * it does not protect against a copy of the whole browser profile, which carries the key with it.
 */
export function generateSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
