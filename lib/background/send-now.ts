import { rememberTargets } from '../platform/recents';
import type { SendResult, SendTarget } from '../protocol';
import { formatShare } from '../share/format';
import type { Share } from '../share/share';
import type { ThreadRef } from '../share/thread-link';
import type { Services } from './services';

/**
 * Formats the share once and sends it to every target through the outbox: stored first, tried at
 * once and side by side (the budget keeps each workspace within Slack's limits), kept for a retry
 * if Slack does not confirm it.
 */
export async function sendShareNow(
  services: Services,
  share: Share,
  targets: SendTarget[],
  options: { thread?: ThreadRef; postAt?: number; unfurl?: boolean } = {},
): Promise<SendResult[]> {
  const { text, unfurl_links } = formatShare(share);
  const now = Date.now();
  const results = await services.outbox.enqueueAll(
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
  await rememberTargets(targets.filter((_, index) => results[index]?.state !== 'failed'));
  return results;
}
