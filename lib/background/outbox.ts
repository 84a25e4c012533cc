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
  /**
   * Stores the items first, then tries them at once: different targets side by side, the items of
   * one target in order (one that does not go out holds back those after it). Results in item order.
   */
  enqueueAll(items: readonly OutboxItem[]): Promise<SendResult[]>;
  /** Sends what is due; concurrent calls share one pass. */
  drain(): Promise<number>;
  /** The network is back: waiting items need not sit out their backoff. */
  retryNow(): Promise<number>;
}

/** What became of an item a drain tried first: sent (in history), or still in the outbox. */
async function alreadyTried(services: Services, item: OutboxItem, current?: OutboxItem): Promise<SendResult> {
  const base = {
    key: `${item.accountId}:${item.channel}`,
    label: item.label,
    accountId: item.accountId,
    outboxId: item.id,
  };
  if (current) {
    return {
      ...base,
      channel: item.channel,
      state: current.state === 'failed' ? 'failed' : 'queued',
      ...(current.reason ? { error: { kind: 'slack_error' as const, message: current.reason } } : {}),
    };
  }
  const entry = await services.store.db.get('history', item.id);
  return {
    ...base,
    channel: entry?.channel ?? item.channel,
    state: entry?.scheduledMessageId ? 'scheduled' : 'sent',
    ...(entry?.ts ? { ts: entry.ts } : {}),
    ...(entry?.permalink ? { permalink: entry.permalink } : {}),
    ...(entry?.scheduledMessageId ? { scheduledMessageId: entry.scheduledMessageId, postAt: entry.postAt } : {}),
  };
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

  /** Under the outbox lock: a drain may have tried the item while it waited; never send it twice. */
  async function tryStored(item: OutboxItem): Promise<SendResult> {
    const current = await services.store.db.get('outbox', item.id);
    if (current?.attempts === item.attempts) return deliver(services, current);
    return alreadyTried(services, item, current);
  }

  const drain = (): Promise<number> => {
    running ??= withLock('courier-outbox', drainOnce).finally(() => (running = undefined));
    return running;
  };

  return {
    /** Stores the item first, then tries it at once. */
    async enqueue(item: OutboxItem): Promise<SendResult> {
      await services.store.db.put('outbox', item);
      return withLock('courier-outbox', () => tryStored(item));
    },
    async enqueueAll(items) {
      const tx = services.store.db.transaction('outbox', 'readwrite');
      await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
      const lines = new Map<string, OutboxItem[]>();
      for (const item of items) {
        const target = `${item.accountId}:${item.channel}`;
        lines.set(target, [...(lines.get(target) ?? []), item]);
      }
      const results = new Map<string, SendResult>();
      // One message to many targets waits for the slowest target, not for the sum of them all.
      await withLock('courier-outbox', () =>
        Promise.all(
          [...lines.values()].map(async (line) => {
            let held = false;
            for (const item of line) {
              const result: SendResult = held
                ? await alreadyTried(services, item, await services.store.db.get('outbox', item.id))
                : await tryStored(item);
              held ||= result.state !== 'sent' && result.state !== 'scheduled';
              results.set(item.id, result);
            }
          }),
        ),
      );
      return items.map((item) => results.get(item.id)!);
    },
    async retryNow(): Promise<number> {
      const db = services.store.db;
      for (const item of await db.getAll('outbox')) {
        if (item.state === 'pending' && item.nextAttemptAt > Date.now())
          await db.put('outbox', { ...item, nextAttemptAt: Date.now() });
      }
      return drain();
    },
    drain,
  };
}
