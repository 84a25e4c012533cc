/** A secret encrypted with AES-GCM: the data carries its own authentication tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** The sealed blob was tampered with, bound to another record, or sealed under another key. */
export class UnsealError extends Error {
  constructor(options?: ErrorOptions) {
    super('A stored secret could not be decrypted.', options);
    this.name = 'UnsealError';
  }
}

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function params(iv: Uint8Array<ArrayBuffer>, aad: string | undefined): AesGcmParams {
  return aad === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) };
}

/**
 * Encrypts under a fresh random IV: GCM loses all security if an IV repeats under one key. The
 * AAD is authenticated but not stored, so a blob only opens with the same AAD (the record it
 * belongs to); moving it to another record makes `open` fail.
 */
export async function seal(key: CryptoKey, plaintext: string, aad?: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt(params(iv, aad), key, encoder.encode(plaintext));
  return { iv, data: new Uint8Array(data) };
}

export async function open(key: CryptoKey, sealed: Sealed, aad?: string): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(params(sealed.iv, aad), key, sealed.data);
    return decoder.decode(plain);
  } catch (error) {
    throw new UnsealError({ cause: error });
  }
}
