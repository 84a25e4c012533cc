import type { DirectoryRecord } from '../store/sending-records';
import { DIRECTORY_FORMAT } from './columns';
import { DIRECTORY_MARKS, readDirectory } from './read';
import { directoryStamp, readPublishedStamp } from './stamp';

/**
 * A copy of the directory cache in the extension's localStorage, for the popup's first frame.
 * Opening IndexedDB in a fresh page costs about as much as the whole blank page does (measured in
 * bench/notes.md), whatever the size of the record; localStorage is read synchronously, in a few
 * milliseconds, by the popup's head script. IndexedDB stays the truth: the copy is shown only when
 * its stamp is the one the background published for the cache (lib/directory/stamp.ts), else the
 * popup reads IndexedDB and rewrites the copy when idle. Only pages write it (a service worker has
 * no localStorage).
 *
 * Only pages use it. It holds what IndexedDB's directory holds (names and ids, no token or secret),
 * under the extension's own origin. When it does not fit (Firefox allows 5 MB per origin), it is
 * removed and the popup reads IndexedDB as before.
 */

const KEY = 'courier-directory';
/**
 * Ends the header; never part of it (JSON escapes control characters). The columns follow it
 * back to back, cut by the lengths the header gives: reading the copy is then slicing, no scan of
 * its megabytes.
 */
const HEADER_END = '\u0002';
/** Bumped with DIRECTORY_FORMAT or when this layout changes: another version reads as absent. */
const LAYOUT = `${DIRECTORY_FORMAT}.2`;

const STRING_COLUMNS = ['ids', 'names', 'realNames', 'haystacks'] as const;
type StringColumn = (typeof STRING_COLUMNS)[number];

interface Header {
  layout: string;
  workspaces: {
    accountId: string;
    teamName: string;
    count: number;
    refreshedAt: number;
    /** The length of each string column, in STRING_COLUMNS' order; kinds and flags are count long. */
    lengths: number[];
  }[];
}

/** Bytes as characters, so the copy is one string. */
function bytesToText(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return text;
}

/**
 * Kinds and flags are below 128, where UTF-8 is one byte per character: the native encoder turns
 * the text back into the bytes faster than a loop. Anything else reads as damaged (undefined).
 */
function textToBytes(text: string): Uint8Array | undefined {
  const bytes = new TextEncoder().encode(text);
  return bytes.length === text.length ? bytes : undefined;
}

export function encodeMirror(records: readonly DirectoryRecord[]): string {
  const header: Header = {
    layout: LAYOUT,
    workspaces: records.map(({ accountId, teamName, count, refreshedAt, ...record }) => ({
      accountId,
      teamName,
      count,
      refreshedAt,
      lengths: STRING_COLUMNS.map((name) => record[name].length),
    })),
  };
  const columns = records.flatMap((record) => [
    ...STRING_COLUMNS.map((name) => record[name]),
    bytesToText(record.kinds),
    bytesToText(record.flags),
  ]);
  return JSON.stringify(header) + HEADER_END + columns.join('');
}

/** The records a mirror holds; undefined when it is of another layout or damaged. */
export function decodeMirror(text: string): DirectoryRecord[] | undefined {
  const headerEnd = text.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  let header: Header;
  try {
    header = JSON.parse(text.slice(0, headerEnd)) as Header;
  } catch {
    return undefined;
  }
  if (header.layout !== LAYOUT) return undefined;
  let at = headerEnd + 1;
  const take = (length: number) => text.slice(at, (at += length));
  const records = header.workspaces.map(({ lengths, ...workspace }) => {
    const strings = Object.fromEntries(STRING_COLUMNS.map((name, i) => [name, take(lengths[i] ?? 0)]));
    const kinds = textToBytes(take(workspace.count));
    const flags = textToBytes(take(workspace.count));
    if (!kinds || !flags) return undefined;
    return { ...workspace, format: DIRECTORY_FORMAT, ...(strings as Record<StringColumn, string>), kinds, flags };
  });
  return at === text.length && records.every(Boolean) ? (records as DirectoryRecord[]) : undefined;
}

// The Storage parameters are never named `storage`: WXT's build then bundles its own storage
// module (14 KB) into the page, as measured by scripts/budgets.mjs.

/** The popup's copy; undefined when there is none, or localStorage is unavailable. */
export function readMirror(local: Storage | undefined = globalThis.localStorage): DirectoryRecord[] | undefined {
  try {
    const text = local?.getItem(KEY);
    return text ? decodeMirror(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the copy; when it does not fit, removes it so a stale one is never read. */
export function writeMirror(
  records: readonly DirectoryRecord[],
  local: Storage | undefined = globalThis.localStorage,
): boolean {
  if (!local) return false;
  try {
    if (records.length === 0) local.removeItem(KEY);
    else local.setItem(KEY, encodeMirror(records));
    return true;
  } catch {
    try {
      local.removeItem(KEY);
    } catch {
      // Nothing more to do: readMirror then finds nothing and the popup reads IndexedDB.
    }
    return false;
  }
}

/** Removes the copy (a workspace was disconnected: its names should not stay behind). */
export function dropMirror(local: Storage | undefined = globalThis.localStorage): void {
  writeMirror([], local);
}

/** The popup's first read of the directory: its copy when it is current, else IndexedDB. */
export interface FirstRead {
  records: Promise<DirectoryRecord[]>;
  /** The stamp of the copy found, if any: the popup rewrites the copy when what it shows differs. */
  copied?: string;
}

export function firstRead(): FirstRead {
  // Asked first: the answer travels while the copy is decoded.
  const published = readPublishedStamp().catch(() => undefined);
  const copy = readMirror();
  if (!copy) return { records: readDirectory() };
  const copied = directoryStamp(copy);
  const records = published.then((stamp) => {
    if (stamp !== copied) return readDirectory();
    performance.mark(DIRECTORY_MARKS.read);
    return copy;
  });
  return { records, copied };
}
