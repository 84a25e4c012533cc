import { toColumns } from './columns';
import { ANY, CHANNELS, indexDirectory, PEOPLE, type DirectoryIndex, type Narrowing } from './directory-index';
import type { Target } from './target';
import { fold, isWordChar, lettersOf, FIELD_SEPARATOR } from './text';

export type { DirectoryIndex } from './directory-index';

/**
 * Ranks directory targets for the channel picker. Built for 70 000 targets searched on every key
 * press: everything that does not depend on the query is computed once, by the background when
 * it stores the directory (lowercased, accent-folded text, the alphabetical order, kinds,
 * membership: columns.ts) or by the index before the first search (which letters occur), and a
 * query that extends an earlier one only re-examines that query's matches.
 */

/**
 * Match quality, best first. Ranks 0–2 form the first tier, 3 the second, 4–5 the third. A tight
 * fuzzy match spans at most twice the query's length ("engr" in "engineering").
 */
const EXACT = 0;
const PREFIX = 1;
const WORD_START = 2;
const SUBSTRING = 3;
const FUZZY_TIGHT = 4;
const FUZZY_LOOSE = 5;
const RANKS = 6;
/** The first rank of each tier, and the end. */
const TIER_STARTS = [EXACT, SUBSTRING, FUZZY_TIGHT, RANKS] as const;

const MAX_TRAIL = 32;

export interface SearchOptions {
  /** Keys of recently used targets, most recent first. */
  recents?: readonly string[];
  favourites?: ReadonlySet<string>;
  /** Return at most this many targets. */
  limit?: number;
}

/** An index over targets given as objects (tests, and pages that have them at hand). */
export function createIndex(targets: readonly Target[]): DirectoryIndex {
  const byAccount = new Map<string, Target[]>();
  for (const target of targets) {
    const group = byAccount.get(target.accountId);
    if (group) group.push(target);
    else byAccount.set(target.accountId, [target]);
  }
  return indexDirectory(
    [...byAccount].map(([accountId, group]) => ({ accountId, teamName: group[0]!.teamName, ...toColumns(group) })),
  );
}

/** The target with this key, archived or not: chosen targets are shown from it. */
export function targetFor(index: DirectoryIndex, key: string): Target | undefined {
  const position = index.positionOf(key);
  return position === undefined ? undefined : index.targetAt(position);
}

/** A leading '#' narrows to channels, '@' to people; the rest is the text to match. */
function parseQuery(query: string): { text: string; mask: number } {
  let text = fold(query).trim();
  let mask = ANY;
  if (text.startsWith('#')) mask = CHANNELS;
  else if (text.startsWith('@')) mask = PEOPLE;
  if (mask !== ANY) text = text.slice(1).trimStart();
  return { text, mask };
}

/** How well `text` matches a haystack: one of the ranks above, or -1. */
function rankOf(haystack: string, text: string): number {
  let at = haystack.indexOf(text);
  if (at >= 0) {
    let best = SUBSTRING;
    while (at >= 0) {
      const before = at === 0 ? FIELD_SEPARATOR : haystack.charCodeAt(at - 1);
      if (before === FIELD_SEPARATOR) {
        const end = at + text.length;
        if (end === haystack.length || haystack.charCodeAt(end) === FIELD_SEPARATOR) return EXACT;
        best = PREFIX;
      } else if (best > WORD_START && !isWordChar(before)) {
        best = WORD_START;
      }
      at = haystack.indexOf(text, at + 1);
    }
    return best;
  }
  // Fuzzy: the query's characters in order within one field (name, display name or real name).
  let fieldStart = 0;
  while (fieldStart < haystack.length) {
    let fieldEnd = haystack.indexOf('\n', fieldStart);
    if (fieldEnd < 0) fieldEnd = haystack.length;
    let at = fieldStart - 1;
    let first = -1;
    for (let i = 0; i < text.length; i++) {
      at = haystack.indexOf(text[i]!, at + 1);
      // Not found anywhere after: no later field can match either.
      if (at < 0) return -1;
      if (at >= fieldEnd) break;
      if (i === 0) first = at;
      if (i === text.length - 1) return at - first + 1 <= text.length * 2 ? FUZZY_TIGHT : FUZZY_LOOSE;
    }
    fieldStart = fieldEnd + 1;
  }
  return -1;
}

/** `rankOf` for a one-letter query, from the initials. */
function rankOfLetter(
  initials: { fieldInitials: Int32Array; wordInitials: Int32Array },
  haystacks: readonly string[],
  position: number,
  code: number,
  bit: number,
): number {
  if (initials.fieldInitials[position]! & bit) return isLetterField(haystacks[position]!, code) ? EXACT : PREFIX;
  return initials.wordInitials[position]! & bit ? WORD_START : SUBSTRING;
}

/** Whether one of the haystack's fields is exactly this letter; reads characters, builds no strings. */
function isLetterField(haystack: string, code: number): boolean {
  for (let start = 0; ;) {
    const end = start + 1;
    if (
      haystack.charCodeAt(start) === code &&
      (end === haystack.length || haystack.charCodeAt(end) === FIELD_SEPARATOR)
    ) {
      return true;
    }
    const next = haystack.indexOf('\n', start);
    if (next < 0) return false;
    start = next + 1;
  }
}

/** Marks favourites and recents in the index's scratch array; returns the positions marked. */
function markBoosts(index: DirectoryIndex, options: SearchOptions): number[] {
  const marked: number[] = [];
  for (const key of options.favourites ?? []) {
    const position = index.positionOf(key);
    if (position === undefined || index.boosts[position]) continue;
    index.boosts[position] = 1;
    marked.push(position);
  }
  (options.recents ?? []).forEach((key, recency) => {
    const position = index.positionOf(key);
    if (position === undefined || index.boosts[position]) return;
    index.boosts[position] = 2 + recency;
    marked.push(position);
  });
  return marked;
}

