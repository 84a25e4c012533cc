// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import { storedChain } from '../auth/testing/linked';
import { BOT_SCOPES, eventually, outboxSupport, TEAM } from './testing/emulator';
import { outboxHandlers } from '../background/handlers/outbox';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.state.reset();
});

const { channelId, copiesOf, linked } = outboxSupport(() => emulator);

describe('outbox races', () => {
  it('an item a drain delivered while its enqueue waited for the lock is not posted again', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const first = h.item(channel);
    const second = h.item(channelId('support'));
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'latency', ms: 200 });

    const sendingFirst = h.services.outbox.enqueue(first);
    // A drain (an alarm) queues for the lock behind the first send, then the second send behind it.
    const draining = h.services.outbox.drain();
    const sendingSecond = h.services.outbox.enqueue(second);
    const results = await Promise.all([sendingFirst, sendingSecond, draining]);

    for (const [item, result] of [
      [first, results[0]],
      [second, results[1]],
    ] as const) {
      const copies = copiesOf(item.channel, item.id);
      expect(copies).toHaveLength(1);
      expect(result).toMatchObject({ state: 'sent', outboxId: item.id, ts: copies[0]?.ts });
    }
    expect(await h.services.store.db.getAll('outbox')).toEqual([]);
  });
  it('a send stuck on one channel does not hold up a send to another (each target has its own lock)', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const slow = channelId('engineering');
    const h = await linked(BOT_SCOPES, {
      fetch: async (input, init) => {
        const posting = typeof input === 'string' && input.endsWith('/chat.postMessage');
        const form = typeof init?.body === 'string' ? new URLSearchParams(init.body) : undefined;
        if (posting && form?.get('channel') === slow) await stuck;
        return fetch(input, init);
      },
    });
    const first = h.item(slow);
    const second = h.item(channelId('support'));

    const sendingFirst = h.services.outbox.enqueue(first);
    const secondResult = await h.services.outbox.enqueue(second);

    expect(secondResult).toMatchObject({ state: 'sent', outboxId: second.id });
    expect((await h.stored(first.id))?.state).toBe('sending');
    release();
    expect(await sendingFirst).toMatchObject({ state: 'sent', outboxId: first.id });
    expect(copiesOf(first.channel, first.id)).toHaveLength(1);
  });
});

describe('outbox edits and refreshes', () => {
  it('Edit retargets a failed item: it goes to the new channel with the new text, and nowhere else', async () => {
    const h = await linked();
    const archived = channelId('old-project');
    const engineering = channelId('engineering');
    const item = h.item(archived);
    expect((await h.services.outbox.enqueue(item)).state).toBe('failed');
    const handlers = outboxHandlers(() => Promise.resolve(h.services));
    const target = {
      key: `${h.account.id}:${engineering}`,
      accountId: h.account.id,
      id: engineering,
      label: '#engineering',
    };

    await handlers['outbox.edit']({ id: item.id, text: 'Moved here', target });
    await h.services.outbox.drain();

    expect(await h.stored(item.id)).toBeUndefined();
    const copies = copiesOf(engineering, item.id);
    expect(copies.map((m) => m.text)).toEqual(['Moved here']);
    expect(emulator.state.listMessages({ team: TEAM, channel: archived })).toHaveLength(0);
    expect(await h.history(item.id)).toMatchObject({ channel: engineering, label: '#engineering', ts: copies[0]?.ts });
  });

  it('an Edit made while an attempt runs waits for it: the failed attempt does not overwrite the new text', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const h = await linked(BOT_SCOPES, {
      fetch: async (input, init) => {
        if (typeof input === 'string' && input.endsWith('/chat.postMessage')) await stuck;
        return fetch(input, init);
      },
    });
    const engineering = channelId('engineering');
    const item = h.item(engineering, { text: 'Old text' });
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500' });
    const handlers = outboxHandlers(() => Promise.resolve(h.services));

    const sending = h.services.outbox.enqueue(item);
    await eventually(async () => (await h.stored(item.id))?.state === 'sending', 'the attempt has started');
    const editing = handlers['outbox.edit']({ id: item.id, text: 'New text' });
    release();
    expect((await sending).state).toBe('queued');
    await editing;

    expect(await h.stored(item.id)).toMatchObject({ text: 'New text', state: 'pending' });
    await h.services.outbox.drain();
    expect(copiesOf(engineering, item.id).map((m) => m.text)).toEqual(['New text']);
  });

  it("a renewed token sends the account's waiting items at once, but not before Slack's Retry-After", async () => {
    const h = await linked();
    const engineering = channelId('engineering');
    const item = h.item(engineering);
    // The token expires at every call: the send waits, and the refreshes it causes end (no loop).
    emulator.state.setChaos({ enabled: true, rates: { expire: 1 } });
    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    emulator.state.setChaos({ enabled: false });
    await h.services.outbox.drain();
    const refreshes = emulator.state.stats().refreshesTotal;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.state.stats().refreshesTotal).toBe(refreshes);
    expect((await h.stored(item.id))?.nextAttemptAt).toBeGreaterThan(Date.now() + 1_000);
    const limited = h.item(channelId('support'));
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'ratelimit', retryAfter: 120 });
    expect((await h.services.outbox.enqueue(limited)).state).toBe('queued');
    expect(copiesOf(engineering, item.id)).toHaveLength(0);

    // The alarm's backstop finds the bot chain due and renews it.
    const chain = await storedChain(h.services.store, h.account.id, 'bot');
    await h.services.store.chains.replace({ ...chain, expiresAt: Date.now() }, chain.version);
    expect((await h.services.refresher.refreshDue()).refreshed).toBeGreaterThan(0);

    await eventually(async () => (await h.stored(item.id)) === undefined, 'the waiting item is sent');
    expect(copiesOf(engineering, item.id)).toHaveLength(1);
    const held = await h.stored(limited.id);
    expect(held?.nextAttemptAt).toBeGreaterThanOrEqual(held?.notBefore ?? Infinity);
    expect(held?.notBefore).toBeGreaterThan(Date.now() + 100_000);
  });
});
