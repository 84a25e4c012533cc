import { SLACK_API } from './schemas';
import { TIER_RULES, write, type MethodInfo, type RateRule, type Tier } from './tier-rules';

export { TIER_RULES } from './tier-rules';
export type { RateRule, Tier } from './tier-rules';

/**
 * Slack's published rate tier of every method Courier calls (slack-api.md §2.1 Table A, §1.6,
 * §4.2), and which of them are reads, as written beside each method's schema in lib/slack/schemas.
 */
export const METHODS: Readonly<Record<string, MethodInfo>> = SLACK_API;

/** Methods missing from the table: a write at Tier 2, the cautious reading on both counts. */
const UNKNOWN: MethodInfo = write(2);

function infoOf(method: string): MethodInfo {
  return Object.hasOwn(METHODS, method) ? (METHODS[method] ?? UNKNOWN) : UNKNOWN;
}

export function tierOf(method: string): Tier {
  return infoOf(method).tier;
}

export function rateRule(method: string): RateRule {
  const info = infoOf(method);
  if (info.rule) return info.rule;
  return info.tier === 'special' ? TIER_RULES[2] : TIER_RULES[info.tier];
}

/** Safe to repeat after a network error, a timeout or a 5xx. */
export function isRead(method: string): boolean {
  return infoOf(method).read;
}
