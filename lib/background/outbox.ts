import type { WithLock } from '../platform/locks';
import { bumpRevision, revisionRun } from '../platform/revision';
import { readyAgain, reconnectResumes, type Reconnected } from '../outbox/ready';
import type { SendResult } from '../protocol';
import type { OutboxItem } from '../store/sending-records';
import { contextsOnce } from './account-context';
import { deliver, DISCARDED, type AttemptOptions, type Shared } from './delivery';
import { createOutboxWrites } from './outbox-writes';
import type { Services } from './services';
import { sharedReads } from './shared-read';
import { cancellable } from './uploads';
import { createWake } from './outbox-wake';
import { outboxDueTimes } from '../schedule/next-wake';

/**
 * Sends what is due, oldest first and in order per target: while an earlier item for a target
 * waits, later ones for that target wait too. Each target has its own lock across contexts, so a
 * long upload to one channel or a fan-out to fifty never makes another target wait.
 */
export interface Outbox {
  /**
   * Stores the item first, then tries it at once (after any earlier item for its target that is
   * due). `options` reach this first attempt only: a page's upload progress and Cancel.
   */
  enqueue(item: OutboxItem, options?: AttemptOptions): Promise<SendResult>;
  /**
   * Stores the items first (one transaction), then tries them at once: different targets side by
   * side, the items of one target in order. Results in item order.
   */
  enqueueAll(items: readonly OutboxItem[]): Promise<SendResult[]>;
  /** Sends what is due, every target side by side; concurrent calls share one pass. */
  drain(): Promise<number>;
  /** The network is back: waiting items need not sit out their backoff (Slack's Retry-After stays). */
  retryNow(): Promise<number>;
  /**
   * A chain of the account was renewed: its waiting items go now. Never awaited by the refresher,
   * which may be inside the very attempt this drain would wait for.
   */
  afterRefresh(accountId: string): void;
  /**
   * Changes a stored item (Edit, Retry) under its target's lock, so neither a running attempt's
   * own write nor the change overwrites the other. `change` sees the item as it is once the lock is
   * held; undefined when it is gone by then (sent or discarded).
   */
  update(id: string, change: (item: OutboxItem) => OutboxItem): Promise<OutboxItem | undefined>;
  /**
   * Items waiting for access to their site go again where `holds` says Courier has it now (a
   * grant, or a start after one); how many went.
   */
  resumeAccess(holds: (site: string) => Promise<boolean>): Promise<number>;
  /**
   * The workspace was connected again: the items that failed only because it needed that go
   * again now, each under its own outbox id (so a send that did reach Slack is found, not
   * repeated); how many went.
   */
  resumeReconnected(account: Reconnected): Promise<number>;
}

const targetOf = (item: OutboxItem) => `${item.accountId}:${item.channel}`;

/** What became of an item a drain tried first, or that waits behind an earlier one for its target. */
async function alreadyTried(services: Services, item: OutboxItem, current?: OutboxItem): Promise<SendResult> {
  const base = {
    key: targetOf(item),
    label: item.label,
    accountId: item.accountId,
    outboxId: item.id,
  };
  if (current) {
    const reason = current.reason ?? `It waits behind an earlier send to ${item.label} that Courier is retrying`;
    return {
      ...base,
      channel: item.channel,
      state: current.state === 'failed' ? 'failed' : 'queued',
      error: { kind: 'slack_error', message: reason },
      ...(current.state === 'pending' ? { nextAttemptAt: current.nextAttemptAt } : {}),
    };
  }
  const entry = await services.store.db.get('history', item.id);
  if (!entry) return { ...base, channel: item.channel, state: 'failed', error: DISCARDED };
  return {
    ...base,
    channel: entry?.channel ?? item.channel,
    state: entry?.scheduledMessageId ? 'scheduled' : 'sent',
    ...(entry?.ts ? { ts: entry.ts } : {}),
    ...(entry?.permalink ? { permalink: entry.permalink } : {}),
    ...(entry?.scheduledMessageId ? { scheduledMessageId: entry.scheduledMessageId, postAt: entry.postAt } : {}),
  };
}

