import type { ChainMeta, Profile } from '../store/records';

const DAY_MS = 86_400_000;

/**
 * Slack ends every refresh token of a PKCE app (a public client) 30 days after issuing it
 * (slack-api.md §1.2). Each refresh issues a new one, so a chain lives as long as it is refreshed.
 */
export const PKCE_REFRESH_LIFETIME_MS = 30 * DAY_MS;

/**
 * How long before a PKCE sign-in runs out Courier warns that renewing it keeps failing: enough
 * days to notice over a weekend and reconnect, few enough that a short outage says nothing (a
 * healthy chain refreshes daily, so it never comes within 29 days of the end).
 */
export const RUN_OUT_WARNING_MS = 3 * DAY_MS;

/** Said when Slack refuses a refresh token Courier knows ran out (see classify.ts). */
export const RAN_OUT_CODE = 'refresh_token_ran_out';

/** How long the refresh tokens a profile's chains get are good for; undefined: they do not expire. */
export function refreshLifetimeMs(clientType: Profile['clientType']): number | undefined {
  return clientType === 'public' ? PKCE_REFRESH_LIFETIME_MS : undefined;
}

type RunOut = Pick<ChainMeta, 'refreshExpiresAt' | 'dead'>;

/** When a live chain's sign-in runs out, if that is inside the warning window (or already past). */
export function runOutSoon(chain: RunOut, now: number): number | undefined {
  const at = chain.refreshExpiresAt;
  return at !== undefined && !chain.dead && now >= at - RUN_OUT_WARNING_MS ? at : undefined;
}

export function hasRunOut(chain: RunOut, now: number): boolean {
  return chain.refreshExpiresAt !== undefined && now >= chain.refreshExpiresAt;
}
