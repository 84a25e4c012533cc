import type { OutboxItem } from '../store/sending-records';

/**
 * The item waiting again and due now (Retry, Edit, access granted): what made it wait for the
 * person (the site it needed, the downloads that failed, the old sentence) is cleared.
 */
export function readyAgain(item: OutboxItem, now: number): OutboxItem {
  const { needsAccess: _access, reason: _reason, ...rest } = item;
  return {
    ...rest,
    state: 'pending',
    nextAttemptAt: now,
    ...(item.file ? { file: { ...item.file, downloadFailures: 0 } } : {}),
  };
}
