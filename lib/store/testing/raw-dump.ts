/**
 * Everything a person with a copy of the database could read: every key and value of every store,
 * read with the raw IndexedDB API, with each byte buffer also rendered the ways bytes get
 * eyeballed (latin1, UTF-8, UTF-16, hex, base64, base64url).
 */
export async function rawDump(name: string): Promise<string> {
  const db = await request(indexedDB.open(name));
  try {
    const parts: string[] = [];
    for (const storeName of db.objectStoreNames) {
      const store = db.transaction(storeName).objectStore(storeName);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      parts.push(`# ${storeName}`);
      render(keys, parts);
      render(values, parts);
    }
    return parts.join('\n');
  } finally {
    db.close();
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function render(value: unknown, out: string[]): void {
  if (value instanceof ArrayBuffer) return render(new Uint8Array(value), out);
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    out.push(
      ...(['latin1', 'utf8', 'utf16le', 'hex', 'base64', 'base64url'] as const).map((encoding) =>
        bytes.toString(encoding),
      ),
    );
    return;
  }
  if (Array.isArray(value)) return value.forEach((item) => render(item, out));
  if (value instanceof CryptoKey) {
    out.push(`CryptoKey ${JSON.stringify(value.algorithm)} extractable=${value.extractable}`);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [field, inner] of Object.entries(value)) {
      out.push(field);
      render(inner, out);
    }
    return;
  }
  out.push(String(value));
}

/** Every `size`-character window of the secret: a leak of any part of it counts. */
export function fragments(secret: string, size = 10): string[] {
  return Array.from({ length: Math.max(1, secret.length - size + 1) }, (_, start) => secret.slice(start, start + size));
}
