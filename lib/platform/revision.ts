import { browser } from 'wxt/browser';

/**
 * Pages learn that the background changed something (an account linked, a chain died) through a
 * revision counter in storage.local: every open page reloads what it shows when it changes.
 */
export type Topic = 'accounts' | 'profiles' | 'directory' | 'outbox';

const keyFor = (topic: Topic) => `revision:${topic}`;

export async function bumpRevision(topic: Topic): Promise<void> {
  await browser.storage.local.set({ [keyFor(topic)]: Date.now() + Math.random() });
}

export function watchRevision(topic: Topic, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keyFor(topic) in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** How often a long run of changes (a drain through a backlog) tells the pages while it lasts. */
export const RUN_REVISION_MS = 250;

/**
 * Bumps for a run of changes made together (a fan-out, a drain): one bump at the end, and while the
 * run lasts at most one every `everyMs`, so open pages follow a long run without reloading (and
 * the background without re-reading the outbox for the badge) once per change.
 */
export function revisionRun(topic: Topic, everyMs = RUN_REVISION_MS) {
  let changed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!changed) return Promise.resolve();
    changed = false;
    return bumpRevision(topic);
  };
  return {
    changed: (): void => {
      changed = true;
      timer ??= setTimeout(() => void flush().catch(() => undefined), everyMs);
    },
    /** The run is over: tells the pages now if anything changed since the last bump. */
    done: flush,
  };
}
