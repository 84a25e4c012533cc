// @vitest-environment node
// Soak: many outbox items to many channels against the emulator in chaos mode, with the worker
// killed at random points and a fresh one started over the same database. At the end Slack holds
// every item exactly once, in order per channel, and the outbox is empty. A second, smaller run
// mixes in file shares, with chaos on the upload's two API calls too.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { DEMO_APP, startEmulator } from '../../test/emulator/index';
import { CHAOS_WRITE_METHODS, prng } from '../../test/emulator/chaos';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import type { OutboxItem } from '../store/sending-records';
import { OUTBOX_EVENT } from './delivery';
import { plannedFile } from './planned-file';
import type { Services } from '../background/services';
import { createServices } from '../background/services';

const SEED = Number(process.env.SOAK_SEED ?? 20_261_128);
const MESSAGES = Number(process.env.SOAK_MESSAGES ?? 1000);
const CHANNELS = 20;
const TEAM = 'T0SOAK001';
const FILE_ITEMS = Number(process.env.SOAK_FILE_ITEMS ?? 300);
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

interface SoakPlan {
  team: string;
  seed: number;
  count: number;
  channels: number;
  /** Which items are file shares (the rest are messages). */
  isFile?: (index: number) => boolean;
  /** Chaos methods besides the default writes. */
  methods?: string[];
  /** Chaos rates other than CHAOS's. */
  rates?: Partial<typeof CHAOS>;
}

/**
 * Stores `count` items, then drains them with chaos on and workers killed at random points until
 * the outbox is empty. Returns what the checks need: the items, the channels, the stats.
 */
async function soak(plan: SoakPlan, fileUrl?: string) {
  const random = prng(plan.seed);
  emulator.state.reset();
  emulator.state.seed({
    workspaces: [
      {
        teamId: plan.team,
        name: 'Soak Corp',
        users: 3,
        content: false,
        channels: Array.from({ length: plan.channels }, (_, i) => ({ name: `soak-${i + 1}`, members: ['bot'] })),
      },
    ],
  });
  const channels = emulator.state.workspaces.get(plan.team)!.conversations.map((c) => c.id);
  expect(channels).toHaveLength(plan.channels);

  let worker = await startWorker(random);
  const profile = await worker.services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const body = emulator.state.install({
    teamId: plan.team,
    botScopes: ['chat:write', 'channels:history', 'channels:read', 'files:write', 'files:read'],
    userScopes: ['chat:write', 'channels:history'],
  });
  const account = await linkFromBody(worker.services.store, profile, body, Date.now());

  const t0 = Date.now();
  const items: OutboxItem[] = Array.from({ length: plan.count }, (_, i) => {
    const file =
      plan.isFile?.(i) && fileUrl ? plannedFile({ kind: 'file', url: `${fileUrl}/${i}.txt` }).file : undefined;
    return {
      id: `soak-${i}`,
      accountId: account.id,
      channel: channels[Math.floor(random() * plan.channels)]!,
      label: 'soak',
      text: `Soak ${i}`,
      unfurl: false,
      state: 'pending',
      attempts: 0,
      createdAt: t0 + i,
      nextAttemptAt: 0,
      ...(file ? { file } : {}),
    };
  });
  for (const item of items) await worker.services.store.db.put('outbox', item);

  emulator.state.setChaos({
    enabled: true,
    seed: plan.seed,
    rates: { ...CHAOS, ...plan.rates },
    latencyMs: LATENCY_MS,
    retryAfter: 1,
    methods: [...CHAOS_WRITE_METHODS, ...(plan.methods ?? [])],
  });
  let workers = 1;
  let remaining = plan.count;
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
  const deleted = await sweeper.services.outbox.sweep(Date.now() + 120_000);
  const stats = emulator.state.stats();
  console.info(
    `soak seed=${plan.seed}: ${plan.count} items, ${workers} workers, ${stats.chaosApplied} chaos effects`,
    JSON.stringify(stats.chaosEffects),
    `${stats.calls['chat.postMessage'] ?? 0} posts, ${stats.calls['files.completeUploadExternal'] ?? 0} file completions,`,
    `${stats.calls['conversations.history'] ?? 0} history reads, ${stats.refreshesTotal} refreshes, ${deleted} duplicates swept`,
  );

  // The run did what it claims: workers died, and every kind of chaos happened.
  expect(workers).toBeGreaterThan(1);
  for (const effect of Object.keys(CHAOS)) expect(stats.chaosEffects[effect as keyof typeof CHAOS]).toBeGreaterThan(0);
  expect(failed.map((item) => `${item.id}: ${item.reason ?? ''}`)).toEqual([]);
  expect(await sweeper.services.store.db.getAll('outbox')).toEqual([]);
  const expected = new Map<string, number[]>();
  items.forEach((item, i) => expected.set(item.channel, [...(expected.get(item.channel) ?? []), i]));
  for (const channel of channels) {
    // A message carries its outbox id; a shared file, its comment.
    const seen = emulator.state
      .listMessages({ team: plan.team, channel })
      .map((m) =>
        m.subtype === 'file_share'
          ? Number(m.text.slice('Soak '.length))
          : Number(
              String(m.metadata?.event_type === OUTBOX_EVENT ? m.metadata.event_payload.outbox_id : '').slice(
                'soak-'.length,
              ),
            ),
      );
    expect(seen, channel).toEqual(expected.get(channel) ?? []);
  }
  expect(stats.messagesStored).toBe(plan.count);
  return { items, stats };
}

it(`delivers ${MESSAGES} items to ${CHANNELS} channels exactly once and in order under chaos and worker kills`, async () => {
  await soak({ team: TEAM, seed: SEED, count: MESSAGES, channels: CHANNELS });
}, 120_000);

it(`shares ${FILE_ITEMS} items (one in three a file) exactly once and in order under chaos and worker kills`, async () => {
  const site = createServer((request, response) => {
    const body = `file ${request.url ?? ''}\n`.repeat(64);
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const { items } = await soak(
      {
        team: 'T0SOAKFILE',
        seed: SEED + 1,
        count: FILE_ITEMS,
        channels: 5,
        isFile: (i) => i % 3 === 0,
        methods: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
        // A shorter run: token expiry a little more often, so it happens in every run.
        rates: { expire: 0.03 },
      },
      `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    );
    const files = emulator.state.workspaces.get('T0SOAKFILE')!.files;
    // A late completion's copy is deleted by the sweep (sweep.ts).
    const shared = files.filter((file) => !file.deleted && file.shares.length > 0);
    expect(shared).toHaveLength(items.filter((item) => item.file).length);
    expect(shared.every((file) => file.shares.length === 1)).toBe(true);
  } finally {
    site.closeAllConnections();
    site.close();
  }
}, 120_000);
