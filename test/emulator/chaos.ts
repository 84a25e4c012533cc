// Chaos mode: every call of a chaos method draws one effect from a seeded PRNG, so a run with the
// same seed and the same calls injects the same failures. The effects feed the fault dispatcher
// (faults.ts); 'expire' expires every access token so the call answers token_expired.
import type { Fault, FaultKind } from './faults';

export const CHAOS_EFFECTS = ['latency', 'http500', 'dropAfter', 'ratelimit', 'expire'] as const;
export type ChaosEffect = (typeof CHAOS_EFFECTS)[number];
export type ChaosRates = Record<ChaosEffect, number>;

/** The methods that draw every effect by default: the ones that store something. */
export const CHAOS_WRITE_METHODS = [
  'chat.postMessage',
  'chat.scheduleMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.delete',
];

/** Token grants only ever get latency: a lost refresh would test the grace window, not the client. */
const LATENCY_ONLY_METHODS = new Set(['oauth.v2.access']);

export interface ChaosSettings {
  enabled: boolean;
  seed: number;
  /** Probability of each effect per call; their sum must stay ≤ 1 (the rest is a clean call). */
  rates: ChaosRates;
  latencyMs: number;
  /** The Retry-After of a chaos 429, in seconds. */
  retryAfter: number;
  methods: string[];
}

export const DEFAULT_CHAOS: ChaosSettings = {
  enabled: false,
  seed: 1,
  rates: { latency: 0, http500: 0, dropAfter: 0, ratelimit: 0, expire: 0 },
  latencyMs: 50,
  retryAfter: 1,
  methods: CHAOS_WRITE_METHODS,
};

export type ChaosPatch = Partial<Omit<ChaosSettings, 'rates'>> & { rates?: Partial<ChaosRates> };

/**
 * mulberry32: small, fast and good enough to spread failures; the same seed gives the same draws.
 * The outbox soak draws its channels and kill points from it too.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Chaos {
  settings: ChaosSettings = { ...DEFAULT_CHAOS, rates: { ...DEFAULT_CHAOS.rates } };
  applied = 0;
  byEffect: Record<ChaosEffect, number> = { latency: 0, http500: 0, dropAfter: 0, ratelimit: 0, expire: 0 };
  private random = prng(this.settings.seed);

  /** Merges the patch; the PRNG restarts from the seed, so the draws that follow are reproducible. */
  configure(patch: ChaosPatch): ChaosSettings {
    const rates = { ...this.settings.rates, ...patch.rates };
    const total = CHAOS_EFFECTS.reduce((sum, effect) => sum + rates[effect], 0);
    if (CHAOS_EFFECTS.some((effect) => !(rates[effect] >= 0)) || total > 1) {
      throw new Error('chaos rates must be ≥ 0 and add up to at most 1');
    }
    this.settings = { ...this.settings, ...patch, rates };
    this.random = prng(this.settings.seed);
    return this.snapshot();
  }

  snapshot(): ChaosSettings {
    return { ...this.settings, rates: { ...this.settings.rates }, methods: [...this.settings.methods] };
  }

  /** The effect this call gets, if any. */
  draw(method: string): ChaosEffect | undefined {
    const { enabled, rates, methods } = this.settings;
    const latencyOnly = LATENCY_ONLY_METHODS.has(method);
    if (!enabled || (!latencyOnly && !methods.includes(method))) return undefined;
    const roll = this.random();
    let edge = 0;
    for (const effect of CHAOS_EFFECTS) {
      edge += rates[effect];
      if (roll < edge) {
        if (latencyOnly && effect !== 'latency') return undefined;
        this.applied += 1;
        this.byEffect[effect] += 1;
        return effect;
      }
    }
    return undefined;
  }

  /** The fault that carries out an effect other than 'expire' (which the state carries out itself). */
  fault(effect: Exclude<ChaosEffect, 'expire'>, method: string): Fault {
    const kind: FaultKind = effect;
    return {
      id: 0,
      method,
      kind,
      remaining: 0,
      ms: this.settings.latencyMs,
      retryAfter: this.settings.retryAfter,
      status: 500,
    };
  }
}
