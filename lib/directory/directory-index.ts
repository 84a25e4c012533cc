import {
  ARCHIVED,
  entriesOf,
  entryStarts,
  ENTRY_CODE,
  foldedNameOf,
  KINDS,
  MEMBER,
  targetFrom,
  type WorkspaceColumns,
} from './columns';
import { isPersonKind, type Target } from './target';
import { describeHaystack, type Masks } from './text';

/** Kind masks: what '#' and '@' narrow to. Archived targets have neither and are never listed. */
export const CHANNELS = 1;
export const PEOPLE = 2;
export const ANY = CHANNELS | PEOPLE;

/** The matches of an earlier query, so that a longer query searches only within them. */
export interface Narrowing {
  text: string;
  mask: number;
  /** Positions (ascending) of the targets that matched. */
  matches: Int32Array;
}

/**
 * The picker's view of every linked workspace's directory, in alphabetical order of name
 * ("positions"). Built from the stored columns without touching each target: strings are split
 * once and targets are made into objects only when shown. Everything but `trail` and the caches
 * behind `targetAt` and `positionOf` is fixed; none of them changes what a search returns.
 */
export interface DirectoryIndex {
  readonly count: number;
  /** How many workspaces the targets come from. */
  readonly workspaceCount: number;
  /** 0, 1, 2, …: every position, the source of a search that narrows nothing. */
  readonly everyone: Int32Array;
  /** Per position: "name\ndisplay name\nreal name", folded (text.ts). */
  readonly haystacks: readonly string[];
  /**
   * Per position: which letters its haystack contains, and which start a field or another word.
   * Worked out on first use (or by `prepare`), not stored: the popup reads less before it is usable.
   */
  readonly letters: Int32Array;
  readonly fieldInitials: Int32Array;
  readonly wordInitials: Int32Array;
  /** Per position: CHANNELS, PEOPLE, or 0 for an archived channel. */
  readonly kinds: Uint8Array;
  /** Positions of the targets the user is a member of, ascending. */
  readonly members: Int32Array;
  /** Scratch space for one search: 1 for a favourite, 2 + n for the nth most recent. */
  readonly boosts: Int32Array;
  /** Recent queries, each extending the one before, with their matches. */
  trail: Narrowing[];
  targetAt(position: number): Target;
  /**
   * Does now one step of what the first search and the first rows shown would otherwise do
   * (splitting the haystacks, their letter masks, the list of every position, finding where each
   * name starts), for an idle
   * moment after the picker is shown; true while steps remain. One step at a time, so a key
   * pressed meanwhile waits for a few milliseconds at most.
   */
  prepare(): boolean;
  /** The position of the target with this key (`${accountId}:${id}`), archived or not. */
  positionOf(key: string): number | undefined;
}

/** 0, 1, 2, … count - 1. */
function identity(count: number): Int32Array {
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[i] = i;
  return positions;
}

const PERSON_KINDS = KINDS.map((kind) => (isPersonKind(kind) ? PEOPLE : CHANNELS));

type ColumnName = 'ids' | 'names' | 'realNames' | 'haystacks';
const COLUMNS: readonly ColumnName[] = ['ids', 'names', 'realNames', 'haystacks'];

/** Per workspace, what `targetAt` and `positionOf` need, computed on first use. */
interface Source {
  workspace: WorkspaceColumns;
  starts: Partial<Record<ColumnName, Int32Array>>;
  /** Local entry → position; undefined when there is one workspace (they are the same). */
  positions?: Int32Array;
}

function column(source: Source, name: ColumnName, entry: number): string {
  const { workspace } = source;
  const starts = (source.starts[name] ??= entryStarts(workspace[name], workspace.count));
  return workspace[name].slice(starts[entry], starts[entry + 1]! - 1);
}

/** The entry whose text starts at `at`, by binary search over the entry starts. */
function entryAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The entry of a workspace with this Slack id, found in its id column without building a map. */
function entryOfId(source: Source, id: string): number | undefined {
  const { ids, count } = source.workspace;
  if (!id) return undefined;
  for (let at = ids.indexOf(id); at >= 0; at = ids.indexOf(id, at + 1)) {
    const end = at + id.length;
    if (
      (at === 0 || ids.charCodeAt(at - 1) === ENTRY_CODE) &&
      (end === ids.length || ids.charCodeAt(end) === ENTRY_CODE)
    ) {
      return entryAt((source.starts.ids ??= entryStarts(ids, count)), at);
    }
  }
  return undefined;
}

/**
 * Merges workspaces already in alphabetical order (the background stores them so) into one
 * order: for each position, which workspace and which of its entries.
 */
/** Name, then team and key, as the picker lists ties. */
function merge(sources: readonly Source[], haystacks: readonly string[][]): { from: Uint16Array; entries: Int32Array } {
  const total = sources.reduce((sum, source) => sum + source.workspace.count, 0);
  const from = new Uint16Array(total);
  const entries = new Int32Array(total);
  const heads = sources.map(() => 0);
  const tie = (w: number) => {
    const { workspace } = sources[w]!;
    return `${workspace.teamName}${workspace.accountId}:${column(sources[w]!, 'ids', heads[w]!)}`;
  };
  for (let position = 0; position < total; position++) {
    let best = -1;
    let bestName = '';
    for (let w = 0; w < sources.length; w++) {
      if (heads[w]! >= sources[w]!.workspace.count) continue;
      const name = foldedNameOf(haystacks[w]![heads[w]!]!);
      if (best < 0 || name < bestName || (name === bestName && tie(w) < tie(best))) {
        best = w;
        bestName = name;
      }
    }
    from[position] = best;
    entries[position] = heads[best]!++;
  }
  return { from, entries };
}

