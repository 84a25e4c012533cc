import type * as z from 'zod/mini';

/**
 * How a method's rate tier is written beside its response schema (lib/slack/schemas): its tier,
 * whether it only reads, and a rule of its own for special-tier methods. Each tier's budget is
 * its published floor ("20+ per minute" is taken as 20), so staying inside it never earns a 429
 * from Slack itself.
 */

export type Tier = 1 | 2 | 3 | 4 | 'special';

export interface RateRule {
  /** Calls admitted per window. */
  limit: number;
  windowMs: number;
  /** Counted per channel rather than per workspace (chat.postMessage). */
  perChannel?: boolean;
}

export interface MethodInfo {
  tier: Tier;
  /**
   * Repeating it can't do anything twice, so a network error, a timeout or a 5xx is retried: the
   * GET-verb methods of Table A, plus the POST-verb methods that only read (scheduled messages,
   * Slack Connect invites, auth.test, auth.teams.list, discoverable contacts).
   */
  read: boolean;
  /** Special-tier methods carry their own rule. */
  rule?: RateRule;
}

export const MINUTE = 60_000;

export const TIER_RULES: Record<Exclude<Tier, 'special'>, RateRule> = {
  1: { limit: 1, windowMs: MINUTE },
  2: { limit: 20, windowMs: MINUTE },
  3: { limit: 50, windowMs: MINUTE },
  4: { limit: 100, windowMs: MINUTE },
};

export const read = (tier: Tier, rule?: RateRule): MethodInfo =>
  rule ? { tier, read: true, rule } : { tier, read: true };
export const write = (tier: Tier, rule?: RateRule): MethodInfo =>
  rule ? { tier, read: false, rule } : { tier, read: false };

/** A method's entry in lib/slack/schemas: its success-response schema beside its tier. */
export type MethodTable = Record<string, MethodInfo & { response: z.ZodMiniType }>;
