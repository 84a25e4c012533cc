import type { RateRule } from './tiers';
import { rateRule } from './tiers';

/**
 * A per-workspace, per-method rate budget, so bursts wait for a slot instead of earning 429s.
 * Each key (workspace + method, + channel for per-channel rules) has a sliding window of the calls
 * it let through and a FIFO line of calls waiting; one timer per key lets the head through when
 * the window has room. A 429 (penalize) says Slack's window is fuller than ours: the line then
 * waits Retry-After and drains at the tier's steady rate. The background keeps one budget per
 * workspace, shared by every call to it.
 */

export interface BudgetKey {
  /** The workspace (and app) the window counts against. */
  team: string;
  method: string;
  /** Only counted for per-channel rules (chat.postMessage). */
  channel?: string;
}

export interface TakeOptions {
  signal?: AbortSignal;
  /** A call Slack refused with 429 goes back to the head of the line, not the tail. */
  retry?: boolean;
}

export interface Budget {
  /** Resolves when the call may go; rejects with the signal's reason if aborted while waiting. */
  take(key: BudgetKey, options?: TakeOptions): Promise<void>;
  /** After a 429: every call of this key waits `retryAfterSeconds`, then drains at the steady rate. */
  penalize(key: BudgetKey, retryAfterSeconds: number): void;
}

export interface BudgetDeps {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The rule for a method; tiers.ts by default. */
  rule?: (method: string) => RateRule;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
}

interface Lane {
  rule: RateRule;
  /** When admitted calls went out (or, after a 429, when Slack's window counts them), ascending. */
  sent: number[];
  line: Waiter[];
  pumping: boolean;
}

function laneKey(key: BudgetKey, rule: RateRule): string {
  const base = `${key.team}\u0000${key.method}`;
  return rule.perChannel ? `${base}\u0000${key.channel ?? ''}` : base;
}

/** The earliest time the window has room for one more call. */
function nextSlot(lane: Lane, now: number): number {
  const { limit, windowMs } = lane.rule;
  while (lane.sent.length > 0 && (lane.sent[0] ?? 0) <= now - windowMs) lane.sent.shift();
  if (lane.sent.length < limit) return now;
  return (lane.sent[lane.sent.length - limit] ?? now) + windowMs;
}

export function createBudget(deps: BudgetDeps): Budget {
  const ruleOf = deps.rule ?? rateRule;
  const lanes = new Map<string, Lane>();

  function laneFor(key: BudgetKey): Lane {
    const rule = ruleOf(key.method);
    const id = laneKey(key, rule);
    let lane = lanes.get(id);
    if (!lane) {
      lane = { rule, sent: [], line: [], pumping: false };
      lanes.set(id, lane);
    }
    return lane;
  }

  async function pump(lane: Lane): Promise<void> {
    lane.pumping = true;
    try {
      while (lane.line.length > 0) {
        const now = deps.now();
        const wait = nextSlot(lane, now) - now;
        if (wait > 0) {
          await deps.sleep(wait);
          continue;
        }
        lane.sent.push(now);
        lane.line.shift()?.resolve();
      }
    } finally {
      lane.pumping = false;
    }
  }

  return {
    take(key, options = {}) {
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      const lane = laneFor(key);
      // Nobody waiting and room in the window: let the call go without a waiter, a listener and a
      // turn of the pump (most calls, as Slack's windows are rarely full).
      if (lane.line.length === 0) {
        const now = deps.now();
        if (nextSlot(lane, now) <= now) {
          lane.sent.push(now);
          return Promise.resolve();
        }
      }
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          lane.line = lane.line.filter((w) => w !== waiter);
          reject(signal?.reason as Error);
        };
        const waiter: Waiter = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          reject,
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        if (options.retry) lane.line.unshift(waiter);
        else lane.line.push(waiter);
        if (!lane.pumping) void pump(lane);
      });
    },

    penalize(key, retryAfterSeconds) {
      const lane = laneFor(key);
      const { limit, windowMs } = lane.rule;
      const now = deps.now();
      const until = now + Math.max(0, retryAfterSeconds) * 1000;
      // A shorter Retry-After never cuts a wait the window already imposes.
      if (until < nextSlot(lane, now)) return;
      // Slack's window is full until `until`: pretend it holds `limit` calls spaced evenly, the
      // first leaving at `until`, so the line restarts at the steady rate rather than in a burst.
      const step = windowMs / limit;
      lane.sent = Array.from({ length: limit }, (_, i) => until - windowMs + i * step);
    },
  };
}
