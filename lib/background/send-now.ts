import { browser } from 'wxt/browser';
import type { SendResult, SendTarget } from '../protocol';
import { formatShare } from '../share/format';
import type { Share } from '../share/share';
import type { ThreadRef } from '../share/thread-link';
import type { Services } from './services';

const RECENTS_KEY = 'recent-targets';
const MAX_RECENTS = 10;

/** Most recent first; the popup's picker and the context menus both read this list. */
export async function rememberTargets(targets: SendTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const stored = (await browser.storage.local.get(RECENTS_KEY))[RECENTS_KEY];
  const previous = Array.isArray(stored) ? (stored as { key: string; label: string }[]) : [];
  const chosen = targets.map(({ key, label }) => ({ key, label }));
  const recents = [...chosen, ...previous.filter((entry) => !chosen.some((target) => target.key === entry.key))];
  await browser.storage.local.set({ [RECENTS_KEY]: recents.slice(0, MAX_RECENTS) });
}

/**
 * Formats the share once and sends it to each target through the outbox: stored first, tried at
 * once, kept for a retry if Slack does not confirm it.
 */
export async function sendShareNow(
  services: Services,
  share: Share,
  targets: SendTarget[],
  options: { thread?: ThreadRef; postAt?: number; unfurl?: boolean } = {},
): Promise<SendResult[]> {
  const { text, unfurl_links } = formatShare(share);
  const results: SendResult[] = [];
  for (const target of targets) {
    // A thread link names one channel; it applies to the target in that channel only.
    const threadTs = options.thread?.channel === target.id ? options.thread.ts : undefined;
    results.push(
      await services.outbox.enqueue({
        id: crypto.randomUUID(),
        accountId: target.accountId,
        channel: target.id,
        label: target.label,
        text,
        unfurl: options.unfurl ?? unfurl_links,
        ...(threadTs ? { threadTs } : {}),
        ...(options.postAt !== undefined ? { postAt: options.postAt } : {}),
        state: 'pending',
        attempts: 0,
        createdAt: Date.now(),
        nextAttemptAt: Date.now(),
      }),
    );
  }
  await rememberTargets(targets.filter((_, index) => results[index]?.state !== 'failed'));
  return results;
}
