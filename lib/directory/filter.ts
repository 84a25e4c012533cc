import { isPersonKind, type Target } from './target';

/**
 * Ranks directory targets for the channel picker. Built for 70 000 targets searched on every key
 * press: everything that does not depend on the query (lowercased, accent-folded text, the
 * alphabetical order, kinds, membership, which letters occur) is computed once by `createIndex`,
 * and a query that extends an earlier one only re-examines that query's matches.
 */

const CHANNELS = 1;
const PEOPLE = 2;
const ANY = CHANNELS | PEOPLE;

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

/** '\n' separates a target's name, display name and real name in its haystack. */
const FIELD_SEPARATOR = 10;
const MAX_TRAIL = 32;

/** The matches of an earlier query, so that a longer query searches only within them. */
interface Narrowing {
  text: string;
  mask: number;
  /** Positions (ascending) of the targets that matched. */
  matches: Int32Array;
}

/**
 * Built once per directory. Everything but `trail` is fixed; `trail` remembers recent queries
 * and never changes what `search` returns.
 */
export interface DirectoryIndex {
  /** The searchable targets (archived ones are left out), in alphabetical order of name. */
  readonly targets: readonly Target[];
  readonly archived: readonly Target[];
  /** How many workspaces the targets come from. */
  readonly workspaceCount: number;
  /** 0, 1, 2, …: every position, the source of a search that narrows nothing. */
  readonly everyone: Int32Array;
  /** Per target: "name\ndisplay name\nreal name", lowercased, accents removed, duplicates dropped. */
  readonly haystacks: readonly string[];
  /** Per target: which letters its haystack contains (see `lettersOf`). */
  readonly letters: Int32Array;
  /** Per target: the letters that start one of its fields, and those that start another word. */
  readonly fieldInitials: Int32Array;
  readonly wordInitials: Int32Array;
  /** Per target: CHANNELS or PEOPLE. */
  readonly kinds: Uint8Array;
  /** Positions of the targets the user is a member of, ascending. */
  readonly members: Int32Array;
  readonly positions: ReadonlyMap<string, number>;
  /** Scratch space for one search: 1 for a favourite, 2 + n for the nth most recent. */
  readonly boosts: Int32Array;
  /** Recent queries, each extending the one before, with their matches. */
  trail: Narrowing[];
}

export interface SearchOptions {
  /** Keys of recently used targets, most recent first. */
  recents?: readonly string[];
  favourites?: ReadonlySet<string>;
  /** Return at most this many targets. */
  limit?: number;
}

/** Anything but printable ASCII, or two spaces in a row: the text needs more than lowercasing. */
const UNUSUAL = /[^\u0020-\u007e]| {2}/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;

/** Lowercase, without accents, whitespace collapsed: how both targets and queries are compared. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!UNUSUAL.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(WHITESPACE, ' ');
}

/** One bit per letter a–z, one for digits, one for anything else: a cheap "cannot match" test. */
function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) bits |= 1 << 26;
    else if (code !== FIELD_SEPARATOR) bits |= 1 << 27;
  }
  return bits;
}

type Masks = Pick<DirectoryIndex, 'letters' | 'fieldInitials' | 'wordInitials'>;

/**
 * Fills in a target's `letters` (as `lettersOf`), and which letters a–z start one of its fields
 * or another word, so that a one-letter query (the first key press, with the most results) needs
 * no string search.
 */
function describe(haystack: string, masks: Masks, position: number): void {
  let letters = 0;
  let fields = 0;
  let words = 0;
  let before = FIELD_SEPARATOR;
  for (let i = 0; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      const bit = 1 << (code - 97);
      letters |= bit;
      if (before === FIELD_SEPARATOR) fields |= bit;
      else if (!isWordChar(before)) words |= bit;
    } else if (code >= 48 && code <= 57) {
      letters |= 1 << 26;
    } else if (code !== FIELD_SEPARATOR) {
      letters |= 1 << 27;
    }
    before = code;
  }
  masks.letters[position] = letters;
  masks.fieldInitials[position] = fields;
  masks.wordInitials[position] = words;
}

function haystackOf(name: string, target: Target): string {
  let haystack = name;
  const display = target.displayName ? fold(target.displayName).trim() : '';
  if (display && display !== name) haystack += `\n${display}`;
  const real = target.realName ? fold(target.realName).trim() : '';
  if (real && real !== name && real !== display) haystack += `\n${real}`;
  return haystack;
}

