import type { WithLock } from '../platform/locks';
import type { SendResult } from '../protocol';
import type { OutboxItem } from '../store/sending-records';
import { deliver } from './delivery';
import type { Services } from './services';

/**
 * Sends what is due, oldest first and in order per target: while an earlier item for a target
 * waits, later ones for that target wait too. One drain at a time across contexts.
 */
export interface Outbox {
  /** Stores the item first, then tries it at once. */
  enqueue(item: OutboxItem): Promise<SendResult>;
  /** Sends what is due; concurrent calls share one pass. */
  drain(): Promise<number>;
}

export function createOutbox(services: Services, withLock: WithLock): Outbox {
  let running: Promise<number> | undefined;

  async function drainOnce(): Promise<number> {
    const items = (await services.store.db.getAll('outbox')).sort((a, b) => a.createdAt - b.createdAt);
    const blocked = new Set<string>();
    let delivered = 0;
    const now = Date.now();
    for (const item of items) {
      const target = `${item.accountId}:${item.channel}`;
      if (item.state === 'failed' || blocked.has(target)) {
        if (item.state !== 'failed') blocked.add(target);
        continue;
      }
      // Under the lock nobody else is sending: a 'sending' item was left by a worker that stopped
      // mid-attempt, so its answer is unknown.
      const stale = item.state === 'sending';
      const due = item.state === 'pending' && item.nextAttemptAt <= now;
      if (!due && !stale) {
        blocked.add(target);
        continue;
      }
      const result = await deliver(services, stale ? { ...item, unclear: true } : item);
      if (result.state === 'sent' || result.state === 'scheduled') delivered++;
      else blocked.add(target);
    }
    return delivered;
  }

  return {
    /** Stores the item first, then tries it at once. */
    async enqueue(item: OutboxItem): Promise<SendResult> {
      await services.store.db.put('outbox', item);
      return withLock('courier-outbox', () => deliver(services, item));
    },
    drain(): Promise<number> {
      running ??= withLock('courier-outbox', drainOnce).finally(() => (running = undefined));
      return running;
    },
  };
}
