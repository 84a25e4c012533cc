// @vitest-environment node
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { DEMO_APP, startEmulator } from '../../test/emulator/index';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import { watchRevision } from '../platform/revision';
import type { SendTarget } from '../protocol';
import type { OutboxItem } from '../store/sending-records';
import { sendShareNow } from './send-share';
import { createServices } from '../background/services';

const TEAM = 'T0ACME001';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

/** Services whose fetch counts the chat.postMessage requests in flight at once. */
async function linked() {
  let inFlight = 0;
  let mostInFlight = 0;
  const services = await createServices({
    fetch: async (input, init) => {
      const posting = String(input instanceof Request ? input.url : input).endsWith('/chat.postMessage');
      if (posting) mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        if (posting) inFlight--;
      }
    },
  });
  const profile = await services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const body = emulator.state.install({ teamId: TEAM, botScopes: ['chat:write'], userScopes: [] });
  const account = await linkFromBody(services.store, profile, body, Date.now());
  const workspace = emulator.state.workspaces.get(TEAM)!;
  const channels = workspace.conversations.filter((c) => c.kind === 'public_channel' && !c.isArchived);
  const botIn = channels.filter((c) => c.members.has(body.bot_user_id!));
  const botOut = channels.find((c) => !c.members.has(body.bot_user_id!));
  const target = (id: string): SendTarget => ({ key: `${account.id}:${id}`, accountId: account.id, id, label: id });
  const item = (channel: string, text: string): OutboxItem => ({
    id: crypto.randomUUID(),
    accountId: account.id,
    channel,
    label: channel,
    text,
    unfurl: false,
    state: 'pending',
    attempts: 0,
    createdAt: Date.now(),
    nextAttemptAt: Date.now(),
  });
  return { services, botIn, botOut, target, item, mostInFlight: () => mostInFlight };
}

const posted = (channel: string) => emulator.state.listMessages({ team: TEAM, channel }).map((m) => m.text);

it('sends one message to many targets side by side, results in target order, each with its permalink', async () => {
  const h = await linked();
  expect(h.botIn.length).toBeGreaterThanOrEqual(3);
  // Each post is held a while at Slack, so posts that overlap are seen overlapping.
  emulator.state.setChaos({ enabled: true, rates: { latency: 1 }, latencyMs: 100, methods: ['chat.postMessage'] });
  const targets = h.botIn.slice(0, 3).map((c) => h.target(c.id));

  const results = await sendShareNow(
    h.services.outbox,
    { kind: 'page', title: 'Fan', url: 'https://example.com/' },
    targets,
  );

  expect(results.map((r) => [r.channel, r.state])).toEqual(targets.map((t) => [t.id, 'sent']));
  for (const result of results) {
    expect(posted(result.channel)).toHaveLength(1);
    expect(result.permalink).toContain(`/archives/${result.channel}/p${result.ts!.replace('.', '')}`);
  }
  expect(h.mostInFlight()).toBe(3);
  expect(await h.services.store.db.getAll('outbox')).toEqual([]);
});

it('enqueueAll keeps one target in order; a refused item stays failed for the person and does not hold back the next', async () => {
  const h = await linked();
  const [open] = h.botIn;
  const closed = h.botOut!;
  const items = [
    h.item(open!.id, 'first'),
    h.item(closed.id, 'refused'),
    h.item(open!.id, 'second'),
    h.item(closed.id, 'also refused'),
  ];

  const results = await h.services.outbox.enqueueAll(items);

  expect(results.map((r) => r.state)).toEqual(['sent', 'failed', 'sent', 'failed']);
  expect(posted(open!.id)).toEqual(['first', 'second']);
  expect(posted(closed.id)).toEqual([]);
  // Both stay in the outbox, failed with the reason, to be fixed, retargeted or discarded.
  const kept = (await h.services.store.db.getAll('outbox')).sort((a, b) => a.createdAt - b.createdAt);
  expect(kept.map((i) => [i.text, i.state])).toEqual([
    ['refused', 'failed'],
    ['also refused', 'failed'],
  ]);
});

it('a fan-out reads its account once, decrypts its token once and tells the pages once', async () => {
  const h = await linked();
  const { store } = h.services;
  const reads = { accounts: 0, chains: 0 };
  const account = store.accounts.get.bind(store.accounts);
  const chain = store.chains.get.bind(store.chains);
  store.accounts.get = (id) => (reads.accounts++, account(id));
  store.chains.get = (id) => (reads.chains++, chain(id));
  let revisions = 0;
  const stop = watchRevision('outbox', () => revisions++);
  const targets = h.botIn.slice(0, 5).map((c) => h.target(c.id));

  const results = await sendShareNow(
    h.services.outbox,
    { kind: 'page', title: 'Fan', url: 'https://example.com/' },
    targets,
  );
  stop();

  expect(results.map((r) => r.state)).toEqual(targets.map(() => 'sent'));
  for (const result of results) expect(posted(result.channel)).toHaveLength(1);
  expect(await store.db.count('history')).toBe(targets.length);
  expect(reads).toEqual({ accounts: 1, chains: 1 });
  expect(revisions).toBe(1);
});
