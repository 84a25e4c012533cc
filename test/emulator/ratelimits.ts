// Slack's per-method rate limits, enforced for real when config.rateLimits is on (off by default, so
// tests that are not about limits are never throttled). Slack counts calls "per API method, per
// workspace, per app"; each count here is a sliding window over the emulator's clock, so a test can
// advance the clock instead of sleeping.
import type { ApiRequest } from './envelope';
import { str } from './envelope';
import type { MethodDef, Tier } from './methods/types';
import type { Workspace } from './model';
import type { EmulatorState } from './state';

export interface RateRule {
  /** Calls admitted per window. */
  limit: number;
  windowSeconds: number;
  /** Counted per channel as well (chat.postMessage's one message per second per channel). */
  perChannel?: boolean;
}

/** The floor of each published tier ("20+ per minute" is modelled as exactly 20). */
export const TIER_RULES: Record<Exclude<Tier, 'special'>, RateRule> = {
  1: { limit: 1, windowSeconds: 60 },
  2: { limit: 20, windowSeconds: 60 },
  3: { limit: 50, windowSeconds: 60 },
  4: { limit: 100, windowSeconds: 60 },
};

/** Special-tier methods, each with its own rule; a special method missing here is a test failure. */
export const SPECIAL_RULES: Record<string, RateRule> = {
  // "1 per second, short bursts >1 allowed": 3 per 3 s averages one a second and allows a burst of 3.
  'chat.postMessage': { limit: 3, windowSeconds: 3, perChannel: true },
  'oauth.v2.access': { limit: 600, windowSeconds: 60 },
  // Slack only says auth.test is generous; Tier 4 is the closest published figure.
  'auth.test': TIER_RULES[4],
  // "Hundreds of requests per minute" (its method page): 200 is the floor of "hundreds".
  'chat.getPermalink': { limit: 200, windowSeconds: 60 },
};

export function ruleFor(def: MethodDef): RateRule | undefined {
  return def.tier === 'special' ? SPECIAL_RULES[def.name] : TIER_RULES[def.tier];
}

/** Sliding-window logs of admitted calls. Refused calls are not recorded, so Retry-After is exact. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  /** Admits (and records) a call, or returns the whole seconds until the oldest call leaves the window. */
  take(key: string, rule: RateRule, now: number): number | undefined {
    const windowMs = rule.windowSeconds * 1000;
    const admitted = (this.windows.get(key) ?? []).filter((at) => at > now - windowMs);
    this.windows.set(key, admitted);
    if (admitted.length < rule.limit) {
      admitted.push(now);
      return undefined;
    }
    const oldest = admitted[admitted.length - rule.limit] ?? now;
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }
}

/** The workspace and app a call is counted against: from its token, refresh token or code. */
function subjectOf(state: EmulatorState, request: ApiRequest): { teamId: string; appId: string } | undefined {
  const value = request.token ?? str(request.params, 'refresh_token');
  const chain = value ? state.tokens.chainOf(value) : undefined;
  if (chain) return { teamId: chain.teamId, appId: chain.appId };
  const code = state.codes.get(str(request.params, 'code') ?? '');
  const app = code && state.apps.get(code.clientId);
  // A call naming neither workspace nor app cannot be placed in any window; it fails on its own.
  return code && app ? { teamId: code.teamId, appId: app.appId } : undefined;
}

/** '#general', 'general' and its id share one window; anything else (a user id for a DM) is its own. */
function channelKey(ws: Workspace | undefined, value: string): string {
  const name = value.replace(/^#/, '');
  return ws?.conversations.find((c) => c.kind !== 'im' && c.name === name)?.id ?? value;
}

/** Seconds to put in Retry-After when this call is over its limit; undefined when it may run. */
export function checkRateLimit(state: EmulatorState, def: MethodDef, request: ApiRequest): number | undefined {
  const rule = ruleFor(def);
  const subject = state.config.rateLimits ? subjectOf(state, request) : undefined;
  if (!rule || !subject) return undefined;
  let key = `${subject.teamId}/${subject.appId}/${def.name}`;
  if (rule.perChannel) {
    key += `/${channelKey(state.workspaces.get(subject.teamId), str(request.params, 'channel') ?? '')}`;
  }
  return state.rateLimiter.take(key, rule, state.now());
}