export function createIndex(targets: readonly Target[]): DirectoryIndex {
  const accounts = new Set<string>();
  const live: Target[] = [];
  const archived: Target[] = [];
  const names: string[] = [];
  for (const target of targets) {
    accounts.add(target.accountId);
    if (target.archived) {
      archived.push(target);
    } else {
      live.push(target);
      names.push(fold(target.name).trim());
    }
  }

  const order = live.map((_, position) => position);
  order.sort((a, b) => {
    const nameA = names[a]!;
    const nameB = names[b]!;
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    const tieA = live[a]!.teamName + live[a]!.key;
    const tieB = live[b]!.teamName + live[b]!.key;
    return tieA < tieB ? -1 : tieA > tieB ? 1 : 0;
  });

  const count = order.length;
  const sorted = new Array<Target>(count);
  const haystacks = new Array<string>(count);
  const masks: Masks = {
    letters: new Int32Array(count),
    fieldInitials: new Int32Array(count),
    wordInitials: new Int32Array(count),
  };
  const kinds = new Uint8Array(count);
  const positions = new Map<string, number>();
  const members: number[] = [];
  for (let position = 0; position < count; position++) {
    const original = order[position]!;
    const target = live[original]!;
    const haystack = haystackOf(names[original]!, target);
    sorted[position] = target;
    haystacks[position] = haystack;
    describe(haystack, masks, position);
    kinds[position] = isPersonKind(target.kind) ? PEOPLE : CHANNELS;
    positions.set(target.key, position);
    if (target.isMember) members.push(position);
  }

  return {
    targets: sorted,
    everyone: Int32Array.from(order.keys()),
    archived,
    workspaceCount: accounts.size,
    haystacks,
    ...masks,
    kinds,
    members: Int32Array.from(members),
    positions,
    boosts: new Int32Array(count),
    trail: [],
  };
}

/** The target with this key, archived or not: chosen targets are shown from it. */
export function targetFor(index: DirectoryIndex, key: string): Target | undefined {
  const position = index.positions.get(key);
  return position === undefined ? index.archived.find((target) => target.key === key) : index.targets[position];
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

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127;
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
function rankOfLetter(index: DirectoryIndex, position: number, letter: string, bit: number): number {
  if (index.fieldInitials[position]! & bit) {
    const haystack = index.haystacks[position]!;
    const exact =
      haystack === letter ||
      haystack.startsWith(`${letter}\n`) ||
      haystack.endsWith(`\n${letter}`) ||
      haystack.includes(`\n${letter}\n`);
    return exact ? EXACT : PREFIX;
  }
  return index.wordInitials[position]! & bit ? WORD_START : SUBSTRING;
}

/** Marks favourites and recents in the index's scratch array; returns the positions marked. */
function markBoosts(index: DirectoryIndex, options: SearchOptions): number[] {
  const marked: number[] = [];
  for (const key of options.favourites ?? []) {
    const position = index.positions.get(key);
    if (position === undefined || index.boosts[position]) continue;
    index.boosts[position] = 1;
    marked.push(position);
  }
  (options.recents ?? []).forEach((key, recency) => {
    const position = index.positions.get(key);
    if (position === undefined || index.boosts[position]) return;
    index.boosts[position] = 2 + recency;
    marked.push(position);
  });
  return marked;
}

/** Empty query: favourites, then recents (most recent first), then conversations the user is in. */
function browse(index: DirectoryIndex, mask: number, marked: number[], limit: number): Target[] {
  const { boosts, kinds, targets } = index;
  const boosted = marked.filter((position) => kinds[position]! & mask);
  boosted.sort((a, b) => boosts[a]! - boosts[b]! || a - b);
  const result: Target[] = [];
  for (const position of boosted) {
    if (result.length >= limit) return result;
    result.push(targets[position]!);
  }
  for (const position of index.members) {
    if (result.length >= limit) break;
    if (boosts[position] || !(kinds[position]! & mask)) continue;
    result.push(targets[position]!);
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

function rank(index: DirectoryIndex, text: string, mask: number, limit: number): Target[] {
  const { boosts, haystacks, kinds, letters, targets } = index;
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
    const rank = letterBit ? rankOfLetter(index, position, text, letterBit) : rankOf(haystacks[position]!, text);
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
  const result: Target[] = [];
  for (let tier = 0; tier < TIER_STARTS.length - 1; tier++) {
    const first = TIER_STARTS[tier]!;
    const last = TIER_STARTS[tier + 1]!;
    for (const entry of boosted) {
      if (entry.rank >= first && entry.rank < last && result.length < limit) result.push(targets[entry.position]!);
    }
    const end = Math.min(offsets[last]!, offsets[first]! + limit - result.length);
    for (let i = offsets[first]!; i < end; i++) result.push(targets[ordered[i]!]!);
  }
  return result;
}

/**
 * Targets matching `query`, best first. Empty query: favourites, recents (most recent first),
 * then conversations the user is a member of. Otherwise three tiers: exact, prefix or word-start
 * matches on the name, display name or real name; then substrings; then the query's characters in
 * order within one of them (fuzzy). Favourites, then recents, lead each tier. A leading '#'
 * narrows to channels, '@' to people. Archived channels are never returned.
 */
export function search(index: DirectoryIndex, query: string, options: SearchOptions = {}): Target[] {
  const { text, mask } = parseQuery(query);
  const limit = options.limit ?? Infinity;
  const marked = markBoosts(index, options);
  try {
    return text ? rank(index, text, mask, limit) : browse(index, mask, marked, limit);
  } finally {
    for (const position of marked) index.boosts[position] = 0;
  }
}
