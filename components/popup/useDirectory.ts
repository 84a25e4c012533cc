import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { indexDirectory, type DirectoryIndex } from '@/lib/directory/directory-index';
import { DIRECTORY_MARKS, readDirectory } from '@/lib/directory/read';
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

/** Which version of each workspace's directory an index was built from. */
function stampOf(records: readonly DirectoryRecord[]): string {
  return records
    .map((record) => `${record.accountId}@${record.refreshedAt}`)
    .sort()
    .join(',');
}

/**
 * The directory of every linked workspace, straight from the IndexedDB cache, so targets show at
 * once; then the background is asked to refresh stale directories, and the cache is read again
 * whenever the background rewrites it. The index is rebuilt only when a directory changed.
 */
export function useDirectory(
  /** A read of the cache already under way (the popup starts one before its UI has loaded). */
  started?: Promise<DirectoryRecord[]>,
): DirectoryView {
  const [view, setView] = useState<DirectoryView>({ status: 'loading' });
  const refreshing = useRef(true);
  // Before the first paint: the read is the longest part of opening, so it starts at once.
  useLayoutEffect(() => {
    let live = true;
    let stamp: string | undefined;
    let pending = started;
    const load = async () => {
      const read = pending ?? readDirectory();
      pending = undefined;
      const records = await read;
      const next = stampOf(records);
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