/** Empty query: favourites, then recents (most recent first), then conversations the user is in. */
function browse(index: DirectoryIndex, mask: number, marked: number[], limit: number): number[] {
  const { boosts, kinds } = index;
  const boosted = marked.filter((position) => kinds[position]! & mask);
  boosted.sort((a, b) => boosts[a]! - boosts[b]! || a - b);
  const result: number[] = [];
  for (const position of boosted) {
    if (result.length >= limit) return result;
    result.push(position);
  }
  for (const position of index.members) {
    if (result.length >= limit) break;
    if (boosts[position] || !(kinds[position]! & mask)) continue;
    result.push(position);
  }
  return result;
}

/** The longest earlier query that the new one extends; the trail is cut back to it. */
function narrowingFor(index: DirectoryIndex, text: string, mask: number): Narrowing | undefined {
  const { trail } = index;
  for (let i = trail.length - 1; i >= 0; i--) {
    const earlier = trail[i]!;
    if ((earlier.mask & mask) === mask && text.startsWith(earlier.text)) {
      trail.length = i + 1;
      return earlier;
    }
  }
  trail.length = 0;
  return undefined;
}

function rank(index: DirectoryIndex, text: string, mask: number, limit: number): number[] {
  const { boosts, haystacks, kinds, letters } = index;
  // Read once: the index works the masks out on first use.
  const initials = { fieldInitials: index.fieldInitials, wordInitials: index.wordInitials };
  const needed = lettersOf(text);
  const code = text.charCodeAt(0);
  const letterBit = text.length === 1 && code >= 97 && code <= 122 ? 1 << (code - 97) : 0;
  // Anything matching the new query matched every query it extends (as a substring or in order).
  const within = narrowingFor(index, text, mask);
  const source = within ? within.matches : index.everyone;
  const count = source.length;
  const matches = new Int32Array(count);
  const ranks = new Uint8Array(count);
  const perRank = new Int32Array(RANKS);
  const boosted: { position: number; rank: number }[] = [];
  let matched = 0;
  for (let i = 0; i < count; i++) {
    const position = source[i]!;
    if ((kinds[position]! & mask) === 0 || (letters[position]! & needed) !== needed) continue;
    const rank = letterBit
      ? rankOfLetter(initials, haystacks, position, code, letterBit)
      : rankOf(haystacks[position]!, text);
    if (rank < 0) continue;
    matches[matched] = position;
    ranks[matched++] = rank;
    if (boosts[position]) boosted.push({ position, rank });
    else perRank[rank]!++;
  }

  if (!within || within.text !== text || within.mask !== mask) {
    if (index.trail.length >= MAX_TRAIL) index.trail.shift();
    index.trail.push({ text, mask, matches: matches.slice(0, matched) });
  }

  // A counting sort by rank: positions stay ascending (alphabetical) within each rank.
  const offsets = new Int32Array(RANKS + 1);
  for (let rank = 0; rank < RANKS; rank++) offsets[rank + 1] = offsets[rank]! + perRank[rank]!;
  const next = offsets.slice(0, RANKS);
  const ordered = new Int32Array(offsets[RANKS]!);
  for (let i = 0; i < matched; i++) {
    const position = matches[i]!;
    if (!boosts[position]) ordered[next[ranks[i]!]!++] = position;
  }

  boosted.sort((a, b) => boosts[a.position]! - boosts[b.position]! || a.rank - b.rank || a.position - b.position);
  const result: number[] = [];
  for (let tier = 0; tier < TIER_STARTS.length - 1; tier++) {
    const first = TIER_STARTS[tier]!;
    const last = TIER_STARTS[tier + 1]!;
    for (const entry of boosted) {
      if (entry.rank >= first && entry.rank < last && result.length < limit) result.push(entry.position);
    }
    const end = Math.min(offsets[last]!, offsets[first]! + limit - result.length);
    for (let i = offsets[first]!; i < end; i++) result.push(ordered[i]!);
  }
  return result;
}

/**
 * The positions (see DirectoryIndex) of the targets matching `query`, best first. Empty query:
 * favourites, recents (most recent first), then conversations the user is a member of. Otherwise
 * three tiers: exact, prefix or word-start matches on the name, display name or real name; then
 * substrings; then the query's characters in order within one of them (fuzzy). Favourites, then
 * recents, lead each tier. A leading '#' narrows to channels, '@' to people. Archived channels are
 * never returned.
 */
export function searchPositions(index: DirectoryIndex, query: string, options: SearchOptions = {}): number[] {
  const { text, mask } = parseQuery(query);
  const limit = options.limit ?? Infinity;
  const marked = markBoosts(index, options);
  try {
    return text ? rank(index, text, mask, limit) : browse(index, mask, marked, limit);
  } finally {
    for (const position of marked) index.boosts[position] = 0;
  }
}

/**
 * Searches once for a letter and once for two, and forgets both: the first searches run in the
 * engine's slowest tier, and over every target (the letter) and a letter's matches (two letters),
 * so the person's first key presses after opening would pay for it (about 10 ms each at 70 000
 * targets). Meant for an idle moment after `prepare`; what a later search returns is unchanged.
 */
export function warmUp(index: DirectoryIndex): void {
  const trail = [...index.trail];
  searchPositions(index, 'e');
  searchPositions(index, 'ea');
  index.trail = trail;
}

/** `searchPositions`, as targets. */
export function search(index: DirectoryIndex, query: string, options: SearchOptions = {}): Target[] {
  return searchPositions(index, query, options).map((position) => index.targetAt(position));
}
