import type { Target, TargetKind } from './target';
import { fold, haystackOf } from './text';

/**
 * The directory of one workspace as it is stored: a handful of long strings and typed arrays
 * instead of one object per target, so the popup reads 70 000 targets in one quick structured-clone
 * and searches them without building anything. The background also stores what search needs
 * (folded haystacks, in the picker's alphabetical order). Nothing that can be derived cheaply
 * after the popup is shown is stored: every byte here is read before the picker can be used.
 *
 * Bump DIRECTORY_FORMAT when what is derived here changes meaning: readers ignore records of
 * another format and the background rewrites them at its next refresh.
 */
export const DIRECTORY_FORMAT = 2;

export interface DirectoryColumns {
  format: number;
  count: number;
  /** One entry per target, joined by ENTRY, in alphabetical order of folded name, then id. */
  ids: string;
  /** '' where the name is its folded form, the first field of its haystack (Slack's names mostly are). */
  names: string;
  /** '' where a target has none. */
  realNames: string;
  /** Index into KINDS. */
  kinds: Uint8Array;
  /** ARCHIVED | MEMBER. */
  flags: Uint8Array;
  /** Per target: its folded "name\ndisplay name\nreal name" (text.ts), joined by ENTRY. */
  haystacks: string;
}

/** Separates the entries of a string column; never part of a name (control characters are replaced). */
export const ENTRY = '\u0001';
export const ENTRY_CODE = 1;
export const KINDS: readonly TargetKind[] = ['channel', 'private', 'im', 'mpim', 'user'];
export const ARCHIVED = 1;
export const MEMBER = 2;

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not be stored
const CONTROL = /[\u0000-\u001f]/g;
const clean = (text: string | undefined): string => (text ? text.replace(CONTROL, ' ') : '');

/** One workspace's targets as stored. Every target must belong to the same account. */
export function toColumns(targets: readonly Target[]): DirectoryColumns {
  const count = targets.length;
  const foldedNames = targets.map((target) => fold(clean(target.name)).trim());
  const order = Array.from(targets.keys()).sort((a, b) => {
    const nameA = foldedNames[a]!;
    const nameB = foldedNames[b]!;
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    const keyA = targets[a]!.key;
    const keyB = targets[b]!.key;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });
  const columns = {
    ids: new Array<string>(count),
    names: new Array<string>(count),
    realNames: new Array<string>(count),
    haystacks: new Array<string>(count),
  };
  const kinds = new Uint8Array(count);
  const flags = new Uint8Array(count);
  order.forEach((original, position) => {
    const target = targets[original]!;
    const name = clean(target.name);
    const realName = clean(target.realName);
    const folded = foldedNames[original]!;
    columns.ids[position] = clean(target.id);
    columns.names[position] = name === folded ? '' : name;
    columns.realNames[position] = realName;
    columns.haystacks[position] = haystackOf(folded, { realName, displayName: clean(target.displayName) });
    kinds[position] = Math.max(0, KINDS.indexOf(target.kind));
    flags[position] = (target.archived ? ARCHIVED : 0) | (target.isMember ? MEMBER : 0);
  });
  return {
    format: DIRECTORY_FORMAT,
    count,
    ids: columns.ids.join(ENTRY),
    names: columns.names.join(ENTRY),
    realNames: columns.realNames.join(ENTRY),
    kinds,
    flags,
    haystacks: columns.haystacks.join(ENTRY),
  };
}

/** Where each entry of a string column starts; entry i ends one before start i + 1. */
export function entryStarts(column: string, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let entry = 1;
  for (let at = column.indexOf(ENTRY); at >= 0 && entry < count; at = column.indexOf(ENTRY, at + 1)) {
    starts[entry++] = at + 1;
  }
  starts[count] = column.length + 1;
  return starts;
}

/** The entries of a string column, in order. */
export function entriesOf(column: string, count: number): string[] {
  return count === 0 ? [] : column.split(ENTRY);
}

/** A stored workspace directory: its account, and its targets as columns. */
export interface WorkspaceColumns extends DirectoryColumns {
  accountId: string;
  teamName: string;
}

/** The first field of a haystack: the folded name. */
export function foldedNameOf(haystack: string): string {
  const end = haystack.indexOf('\n');
  return end < 0 ? haystack : haystack.slice(0, end);
}

/** Every target of a stored workspace directory, as objects (for pages that list them all). */
export function targetsOf(workspace: WorkspaceColumns): Target[] {
  const { accountId, teamName, count } = workspace;
  const ids = entriesOf(workspace.ids, count);
  const names = entriesOf(workspace.names, count);
  const realNames = entriesOf(workspace.realNames, count);
  const haystacks = entriesOf(workspace.haystacks, count);
  return ids.map((id, i) =>
    targetFrom(
      accountId,
      teamName,
      id,
      names[i] || foldedNameOf(haystacks[i]!),
      realNames[i]!,
      workspace.kinds[i]!,
      workspace.flags[i]!,
    ),
  );
}

/**
 * A target as the picker shows and sends it. Its display name is only searched (through its
 * haystack), never shown, so it is not stored.
 */
export function targetFrom(
  accountId: string,
  teamName: string,
  id: string,
  name: string,
  realName: string,
  kind: number,
  flags: number,
): Target {
  return {
    key: `${accountId}:${id}`,
    accountId,
    teamName,
    id,
    kind: KINDS[kind] ?? 'channel',
    name,
    ...(realName ? { realName } : {}),
    ...(flags & ARCHIVED ? { archived: true } : {}),
    isMember: (flags & MEMBER) !== 0,
  };
}
