// @vitest-environment node
// Soak: many outbox items to many channels against the emulator in chaos mode, with the worker
// killed at random points and a fresh one started over the same database. At the end Slack holds
// every item exactly once, in order per channel, and the outbox is empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import type { OutboxItem } from '../store/sending-records';
import { OUTBOX_EVENT } from './delivery';
import { sweepDuplicates } from './duplicate-sweep';
import type { Services } from './services';
import { createServices } from './services';

const SEED = Number(process.env.SOAK_SEED ?? 20_261_128);
const MESSAGES = Number(process.env.SOAK_MESSAGES ?? 1000);
const CHANNELS = 20;
const TEAM = 'T0SOAK001';
const MAX_WORKERS = 200;
const CHAOS = { latency: 0.05, http500: 0.05, dropAfter: 0.05, ratelimit: 0.03, expire: 0.01 };
const LATENCY_MS = 20;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

/** mulberry32, so the channels and the kill points follow from SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Worker {
  services: Services;
  /** Resolves once the worker is dead. */
  killed: Promise<void>;
  kill(): void;
}

/**
 * A worker: real Services whose network goes through a kill switch. Killing it aborts every request
 * in flight (Slack may or may not have stored it) and from then on no answer ever reaches it, as
 * when the browser stops a service worker: it is abandoned, never resumed.
 */
async function startWorker(random: () => number, killable = true): Promise<Worker> {
  const controller = new AbortController();
  let dead = false;
  let calls = 0;
  // Dies during its n-th request: before Slack answered, or after Slack answered but before the worker heard.
  const killAt = killable ? 1 + Math.floor(random() * 400) : Infinity;
  const afterAnswer = random() < 0.5;
  let kill!: () => void;
  const killed = new Promise<void>((resolve) => {
    kill = () => {
      dead = true;
      controller.abort();
      resolve();
    };
  });
  const never = new Promise<never>(() => undefined);
  const killSwitch: typeof fetch = async (input, init) => {
    if (dead) return never;
    calls += 1;
    const mine = calls;
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const sent = fetch(input, { ...init, signal });
    if (mine === killAt && !afterAnswer) setTimeout(kill, Math.floor(random() * 5));
    try {
      const response = await sent;
      const text = await response.text();
      if (mine === killAt) kill();
      if (dead) return never;
      return new Response(text, { status: response.status, headers: response.headers });
    } catch (error) {
      if (mine === killAt) kill();
      if (dead) return never;
      throw error;
    }
  };
  // The budgets' waits pass at once on a clock of their own; everything else runs on real time.
  let skew = 0;
  const services = await createServices({
    fetch: killSwitch,
    now: () => Date.now() + skew,
    sleep: (ms) => {
      skew += ms;
      return tick();
    },
  });
  return { services, killed, kill };
}

it(`delivers ${MESSAGES} items to ${CHANNELS} channels exactly once and in order under chaos and worker kills`, async () => {
  const random = prng(SEED);
  emulator.state.reset();
  emulator.state.seed({
    workspaces: [
      {
        teamId: TEAM,
        name: 'Soak Corp',
        users: 3,
        content: false,
        channels: Array.from({ length: CHANNELS }, (_, i) => ({ name: `soak-${i + 1}`, members: ['bot'] })),
      },
    ],
  });
  const channels = emulator.state.workspaces.get(TEAM)!.conversations.map((c) => c.id);
  expect(channels).toHaveLength(CHANNELS);

  let worker = await startWorker(random);
  const profile = await worker.services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const body = emulator.state.install({
    teamId: TEAM,
    botScopes: ['chat:write', 'channels:history', 'channels:read'],
    userScopes: ['chat:write', 'channels:history'],
  });
  const account = await linkFromBody(worker.services.store, profile, body, Date.now());

  const t0 = Date.now();
  const items: OutboxItem[] = Array.from({ length: MESSAGES }, (_, i) => ({
    id: `soak-${i}`,
    accountId: account.id,
    channel: channels[Math.floor(random() * CHANNELS)]!,
    label: 'soak',
    text: `Soak ${i}`,
    unfurl: false,
    state: 'pending',
    attempts: 0,
    createdAt: t0 + i,
    nextAttemptAt: 0,
  }));
  for (const item of items) await worker.services.store.db.put('outbox', item);

  emulator.state.setChaos({ enabled: true, seed: SEED, rates: CHAOS, latencyMs: LATENCY_MS, retryAfter: 1 });
  let workers = 1;
  let remaining = MESSAGES;
  const failed: OutboxItem[] = [];
  while (remaining > 0 && workers <= MAX_WORKERS) {
    const { services } = worker;
    const dead = await Promise.race([
      (async () => {
        // Drain, make what waits due at once instead of sitting out its backoff, drain again.
        for (;;) {
          await services.outbox.drain();
          const left = await services.store.db.getAll('outbox');
          remaining = left.length;
          failed.splice(0, failed.length, ...left.filter((item) => item.state === 'failed'));
          if (left.length === failed.length) return false;
          for (const item of left) {
            if (item.state === 'pending') await services.store.db.put('outbox', { ...item, nextAttemptAt: 0 });
          }
        }
      })(),
      worker.killed.then(() => true),
    ]);
    if (!dead) break;
    // Let the dead worker's last database writes land before a new one opens the database.
    await tick(50);
    worker = await startWorker(random);
    workers += 1;
    remaining = (await worker.services.store.db.count('outbox')) || remaining;
  }

  emulator.state.setChaos({ enabled: false });
  // A request a dead worker abandoned may still be in Slack's hands (latency): let it land.
  await tick(LATENCY_MS * 3);
  const sweeper = await startWorker(random, false);
  const deleted = await sweepDuplicates(sweeper.services, Date.now() + 120_000);
  const stats = emulator.state.stats();
  console.info(
    `soak seed=${SEED}: ${MESSAGES} items, ${workers} workers, ${stats.chaosApplied} chaos effects`,
    JSON.stringify(stats.chaosEffects),
    `${stats.calls['chat.postMessage'] ?? 0} posts, ${stats.calls['conversations.history'] ?? 0} history reads,`,
    `${stats.refreshesTotal} refreshes, ${deleted} duplicates swept`,
  );

  // The run did what it claims: workers died, and every kind of chaos happened.
  expect(workers).toBeGreaterThan(1);
  for (const effect of Object.keys(CHAOS)) expect(stats.chaosEffects[effect as keyof typeof CHAOS]).toBeGreaterThan(0);
  expect(failed.map((item) => `${item.id}: ${item.reason ?? ''}`)).toEqual([]);
  expect(await sweeper.services.store.db.getAll('outbox')).toEqual([]);
  const expected = new Map<string, number[]>();
  items.forEach((item, i) => expected.set(item.channel, [...(expected.get(item.channel) ?? []), i]));
  for (const channel of channels) {
    const seen = emulator.state
      .listMessages({ team: TEAM, channel })
      .filter((m) => m.metadata?.event_type === OUTBOX_EVENT)
      .map((m) => Number(String(m.metadata?.event_payload.outbox_id).slice('soak-'.length)));
    expect(seen, channel).toEqual(expected.get(channel) ?? []);
  }
  expect(stats.messagesStored).toBe(MESSAGES);
}, 120_000);
