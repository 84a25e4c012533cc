import { contextsOnce } from '../actions/account-context';
import type { SendResult } from '../protocol';
import type { HistoryRepo } from '../store/history';
import type { OutboxItem } from '../store/sending-records';
import { sharedReads } from '../store/shared-read';
import { cancellable, cancelUpload } from './aborts';
import { deliver, DISCARDED, type AttemptOptions, type Shared } from './delivery';
import { readyAgain, reconnectResumes, type Reconnected } from './ready';
import { sweepDuplicates } from './sweep';
import type { OutboxDeps } from './deps';
import { outboxDueTimes } from '../schedule/next-wake';
import { createWake } from './wake';

/**
 * The outbox: a send is stored before it is attempted and kept until Slack confirms it. This room
 * holds all of it (the attempt, the message and file paths, the lookup of unclear sends, the
 * duplicate sweep, the abort registry, the classification of failures) and no browser API: the
 * background wires it to the store, the account contexts, the lock, the clock and the pages
 * (OutboxDeps).
 */

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
  /** Forgets an item and stops its attempt if one is running; whether there was one to forget. */
  discard(id: string): Promise<boolean>;
  /** Deletes the copies of settled sends that a browser's own resend left (sweep.ts); how many. */
  sweep(now?: number): Promise<number>;
}

const targetOf = (item: OutboxItem) => `${item.accountId}:${item.channel}`;

/** What became of an item a drain tried first, or that waits behind an earlier one for its target. */
async function alreadyTried(history: HistoryRepo, item: OutboxItem, current?: OutboxItem): Promise<SendResult> {
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
  const entry = await history.get(item.id);
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
  deps: OutboxDeps,
  item: OutboxItem,
  options: AttemptOptions = {},
  shared: Shared,
): Promise<SendResult> {
  if (!item.file) return deliver(deps, item, options, shared);
  return cancellable(item.id, (own) =>
    deliver(deps, item, { ...options, signal: options.signal ? AbortSignal.any([own, options.signal]) : own }, shared),
  );
}

const lockOf = (target: string) => `courier-outbox:${target}`;

/** Attempts made together (a fan-out, a drain): each account read once, the pages told once. */
interface Batch extends Shared {
  /** An item was stored or attempted. */
  changed(): void;
}
const isDelivered = (result: SendResult) => result.state === 'sent' || result.state === 'scheduled';

export function createOutbox(deps: OutboxDeps): Outbox {
  let running: Promise<number> | undefined;
  const { items: store, history, withLock, now } = deps;
  // Each pass reads the whole outbox under its lock; the passes of a fan-out share that read.
  const readOutbox = sharedReads(() => store.list());
  const writes = store.attempts;

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
    const at = now();
    for (const item of items) {
      // Under the lock nobody else is sending to this target: a 'sending' item was left by a
      // worker that stopped mid-attempt, so its answer is unknown.
      const stale = item.state === 'sending';
      const due = item.state === 'pending' && item.nextAttemptAt <= at;
      if (!due && !stale) break;
      const options = first?.id === item.id ? first.options : undefined;
      const result = await attempt(deps, stale ? { ...item, unclear: true } : item, options, batch);
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
      if (current?.attempts !== item.attempts) return alreadyTried(history, item, current);
      const results = await pass(targetOf(item), outbox, batch, { id: item.id, options });
      return results.get(item.id) ?? alreadyTried(history, item, await store.get(item.id));
    });

  /**
   * Runs attempts made together with each account read once, and tells the pages when it is over
   * (and now and then while a long one lasts): a fan-out to fifty channels is one revision (and one
   * badge update), not fifty.
   */
  async function together<T>(work: (batch: Batch) => Promise<T>): Promise<T> {
    const run = deps.pages.run();
    try {
      return await work({ contexts: contextsOnce(deps.contextOf), writes, changed: run.changed });
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
    async () => outboxDueTimes(await store.list()),
    () => void drain().catch(() => undefined),
    now,
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
  function hurry(matches: (item: OutboxItem) => boolean): Promise<void> {
    const from = now();
    return store.changeEach((item) => {
      if (item.state !== 'pending' || !matches(item)) return undefined;
      const at = Math.max(from, item.notBefore ?? 0);
      return item.nextAttemptAt > at ? { ...item, nextAttemptAt: at } : undefined;
    });
  }

  /** Items changed outside an attempt are due again: the pages hear, and a drain sends them. */
  async function resumed(count: number): Promise<number> {
    if (count) {
      await deps.pages.bump();
      void drain().catch(() => undefined);
    }
    return count;
  }

  return {
    enqueue: (item, options) =>
      together(async (batch) => {
        await storing([item], batch, store.put(item));
        return sendStored(item, batch, options);
      }),
    enqueueAll(given) {
      // Items made in the same millisecond would go out in key order: the order given is the order sent.
      const items = given.map((item, index) => ({ ...item, createdAt: (given[0]?.createdAt ?? 0) + index }));
      return together(async (batch) => {
        await storing(items, batch, store.putAll(items));
        // One message to many targets waits for the slowest target, not for the sum of them all.
        return Promise.all(items.map((item) => sendStored(item, batch)));
      });
    },
    async retryNow() {
      await hurry(() => true);
      return drain();
    },
    async update(id, change) {
      const seen = await store.get(id);
      if (!seen) return undefined;
      const changed = await withLock(lockOf(targetOf(seen)), async () => {
        const current = await store.get(id);
        // Retargeted meanwhile: its lock is another one.
        if (!current || targetOf(current) !== targetOf(seen)) return current && 'moved';
        const next = change(current);
        await store.put(next);
        return next;
      });
      return changed === 'moved' ? this.update(id, change) : changed;
    },
    async resumeAccess(holds) {
      const waiting = (await store.list()).filter((item) => item.needsAccess);
      const held = new Map<string, Promise<boolean>>();
      let count = 0;
      for (const item of waiting) {
        const site = item.needsAccess!;
        if (!held.has(site))
          held.set(
            site,
            holds(site).catch(() => false),
          );
        if (!(await held.get(site))) continue;
        const changed = await this.update(item.id, (current) =>
          current.needsAccess ? readyAgain(current, now()) : current,
        );
        if (changed) count += 1;
      }
      return resumed(count);
    },
    async resumeReconnected(account) {
      const waiting = (await store.list()).filter((item) => reconnectResumes(item, account));
      let count = 0;
      for (const item of waiting) {
        const changed = await this.update(item.id, (current) =>
          reconnectResumes(current, account) ? readyAgain(current, now()) : current,
        );
        if (changed && changed.state === 'pending') count += 1;
      }
      return resumed(count);
    },
    async discard(id) {
      cancelUpload(id);
      const found = (await store.get(id)) !== undefined;
      if (found) await store.delete(id);
      await deps.pages.bump();
      return found;
    },
    sweep: (at = now()) => sweepDuplicates(deps, at),
    afterRefresh(accountId) {
      void hurry((item) => item.accountId === accountId)
        .then(drain)
        .catch(() => undefined);
    },
    drain,
  };
}
