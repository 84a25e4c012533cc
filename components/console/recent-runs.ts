import type { RecentRun } from '@/lib/store/settings';
import { recentConsoleRuns } from '@/lib/store/settings';

export type { RecentRun } from '@/lib/store/settings';

const KEEP = 20;

/** Recent console runs, newest first. Inputs only: results and tokens are never kept. */
export const loadRecentRuns = (): Promise<RecentRun[]> => recentConsoleRuns.getValue();

export async function rememberRun(run: RecentRun): Promise<RecentRun[]> {
  const runs = [run, ...(await loadRecentRuns())].slice(0, KEEP);
  await recentConsoleRuns.setValue(runs);
  return runs;
}
