import type { SendResult, SendTarget } from '../protocol';
import { formatShare } from '../share/format';
import type { Share } from '../share/share';
import type { ThreadRef } from '../share/thread-link';
import type { Outbox } from './outbox';

/**
 * Formats the share once and sends it to every target through the outbox: stored first, tried at
 * once and side by side (the budget keeps each workspace within Slack's limits), kept for a retry
 * if Slack does not confirm it.
 */
export async function sendShareNow(
  outbox: Pick<Outbox, 'enqueueAll'>,
  share: Share,
  targets: SendTarget[],
  options: { thread?: ThreadRef; postAt?: number; unfurl?: boolean } = {},
): Promise<SendResult[]> {
  const { text, unfurl_links } = formatShare(share);
  const now = Date.now();
  return outbox.enqueueAll(
    targets.map((target) => {
      // A thread link names one channel; it applies to the target in that channel only.
      const threadTs = options.thread?.channel === target.id ? options.thread.ts : undefined;
      return {
        id: crypto.randomUUID(),
        accountId: target.accountId,
        channel: target.id,
        label: target.label,
        text,
        unfurl: options.unfurl ?? unfurl_links,
        ...(threadTs ? { threadTs } : {}),
        ...(options.postAt !== undefined ? { postAt: options.postAt } : {}),
        state: 'pending' as const,
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
      };
    }),
  );
}

/** The targets a send reached or queued for (the recents remember them), in order. */
export function reachedTargets(targets: readonly SendTarget[], results: readonly SendResult[]): SendTarget[] {
  return targets.filter((_, index) => results[index]?.state !== 'failed');
}
