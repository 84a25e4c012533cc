import type { SendTarget } from '../protocol';
import type { RecentTarget } from '../store/settings';
import { recentTargets } from '../store/settings';

export type { RecentTarget } from '../store/settings';

/** How many targets the recents keep (the recent-targets setting, lib/store/settings.ts). */
const MAX_RECENTS = 10;

export const readRecents = (): Promise<RecentTarget[]> => recentTargets.getValue();

export async function rememberTargets(targets: readonly SendTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const chosen = targets.map(({ key, label }) => ({ key, label }));
  const previous = (await readRecents()).filter((entry) => !chosen.some((target) => target.key === entry.key));
  await recentTargets.setValue([...chosen, ...previous].slice(0, MAX_RECENTS));
}

/** Keys are `${accountId}:${id}` and account ids contain ':' themselves: the id is the last part. */
export function targetFromRecent({ key, label }: RecentTarget): SendTarget | null {
  const cut = key.lastIndexOf(':');
  if (cut <= 0) return null;
  return { key, accountId: key.slice(0, cut), id: key.slice(cut + 1), label };
}
