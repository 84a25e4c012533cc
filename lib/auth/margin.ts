import type { Chain } from '../store/records';

const HOUR_MS = 3_600_000;

/** Slack's SDKs refresh 2 h before expiry; Courier does the same for its 12 h tokens. */
export const MAX_MARGIN_MS = 2 * HOUR_MS;

/**
 * Refresh at least daily even when the expiry is far: PKCE refresh tokens die after 30 idle days,
 * and a daily refresh surfaces a revoked install while nobody is waiting on it.
 */
export const MAX_IDLE_MS = 24 * HOUR_MS;

/** Jitter widens the margin by up to this share, so chains linked together do not refresh together. */
export const MAX_JITTER_FRACTION = 0.1;

/** A sixth of the lifetime, capped at 2 h: 2 h for 12 h tokens, 10 s for a one-minute test token. */
export function refreshMargin(lifetimeMs: number): number {
  return Math.min(Math.max(lifetimeMs, 0) / 6, MAX_MARGIN_MS);
}

type Timing = Pick<Chain, 'expiresAt' | 'lifetimeMs' | 'refreshedAt'>;

/**
 * When the chain should be refreshed; undefined for a token that never expires (rotation off),
 * which has no refresh token to use. `jitter` in [0, 1) picks how much of MAX_JITTER_FRACTION to
 * add; it only ever moves the time earlier.
 */
export function dueAt(chain: Timing, jitter = 0): number | undefined {
  if (chain.expiresAt === undefined) return undefined;
  const lifetimeMs = chain.lifetimeMs ?? chain.expiresAt - chain.refreshedAt;
  const share = Number.isFinite(jitter) ? Math.min(Math.max(jitter, 0), 1) : 0;
  const margin = refreshMargin(lifetimeMs) * (1 + share * MAX_JITTER_FRACTION);
  return Math.min(chain.expiresAt - margin, chain.refreshedAt + MAX_IDLE_MS);
}

export function isDue(chain: Timing, now: number, jitter: number): boolean {
  const at = dueAt(chain, jitter);
  return at !== undefined && now >= at;
}
