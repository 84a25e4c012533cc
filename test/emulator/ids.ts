// Deterministic ids and randomness: the same seed always yields the same workspace, so tests and
// screenshots can name ids, and ids from different workspaces never collide.

export type IdPrefix = 'C' | 'D' | 'G' | 'U' | 'B' | 'A' | 'F' | 'S' | 'Q' | 'I';

/** A short per-workspace tag from a hash of the team id. */
export function idTag(teamId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < teamId.length; i += 1) {
    hash ^= teamId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).toUpperCase().padStart(7, '0').slice(-4);
}

export function makeId(prefix: IdPrefix, tag: string, seq: number): string {
  return prefix + '0' + tag + seq.toString(36).toUpperCase().padStart(5, '0');
}

/** mulberry32: small, fast and good enough to pick names. */
export function prng(seed: string): () => number {
  let state = parseInt(idTag(seed), 36) || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