/** A file attempt can be stopped by its item id (a discard) as well as by the page that started it. */
function attempt(
  services: Services,
  item: OutboxItem,
  options: AttemptOptions = {},
  shared: Shared,
): Promise<SendResult> {
  if (!item.file) return deliver(services, item, options, shared);
  return cancellable(item.id, (own) =>
    deliver(
      services,
      item,
      { ...options, signal: options.signal ? AbortSignal.any([own, options.signal]) : own },
      shared,
    ),
  );
}

const lockOf = (target: string) => `courier-outbox:${target}`;

/** Attempts made together (a fan-out, a drain): each account read once, the pages told once. */
interface Batch extends Shared {
  /** An item was stored or attempted. */
  changed(): void;
}
const isDelivered = (result: SendResult) => result.state === 'sent' || result.state === 'scheduled';

export function createOutbox(services: Services, withLock: WithLock): Outbox {
  let running: Promise<number> | undefined;
  const { db } = services.store;
  // Each pass reads the whole outbox under its lock; the passes of a fan-out share that read.
  const readOutbox = sharedReads(() => db.getAll('outbox'));
  const writes = createOutboxWrites(db);

  /**
   * One pass over one target's items, to be run under that target's lock, given the outbox as read
   * under it. Returns each tried item's result; `first` is the item an enqueue asked for, with its
   * page's options.
   */
  async function pass(
    target: string,
    outbox: readonly OutboxItem[],
    batch: Batch,
    first?: { id: string; options: AttemptOptions },
  ) {
    const items = outbox
      .filter((item) => targetOf(item) === target && item.state !== 'failed')
      .sort((a, b) => a.createdAt - b.createdAt);
    const results = new Map<string, SendResult>();
    const now = Date.now();
    for (const item of items) {
      // Under the lock nobody else is sending to this target: a 'sending' item was left by a
      // worker that stopped mid-attempt, so its answer is unknown.
      const stale = item.state === 'sending';
      const due = item.state === 'pending' && item.nextAttemptAt <= now;
      if (!due && !stale) break;
      const options = first?.id === item.id ? first.options : undefined;
      const result = await attempt(services, stale ? { ...item, unclear: true } : item, options, batch);
      batch.changed();
      results.set(item.id, result);
      if (!isDelivered(result)) break;
    }
    return results;
  }

  /** Tries the stored `item` (and what is due before it for its target) under the target's lock. */
  const sendStored = (item: OutboxItem, batch: Batch, options: AttemptOptions = {}) =>
    withLock(lockOf(targetOf(item)), async () => {
      const outbox = await readOutbox();
      // A drain may have tried the item while this send waited for the lock: never send it twice.
      const current = outbox.find((stored) => stored.id === item.id);
      if (current?.attempts !== item.attempts) return alreadyTried(services, item, current);
      const results = await pass(targetOf(item), outbox, batch, { id: item.id, options });
      return results.get(item.id) ?? alreadyTried(services, item, await db.get('outbox', item.id));
    });

  /**
   * Runs attempts made together with each account read once, and tells the pages when it is over
   * (and now and then while a long one lasts): a fan-out to fifty channels is one revision (and one
   * badge update), not fifty.
   */
  async function together<T>(work: (batch: Batch) => Promise<T>): Promise<T> {
    const run = revisionRun('outbox');
    try {
      return await work({ contexts: contextsOnce(services), writes, changed: run.changed });
    } finally {
      await run.done();
      void wake.fromOutbox().catch(() => undefined);
    }
  }

  /**
   * Waits until `stored` has stored the items, reading their accounts meanwhile: nothing is
   * attempted before it is stored, but the first attempt need not wait for two reads in a row.
   */
  async function storing(items: readonly OutboxItem[], batch: Batch, stored: Promise<unknown>): Promise<void> {
    // The attempts hear if a read failed; if storing fails, nobody needs to.
    for (const accountId of new Set(items.map((item) => item.accountId)))
      batch.contexts(accountId).catch(() => undefined);
    await stored;
    batch.changed();
  }

  // An alarm is never set less than a minute ahead; a retry due in seconds is kept by a timer.
  const wake = createWake(
    async () => outboxDueTimes(await db.getAll('outbox')),
    () => void drain().catch(() => undefined),
  );

  const drain = (): Promise<number> => {
    running ??= together(async (batch) => {
      const targets = new Set((await readOutbox()).filter((i) => i.state !== 'failed').map(targetOf));
      const passes = await Promise.all(
        [...targets].map((target) => withLock(lockOf(target), async () => pass(target, await readOutbox(), batch))),
      );
      return passes.reduce((sum, results) => sum + [...results.values()].filter(isDelivered).length, 0);
    }).finally(() => (running = undefined));
    return running;
  };

  /**
   * Makes the matching waiting items due now, short of Slack's own Retry-After. One transaction,
   * so an attempt that marks an item 'sending' meanwhile is never overwritten with an older copy.
   */
  async function hurry(matches: (item: OutboxItem) => boolean): Promise<void> {
    const now = Date.now();
    const tx = db.transaction('outbox', 'readwrite');
    for (const item of await tx.store.getAll()) {
      if (item.state !== 'pending' || !matches(item)) continue;
      const at = Math.max(now, item.notBefore ?? 0);
      if (item.nextAttemptAt > at) await tx.store.put({ ...item, nextAttemptAt: at });
    }
    await tx.done;
  }

  return {
    enqueue: (item, options) =>
      together(async (batch) => {
        await storing([item], batch, db.put('outbox', item));
        return sendStored(item, batch, options);
      }),
    enqueueAll(given) {
      // Items made in the same millisecond would go out in key order: the order given is the order sent.
      const items = given.map((item, index) => ({ ...item, createdAt: (given[0]?.createdAt ?? 0) + index }));
      return together(async (batch) => {
        const tx = db.transaction('outbox', 'readwrite');
        await storing(items, batch, Promise.all([...items.map((item) => tx.store.put(item)), tx.done]));
        // One message to many targets waits for the slowest target, not for the sum of them all.
        return Promise.all(items.map((item) => sendStored(item, batch)));
      });
    },
    async retryNow() {
      await hurry(() => true);
      return drain();
    },
    async update(id, change) {
      const seen = await db.get('outbox', id);
      if (!seen) return undefined;
      const changed = await withLock(lockOf(targetOf(seen)), async () => {
        const current = await db.get('outbox', id);
        // Retargeted meanwhile: its lock is another one.
        if (!current || targetOf(current) !== targetOf(seen)) return current && 'moved';
        const next = change(current);
        await db.put('outbox', next);
        return next;
      });
      return changed === 'moved' ? this.update(id, change) : changed;
    },
    async resumeAccess(holds) {
      const waiting = (await db.getAll('outbox')).filter((item) => item.needsAccess);
      const held = new Map<string, Promise<boolean>>();
      let resumed = 0;
      for (const item of waiting) {
        const site = item.needsAccess!;
        if (!held.has(site))
          held.set(
            site,
            holds(site).catch(() => false),
          );
        if (!(await held.get(site))) continue;
        const changed = await this.update(item.id, (current) =>
          current.needsAccess ? readyAgain(current, Date.now()) : current,
        );
        if (changed) resumed += 1;
      }
      if (resumed) {
        await bumpRevision('outbox');
        void drain().catch(() => undefined);
      }
      return resumed;
    },
    async resumeReconnected(account) {
      const waiting = (await db.getAll('outbox')).filter((item) => reconnectResumes(item, account));
      let resumed = 0;
      for (const item of waiting) {
        const changed = await this.update(item.id, (current) =>
          reconnectResumes(current, account) ? readyAgain(current, Date.now()) : current,
        );
        if (changed && changed.state === 'pending') resumed += 1;
      }
      if (resumed) {
        await bumpRevision('outbox');
        void drain().catch(() => undefined);
      }
      return resumed;
    },
    afterRefresh(accountId) {
      void hurry((item) => item.accountId === accountId)
        .then(drain)
        .catch(() => undefined);
    },
    drain,
  };
}
