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
