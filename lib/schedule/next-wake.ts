import { dueAt } from '../auth/margin';
import { RUN_OUT_WARNING_MS } from '../auth/run-out';
import type { ChainMeta } from '../store/records';
import type { HistoryEntry, OutboxItem } from '../store/sending-records';

/**
 * When each kind of work the background does on its own is next due (ms since the epoch);
 * absent: nothing of that kind waits. A time in the past is overdue.
 */
export interface DueMoments {
  /** The earliest chain refresh: expiry minus the margin, or the daily floor. */
  refresh?: number;
  /** The earliest outbox attempt: a target's first item's backoff or Retry-After. */
  outbox?: number;
  /** The next duplicate sweep: a send settled, or a retry of a sweep that failed. */
  sweep?: number;
  /** A PKCE sign-in enters its warning window (lib/auth/run-out.ts). */
  runOutWarning?: number;
}

/**
 * No alarm sooner than this: Firefox's minimum for an alarm's first delay (shorter ones are
 * rounded up); Chrome's is 30 s. Work due sooner waits for it, or for the outbox's own timer
 * while the worker lives (lib/outbox/wake.ts).
 */
export const MIN_ALARM_DELAY_MS = 60_000;

/** A sweep that failed (the network, a channel gone) is tried again this long after. */
export const SWEEP_RETRY_MS = 3_600_000;

function earliest(times: Iterable<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const at of times) if (at !== undefined && !Number.isNaN(at) && (min === undefined || at < min)) min = at;
  return min;
}

export const earliestDue = (due: DueMoments): number | undefined => earliest(Object.values(due));

/** The alarm for the earliest due work: at its moment, or the minimum delay from now; undefined: none. */
export function alarmTime(due: DueMoments, now: number): number | undefined {
  const at = earliestDue(due);
  return at === undefined ? undefined : Math.max(at, now + MIN_ALARM_DELAY_MS);
}

/**
 * Whether an alarm set for `scheduled` already serves work due at `due`: no later than the alarm
 * that would be set now, and no more than the minimum delay early. Then it is kept: recomputing
 * while something is overdue does not push the alarm forward each time, and work that falls due
 * less than a minute from now is not moved past its moment to now + a minute when an alarm before
 * it is set already (that wake refreshes the chains due within a minute, and the outbox's own
 * timer takes a retry due soon after it).
 */
export function alarmServes(scheduled: number, due: number, now: number): boolean {
  return scheduled >= due - MIN_ALARM_DELAY_MS && scheduled <= Math.max(due, now + MIN_ALARM_DELAY_MS);
}

type Timing = Pick<ChainMeta, 'expiresAt' | 'lifetimeMs' | 'refreshedAt' | 'refreshExpiresAt' | 'dead'>;

/** The earliest refresh of a live chain, without jitter: jitter only ever makes a refresh earlier. */
export function refreshDueAt(chains: readonly Timing[]): number | undefined {
  return earliest(chains.map((chain) => (chain.dead ? undefined : dueAt(chain))));
}

/** The next moment a live PKCE sign-in enters the window in which Courier warns that it runs out. */
export function runOutWarningAt(chains: readonly Timing[], now: number): number | undefined {
  const starts = chains.map((chain) =>
    chain.dead || chain.refreshExpiresAt === undefined ? undefined : chain.refreshExpiresAt - RUN_OUT_WARNING_MS,
  );
  return earliest(starts.filter((at) => at === undefined || at > now));
}

/**
 * When each target's first waiting item is due (the outbox sends a target's items in order, so an
 * item behind it waits for it, whatever its own time). An item being sent (or left 'sending' by a
 * worker that stopped) is due at `sendingAt`; leave it undefined to skip such targets.
 */
export function outboxDueTimes(items: readonly OutboxItem[], sendingAt?: number): number[] {
  const heads = new Map<string, OutboxItem>();
  for (const item of items) {
    if (item.state === 'failed') continue;
    const target = `${item.accountId}:${item.channel}`;
    const head = heads.get(target);
    if (!head || item.createdAt < head.createdAt) heads.set(target, item);
  }
  const times: number[] = [];
  for (const head of heads.values()) {
    if (head.state === 'pending') times.push(head.nextAttemptAt);
    else if (sendingAt !== undefined) times.push(sendingAt);
  }
  return times;
}

/**
 * The next duplicate sweep. `sweptAt` is when the last sweep began: entries that settled before it
 * were tried and are tried again SWEEP_RETRY_MS later; entries that settle after it are due then.
 * `settleMs` and `awaits` are the sweep's own (lib/outbox/sweep.ts).
 */
export function sweepDueAt(
  history: readonly HistoryEntry[],
  sweptAt: number,
  settleMs: number,
  awaits: (entry: HistoryEntry) => boolean,
): number | undefined {
  return earliest(
    history.map((entry) => {
      if (!awaits(entry)) return undefined;
      // The sweep takes entries strictly older than its settle time.
      const settles = entry.sentAt + settleMs + 1;
      return settles > sweptAt ? settles : sweptAt + SWEEP_RETRY_MS;
    }),
  );
}
