import { firstRead, type FirstRead } from '@/lib/directory/mirror';
import { nativeApi } from '@/lib/platform/native';
import { currentPageFrom, type CurrentPage, type TabsQuery } from './current-page';

/**
 * What the popup starts before its UI's code has loaded: the popup's first script
 * (entrypoints/popup-read.ts, a small classic script in its <head>) starts them while the page is
 * still being parsed and the UI's script is on its way, and the UI takes them over (popup/start.tsx).
 * At scale the directory read is the longest part of opening the popup (lib/directory/mirror.ts
 * makes it a synchronous read of a copy); the tab's answer would otherwise wait behind it.
 */
export interface EarlyReads {
  directory: FirstRead;
  /** Absent when the page names its share (`?share=`, the compose window): no tab is read. */
  page?: Promise<CurrentPage | null>;
}

const HOLDER = 'courierEarlyReads';
type Holder = { [HOLDER]?: EarlyReads };

const nativeTabs = () => nativeApi<{ tabs: TabsQuery }>().tabs;

export function startEarlyReads(search = location.search): void {
  const reads: EarlyReads = {
    directory: firstRead(),
    ...(new URLSearchParams(search).has('share') ? {} : { page: currentPageFrom(nativeTabs()) }),
  };
  // The UI reports failures once it takes the reads; until then they are not unhandled.
  reads.directory.records.catch(() => undefined);
  reads.page?.catch(() => undefined);
  (globalThis as Holder)[HOLDER] = reads;
}

/** The reads startEarlyReads began, once; undefined when it did not run. */
export function takeEarlyReads(): EarlyReads | undefined {
  const holder = globalThis as Holder;
  const reads = holder[HOLDER];
  delete holder[HOLDER];
  return reads;
}
