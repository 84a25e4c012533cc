import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { indexDirectory, type DirectoryIndex } from '@/lib/directory/directory-index';
import { writeMirror, type FirstRead } from '@/lib/directory/mirror';
import { DIRECTORY_MARKS, readDirectory } from '@/lib/directory/read';
import { directoryStamp } from '@/lib/directory/stamp';
import { ask } from '@/lib/messaging/ask';
import { watchRevision } from '@/lib/platform/revision';
import type { DirectoryRecord } from '@/lib/store/sending-records';

export type DirectoryView =
  | { status: 'loading' }
  | {
      status: 'ready';
      index: DirectoryIndex;
      workspaces: number;
      /** The workspaces whose directory is cached: another one's channels cannot be offered. */
      accountIds: readonly string[];
      /** The background is still checking for stale or missing directories. */
      refreshing: boolean;
    }
  | { status: 'failed'; message: string };

// Writing the copy takes a few milliseconds of the page's thread: never while a frame is due.
const whenIdle = (work: () => void) =>
  'requestIdleCallback' in globalThis ? void requestIdleCallback(work, { timeout: 2000 }) : void setTimeout(work, 0);

/**
 * The directory of every linked workspace, straight from the IndexedDB cache, so targets show at
 * once; then the background is asked to refresh stale directories, and the cache is read again
 * whenever the background rewrites it. The index is rebuilt only when a directory changed.
 *
 * With a first read (the popup's), the popup also keeps its copy (lib/directory/mirror.ts),
 * rewritten when idle whenever what it read from the cache is not what the copy holds.
 */
export function useDirectory(
  /** A read already under way (the popup starts one before its UI has loaded). */
  started?: FirstRead,
): DirectoryView {
  const [view, setView] = useState<DirectoryView>({ status: 'loading' });
  const refreshing = useRef(true);
  // Before the first paint: the read is the longest part of opening, so it starts at once.
  useLayoutEffect(() => {
    let live = true;
    let stamp: string | undefined;
    let pending = started?.records;
    let copied = started?.copied;
    const keep = (records: DirectoryRecord[], next: string) => {
      if (!started || next === copied) return;
      copied = next;
      whenIdle(() => writeMirror(records));
    };
    const load = async () => {
      const read = pending ?? readDirectory();
      pending = undefined;
      const records = await read;
      const next = directoryStamp(records);
      keep(records, next);
      if (!live || next === stamp) return;
      stamp = next;
      const index = indexDirectory(records);
      performance.mark(DIRECTORY_MARKS.indexed);
      const accountIds = records.map((record) => record.accountId);
      setView({ status: 'ready', index, workspaces: records.length, accountIds, refreshing: refreshing.current });
    };
    const reload = () =>
      void load().catch((error: unknown) => {
        if (live) setView({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    const stop = watchRevision('directory', reload);
    reload();
    return () => {
      live = false;
      stop();
    };
  }, []);

  // Once the cache has been shown (an effect runs after that frame): the background's check reads
  // the same records, which would otherwise compete with the popup's own read. Fire and forget:
  // the popup never waits on Slack to show targets.
  const shown = view.status !== 'loading';
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void ask('directory.refresh', {})
      .catch(() => undefined)
      .then(() => {
        refreshing.current = false;
        if (live) setView((view) => (view.status === 'ready' ? { ...view, refreshing: false } : view));
      });
    return () => {
      live = false;
    };
  }, [shown]);
  return view;
}
