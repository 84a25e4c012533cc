import { browser } from 'wxt/browser';

export interface RecentRun {
  accountId: string;
  teamName: string;
  actionId: string;
  title: string;
  input: Record<string, unknown>;
  at: number;
  ok: boolean;
}

const KEY = 'console:recent';
const KEEP = 20;

/** Recent console runs, newest first. Inputs only: results and tokens are never kept. */
export async function loadRecentRuns(): Promise<RecentRun[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as RecentRun[]) : [];
}

export async function rememberRun(run: RecentRun): Promise<RecentRun[]> {
  const runs = [run, ...(await loadRecentRuns())].slice(0, KEEP);
  await browser.storage.local.set({ [KEY]: runs });
  return runs;
}
