/**
 * A timer for the outbox's next due attempt. An alarm wakes the worker no sooner than a minute
 * ahead (lib/background/alarms.ts), so a retry after a server error, due in two seconds, would
 * wait a minute; while the worker lives, this timer drains it on time. A stopped worker loses the
 * timer and the alarm, set for the same moment, takes over, so nothing depends on it.
 */
export interface Wake {
  /** Reads when the waiting items are due and sets the timer for the earliest. */
  fromOutbox(): Promise<void>;
}

/** Never sooner than this after the last wake: an item that stays due cannot spin the worker. */
const MIN_DELAY_MS = 500;

export function createWake(dueTimes: () => Promise<number[]>, drain: () => void, now = Date.now): Wake {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let at = Infinity;
  return {
    async fromOutbox() {
      const next = Math.min(...(await dueTimes()));
      // An earlier timer drains first and sets the next one after its pass.
      if (!Number.isFinite(next) || (timer !== undefined && at <= next)) return;
      clearTimeout(timer);
      at = next;
      timer = setTimeout(
        () => {
          timer = undefined;
          at = Infinity;
          drain();
        },
        Math.max(MIN_DELAY_MS, next - now()),
      );
    },
  };
}
