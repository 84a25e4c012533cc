import type { DirectoryRepo } from '../store/directory';
import type { DirectoryRecord } from '../store/sending-records';
import { nativeApi } from '../platform/native';
import { DIRECTORY_FORMAT } from './columns';

/**
 * Which version of the cached directory is in IndexedDB, published by the background in
 * storage.local each time it writes one (and at each start): a page holding a copy of the
 * directory (the popup's, lib/directory/mirror.ts) learns whether the copy is current from one
 * small storage read, without opening the database the copy is there to spare.
 */
export const STAMP_KEY = 'directory-stamp';

type Stamped = Pick<DirectoryRecord, 'accountId' | 'refreshedAt'>;

/** Which version of each workspace's directory these are: equal stamps, equal directories. */
export function directoryStamp(records: readonly Stamped[]): string {
  return records
    .map((record) => `${record.accountId}@${record.refreshedAt}`)
    .sort()
    .join(',');
}

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The background: the stamp of what the cache holds now, from its index alone (no record is read). */
export async function publishStamp(directory: Pick<DirectoryRepo, 'stamps'>, area: StorageArea): Promise<void> {
  const stamps = await directory.stamps(DIRECTORY_FORMAT);
  const stamp = directoryStamp([...stamps].map(([accountId, refreshedAt]) => ({ accountId, refreshedAt })));
  if ((await area.get(STAMP_KEY))[STAMP_KEY] !== stamp) await area.set({ [STAMP_KEY]: stamp });
}

/** The stamp the background last published; undefined when none was. */
export async function readPublishedStamp(): Promise<string | undefined> {
  const found = (await nativeApi<{ storage: { local: StorageArea } }>().storage.local.get(STAMP_KEY))[STAMP_KEY];
  return typeof found === 'string' ? found : undefined;
}