export function indexDirectory(workspaces: readonly WorkspaceColumns[]): DirectoryIndex {
  const sources: Source[] = workspaces.map((workspace) => ({ workspace, starts: {} }));
  const single = workspaces.length <= 1;
  // One workspace is searched in its stored order, so even its split waits for the first search.
  const split = single ? [] : workspaces.map((workspace) => entriesOf(workspace.haystacks, workspace.count));
  const count = workspaces.reduce((sum, workspace) => sum + workspace.count, 0);
  const only = workspaces[0];

  // One workspace: positions are its entries (no merge table); otherwise where each position is from.
  let from: Uint16Array | undefined;
  let entries: Int32Array | undefined;
  let haystacks: readonly string[] | undefined;
  const kinds = new Uint8Array(count);
  const members: number[] = [];
  if (single) {
    // The stored order is the order: nothing to copy, one pass over two byte arrays.
    const flags = only?.flags;
    const stored = only?.kinds;
    for (let entry = 0; entry < count; entry++) {
      const flag = flags![entry]!;
      if (flag & ARCHIVED) continue;
      kinds[entry] = PERSON_KINDS[stored![entry]!] ?? CHANNELS;
      if (flag & MEMBER) members.push(entry);
    }
  } else {
    ({ from, entries } = merge(sources, split));
    const merged = new Array<string>(count);
    for (const source of sources) source.positions = new Int32Array(source.workspace.count);
    for (let position = 0; position < count; position++) {
      const w = from[position]!;
      const entry = entries[position]!;
      const { workspace, positions } = sources[w]!;
      positions![entry] = position;
      merged[position] = split[w]![entry]!;
      const flag = workspace.flags[entry]!;
      if (flag & ARCHIVED) continue;
      kinds[position] = PERSON_KINDS[workspace.kinds[entry]!] ?? CHANNELS;
      if (flag & MEMBER) members.push(position);
    }
    haystacks = merged;
  }

  const made = new Map<number, Target>();
  const found = new Map<string, number | undefined>();
  const byAccount = new Map(sources.map((source) => [source.workspace.accountId, source]));
  const haystacksOf = () => (haystacks ??= only ? entriesOf(only.haystacks, only.count) : []);
  let masks: Masks | undefined;
  const masksOf = (): Masks => {
    if (masks) return masks;
    const all = haystacksOf();
    const made: Masks = {
      letters: new Int32Array(count),
      fieldInitials: new Int32Array(count),
      wordInitials: new Int32Array(count),
    };
    for (let position = 0; position < count; position++) describeHaystack(all[position]!, made, position);
    return (masks = made);
  };

  let everyone: Int32Array | undefined;
  return {
    count,
    workspaceCount: workspaces.filter((workspace) => workspace.count > 0).length,
    // The first search needs it, the picker's first render does not.
    get everyone() {
      return (everyone ??= identity(count));
    },
    get haystacks() {
      return haystacksOf();
    },
    get letters() {
      return masksOf().letters;
    },
    get fieldInitials() {
      return masksOf().fieldInitials;
    },
    get wordInitials() {
      return masksOf().wordInitials;
    },
    kinds,
    members: Int32Array.from(members),
    boosts: new Int32Array(count),
    trail: [],
    targetAt(position) {
      const cached = made.get(position);
      if (cached) return cached;
      const source = sources[from ? from[position]! : 0]!;
      const entry = entries ? entries[position]! : position;
      const { workspace } = source;
      const target = targetFrom(
        workspace.accountId,
        workspace.teamName,
        column(source, 'ids', entry),
        column(source, 'names', entry) || foldedNameOf(column(source, 'haystacks', entry)),
        column(source, 'realNames', entry),
        workspace.kinds[entry]!,
        workspace.flags[entry]!,
      );
      made.set(position, target);
      return target;
    },
    prepare() {
      if (!haystacks) haystacksOf();
      else if (!masks) masksOf();
      else if (!everyone) everyone = identity(count);
      else {
        const source = sources.find(({ starts }) => COLUMNS.some((name) => !starts[name]));
        if (!source) return false;
        const name = COLUMNS.find((column) => !source.starts[column])!;
        source.starts[name] = entryStarts(source.workspace[name], source.workspace.count);
      }
      return true;
    },
    positionOf(key) {
      if (found.has(key)) return found.get(key);
      // Slack ids never contain ':'; account ids may.
      const split = key.lastIndexOf(':');
      const source = byAccount.get(key.slice(0, split));
      const entry = source && split > 0 ? entryOfId(source, key.slice(split + 1)) : undefined;
      const position = entry === undefined ? undefined : source?.positions ? source.positions[entry] : entry;
      found.set(key, position);
      return position;
    },
  };
}
