import { browser } from 'wxt/browser';
import type { SendTarget } from '../protocol';

/** Recent targets, most recent first: written by the background after each send, read by the popup and menus. */
export const RECENTS_KEY = 'recent-targets';
const MAX_RECENTS = 10;

export interface RecentTarget {
  key: string;
  label: string;
}

export function parseRecents(value: unknown): RecentTarget[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is RecentTarget =>
      typeof (entry as RecentTarget | null)?.key === 'string' && typeof (entry as RecentTarget).label === 'string',
  );
}

export async function readRecents(): Promise<RecentTarget[]> {
  return parseRecents((await browser.storage.local.get(RECENTS_KEY))[RECENTS_KEY]);
}

export async function rememberTargets(targets: readonly SendTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const chosen = targets.map(({ key, label }) => ({ key, label }));
  const previous = (await readRecents()).filter((entry) => !chosen.some((target) => target.key === entry.key));
  await browser.storage.local.set({ [RECENTS_KEY]: [...chosen, ...previous].slice(0, MAX_RECENTS) });
}

/** Keys are `${accountId}:${id}` and account ids contain ':' themselves: the id is the last part. */
export function targetFromRecent({ key, label }: RecentTarget): SendTarget | null {
  const cut = key.lastIndexOf(':');
  if (cut <= 0) return null;
  return { key, accountId: key.slice(0, cut), id: key.slice(cut + 1), label };
}
