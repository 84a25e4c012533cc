import { linkFromBody, testProfile } from '../lib/auth/testing/linked';
import { sendHandlers } from '../lib/background/handlers/send';
import { createServices } from '../lib/background/services';
import type { SendTarget } from '../lib/protocol';
import { DEMO_APP, startEmulator } from '../test/emulator';
import { METHODS } from '../test/emulator/methods';
import type { RateRule } from '../test/emulator/ratelimits';
import { SPECIAL_RULES, TIER_RULES, ruleFor } from '../test/emulator/ratelimits';
import { interleave, median, timed } from './stats';
import type { Benchmark } from './types';

const CHANNELS = 50;
const ROUNDS = 15;
const TEAM = 'T0FAN0001';
const METHOD = 'chat.postMessage';
/** Every API call's answer is held this long, as by a round trip to Slack from a browser. */
const ROUND_TRIP_MS = 50;

/**
 * When each post may leave at the earliest under the emulator's rule (ms from the start), and how
 * many 429s that plan can cost: one per window a key needs beyond its first, the probe that finds
 * the window full. Slack's per-channel rule lets one message to each of 50 channels all go at once.
 */
export function plan(rule: RateRule, channels: readonly string[]): { starts: number[]; allowed429: number } {
  const seen = new Map<string, number>();
  const starts = channels.map((channel) => {
    const key = rule.perChannel ? channel : '';
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return Math.floor(index / rule.limit) * rule.windowSeconds * 1000;
  });
  const allowed429 = [...seen.values()].reduce((sum, posts) => sum + Math.ceil(posts / rule.limit) - 1, 0);
  return { starts, allowed429 };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fan-out: one message to 50 channels through the background's send handler (outbox, budget,
 * client) with the emulator enforcing Slack's limits and answering every call after a 50 ms round
 * trip, against the theoretical minimum: the same posts made with plain fetch, each at the earliest
 * moment the emulator's chat.postMessage rule allows, all in flight together. The emulator counts
 * the 429s.
 */
const benchmark: Benchmark = async () => {
  const emulator = await startEmulator({ rateLimits: true });
  try {
    emulator.state.seed({
      workspaces: [
        {
          teamId: TEAM,
          name: 'Fan-out Corp',
          users: 3,
          content: false,
          channels: Array.from({ length: CHANNELS }, (_, i) => ({ name: `fan-${i + 1}`, members: ['bot'] })),
        },
      ],
    });
    // Latency on every call (chaos mode with only latency, at rate 1): without it an in-process
    // emulator answers in no time and the figure would only weigh CPU, not how the posts overlap.
    emulator.state.setChaos({
      enabled: true,
      rates: { latency: 1 },
      latencyMs: ROUND_TRIP_MS,
      methods: [...METHODS.keys()],
    });
    const rule = ruleFor(METHODS.get(METHOD)!);
    if (!rule) throw new Error(`The emulator has no rate rule for ${METHOD}.`);
    const channels = emulator.state.workspaces.get(TEAM)!.conversations.map((c) => c.id);
    const { starts, allowed429 } = plan(rule, channels);

    const setup = await createServices();
    const profile = await setup.store.profiles.put(testProfile(emulator.url, DEMO_APP));
    const body = emulator.state.install({ teamId: TEAM, botScopes: ['chat:write'], userScopes: [] });
    const account = await linkFromBody(setup.store, profile, body, Date.now());
    setup.store.db.close();
    const token = body.access_token!;
    const targets: SendTarget[] = channels.map((id, i) => ({
      key: `${account.id}:${id}`,
      accountId: account.id,
      id,
      label: `#fan-${i + 1}`,
    }));

    const limited = () => emulator.state.stats().rateLimited[METHOD] ?? 0;
    const over429: number[] = [];
    // Each run starts with every window empty (chat.getPermalink's minute too), as after a quiet spell.
    const longest = Math.max(
      ...[...Object.values(TIER_RULES), ...Object.values(SPECIAL_RULES)].map((r) => r.windowSeconds),
    );
    const quiet = () => emulator.state.advanceClock(longest);

    const courier = async () => {
      quiet();
      const services = await createServices();
      const send = sendHandlers(() => Promise.resolve(services)).send;
      const before = limited();
      let sent = 0;
      const ms = await timed(async () => {
        const results = await send({
          targets,
          share: { kind: 'page', title: 'Fan-out benchmark', url: 'https://example.com/fan-out' },
          unfurl: false,
        });
        sent = results.filter((result) => result.state === 'sent').length;
      });
      services.store.db.close();
      if (sent !== CHANNELS) throw new Error(`Courier sent ${sent} of ${CHANNELS}.`);
      over429.push(limited() - before);
      return ms;
    };

    const minimum = async () => {
      quiet();
      return timed(() =>
        Promise.all(
          channels.map(async (channel, i) => {
            await sleep(starts[i]!);
            const response = await fetch(`${emulator.url}/api/${METHOD}`, {
              method: 'POST',
              body: new URLSearchParams({ token, channel, text: 'Fan-out benchmark https://example.com/fan-out' }),
            });
            const answer = (await response.json()) as { ok: boolean; error?: string };
            if (!answer.ok) throw new Error(`The minimum's post failed: ${answer.error ?? response.status}`);
          }),
        ),
      );
    };

    const samples = await interleave(ROUNDS, { courier, minimum });
    const figures = { courier: median(samples.courier!), minimum: median(samples.minimum!) };
    const worst429 = Math.max(...over429);
    const name = `fan-out: one message to ${CHANNELS} channels`;
    const ruleText = `${rule.limit} per ${rule.windowSeconds} s${rule.perChannel ? ' per channel' : ''}`;
    return [
      {
        name,
        unit: 'ms',
        courier: figures.courier,
        baseline: figures.minimum,
        baselineName: `minimum under ${METHOD}'s ${ruleText}`,
        goal: '≤ 1.2× minimum',
        pass: figures.courier <= 1.2 * figures.minimum,
        note: `medians of ${ROUNDS} interleaved runs, ${ROUND_TRIP_MS} ms round trip per call; the minimum's plan waits ${Math.max(...starts)} ms for the limit`,
      },
      {
        name: `${name}, 429s per run`,
        unit: 'count',
        courier: worst429,
        goal: `≤ ${allowed429} (first of each window)`,
        pass: worst429 <= allowed429,
        note: `429s per run at the emulator: ${over429.join(', ')}`,
      },
    ];
  } finally {
    await emulator.close();
  }
};

export default benchmark;
