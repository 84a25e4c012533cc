// @vitest-environment node
// The races between sends, drains, edits and refreshes are in outbox-races.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import { watchRevision } from '../platform/revision';
import { BOT_SCOPES, outboxSupport, TEAM } from './testing/emulator';

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

const { channelId, copiesOf, calls, linked } = outboxSupport(() => emulator);

describe('outbox', () => {
  it('pending → sending → removed, with a history entry (ts and permalink)', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel);
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'latency', ms: 300 });

    const sending = h.services.outbox.enqueue(item);
    // The item is stored before the attempt and marked 'sending' while Slack has it.
    let seen: string | undefined;
    for (let i = 0; i < 50 && seen !== 'sending'; i++) {
      seen = (await h.stored(item.id))?.state;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen).toBe('sending');
    const result = await sending;

    expect(result).toMatchObject({ state: 'sent', outboxId: item.id, channel });
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    expect(await h.stored(item.id)).toBeUndefined();
    const copies = copiesOf(channel, item.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.text).toBe(item.text);
    const entry = await h.history(item.id);
    expect(entry).toMatchObject({ accountId: h.account.id, teamName: 'Acme Corp', channel, ts: copies[0]?.ts });
    expect(entry?.permalink).toContain(copies[0]?.ts.replace('.', ''));
    expect(result.permalink).toBe(entry?.permalink);
    expect(await fakeBrowser.storage.local.get('revision:outbox')).toHaveProperty('revision:outbox');
  });

  it('a 429 puts the item back to pending after Retry-After, not unclear', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel);
    // Longer than the client rides out on its own (60 s), so the outbox sees the 429.
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'ratelimit', retryAfter: 120 });
    const before = Date.now();

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('queued');
    expect(result.error?.kind).toBe('rate_limited');
    const stored = await h.stored(item.id);
    expect(stored).toMatchObject({ state: 'pending', attempts: 1 });
    expect(stored?.unclear).toBeFalsy();
    expect(stored?.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(copiesOf(channel, item.id)).toHaveLength(0);
    // Not due yet: a drain leaves it alone.
    expect(await h.services.outbox.drain()).toBe(0);
    expect((await h.stored(item.id))?.attempts).toBe(1);
  });

  it('an HTTP 500 leaves the item pending and unclear; the next drain checks history, then posts once', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel);
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500' });

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('queued');
    const stored = await h.stored(item.id);
    expect(stored).toMatchObject({ state: 'pending', unclear: true, attempts: 1 });
    expect(stored?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(copiesOf(channel, item.id)).toHaveLength(0);

    await h.makeDue(item.id);
    const historyReads = calls('conversations.history');
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('conversations.history')).toBe(historyReads + 1);
    expect(calls('chat.postMessage')).toBe(2);
    const copies = copiesOf(channel, item.id);
    expect(copies).toHaveLength(1);
    expect(await h.stored(item.id)).toBeUndefined();
    expect((await h.history(item.id))?.ts).toBe(copies[0]?.ts);
  });

  it('a connection dropped after Slack stored the message: the next drain finds it and does not post again', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel);
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'dropAfter' });

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('queued');
    expect(await h.stored(item.id)).toMatchObject({ state: 'pending', unclear: true });
    const stored = copiesOf(channel, item.id);
    expect(stored).toHaveLength(1);

    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('chat.postMessage')).toBe(1);
    expect(copiesOf(channel, item.id)).toHaveLength(1);
    expect(await h.stored(item.id)).toBeUndefined();
    expect(await h.history(item.id)).toMatchObject({ ts: stored[0]?.ts });
  });

  it("treats a 'sending' item left by a stopped worker as unclear", async () => {
    const h = await linked();
    const posted = h.item(channelId('engineering'), { state: 'sending', attempts: 1 });
    const lost = h.item(channelId('support'), { state: 'sending', attempts: 1 });
    await h.services.store.db.put('outbox', posted);
    await h.services.store.db.put('outbox', lost);
    // The stopped worker's attempt at `posted` reached Slack; the one at `lost` did not.
    const ts = await h.postCopy(posted);
    const historyReads = calls('conversations.history');

    expect(await h.services.outbox.drain()).toBe(2);

    expect(calls('conversations.history')).toBe(historyReads + 2);
    expect(copiesOf(posted.channel, posted.id)).toHaveLength(1);
    expect(await h.history(posted.id)).toMatchObject({ ts });
    expect(copiesOf(lost.channel, lost.id)).toHaveLength(1);
    expect(await h.services.store.db.getAll('outbox')).toEqual([]);
  });

  it('terminal errors fail the item with a reason; it is kept and later drains skip it', async () => {
    const h = await linked();
    const missing = h.item('C0NOSUCH01');
    const archived = h.item(channelId('old-project'));

    const results = [await h.services.outbox.enqueue(missing), await h.services.outbox.enqueue(archived)];

    for (const [result, item] of [
      [results[0], missing],
      [results[1], archived],
    ] as const) {
      expect(result?.state).toBe('failed');
      expect(result?.error?.canJoin).toBeUndefined();
      const stored = await h.stored(item.id);
      expect(stored).toMatchObject({ state: 'failed', attempts: 1 });
      expect(stored?.reason).toEqual(expect.any(String));
      expect(stored?.reason).toBe(result?.error?.message);
    }
    expect((await h.stored(archived.id))?.reason).not.toBe((await h.stored(missing.id))?.reason);
    const posts = calls('chat.postMessage');
    // A failed item does not hold back later items for its channel.
    const later = h.item(archived.channel);
    await h.services.store.db.put('outbox', later);

    expect(await h.services.outbox.drain()).toBe(0);

    expect(calls('chat.postMessage')).toBe(posts + 1);
    expect(await h.stored(missing.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await h.stored(archived.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await h.stored(later.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await h.history(missing.id)).toBeUndefined();
  });

  it('not_in_channel on a public channel fails the item and says joining would help', async () => {
    // Without chat:write.public the bot may post only where it is a member.
    const h = await linked(BOT_SCOPES.filter((scope) => scope !== 'chat:write.public'));
    const item = h.item(channelId('design'));

    const result = await h.services.outbox.enqueue(item);

    expect(result).toMatchObject({ state: 'failed', error: { kind: 'not_in_channel', canJoin: true } });
    expect(await h.stored(item.id)).toMatchObject({ state: 'failed', reason: result.error?.message });
    const posts = calls('chat.postMessage');
    expect(await h.services.outbox.drain()).toBe(0);
    expect(calls('chat.postMessage')).toBe(posts);
    expect(await h.stored(item.id)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('revoked tokens fail the item as needs_reconnect', async () => {
    const h = await linked();
    const item = h.item(channelId('engineering'));
    emulator.state.revokeTeam(TEAM);

    const result = await h.services.outbox.enqueue(item);

    expect(result).toMatchObject({ state: 'failed', error: { kind: 'needs_reconnect' } });
    const stored = await h.stored(item.id);
    expect(stored?.state).toBe('failed');
    expect(stored?.reason).toBe(result.error?.message);
    expect((await h.services.store.accounts.get(h.account.id))?.status).toBe('needs_reconnect');
    expect(emulator.state.listMessages({ team: TEAM })).toHaveLength(0);
  });

  it('a token that expires again right after its refresh leaves the item pending, not failed', async () => {
    const h = await linked();
    const item = h.item(channelId('engineering'));
    // Every post expires the tokens first: the refresher renews once, the retry meets token_expired again.
    emulator.state.setChaos({ enabled: true, rates: { expire: 1 } });

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('queued');
    expect(await h.stored(item.id)).toMatchObject({ state: 'pending', attempts: 1 });
    emulator.state.setChaos({ enabled: false });
    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);
    expect(copiesOf(channelId('engineering'), item.id)).toHaveLength(1);
  });

  it('keeps order per target: a later item waits behind one not yet due; other targets proceed', async () => {
    const h = await linked();
    const engineering = channelId('engineering');
    const support = channelId('support');
    const waiting = h.item(engineering, { nextAttemptAt: Date.now() + 60_000, attempts: 1 });
    const behind = h.item(engineering);
    const other = h.item(support);
    for (const item of [waiting, behind, other]) await h.services.store.db.put('outbox', item);

    expect(await h.services.outbox.drain()).toBe(1);

    expect(await h.stored(waiting.id)).toEqual(waiting);
    expect(await h.stored(behind.id)).toEqual(behind);
    expect(await h.stored(other.id)).toBeUndefined();
    expect(emulator.state.listMessages({ team: TEAM, channel: engineering })).toHaveLength(0);
    expect(copiesOf(support, other.id)).toHaveLength(1);

    await h.makeDue(waiting.id);
    expect(await h.services.outbox.drain()).toBe(2);
    const texts = emulator.state.listMessages({ team: TEAM, channel: engineering }).map((m) => m.text);
    expect(texts).toEqual([waiting.text, behind.text]);
  });

  it('tells the pages once per drain or enqueue that changed the outbox, and not for a drain with nothing due', async () => {
    const h = await linked();
    const engineering = channelId('engineering');
    const waiting = h.item(engineering, { nextAttemptAt: Date.now() + 60_000, attempts: 1 });
    await h.services.store.db.put('outbox', waiting);
    let revisions = 0;
    const stop = watchRevision('outbox', () => revisions++);
    try {
      expect(await h.services.outbox.drain()).toBe(0);
      expect(revisions).toBe(0);

      // Stored behind the waiting item and not tried: the pages still learn that it waits.
      const behind = h.item(engineering);
      expect((await h.services.outbox.enqueue(behind)).state).toBe('queued');
      expect(revisions).toBe(1);

      await h.makeDue(waiting.id);
      expect(await h.services.outbox.drain()).toBe(2);
      expect(revisions).toBe(2);
    } finally {
      stop();
    }
  });

  it('schedules an item with postAt through chat.scheduleMessage', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const postAt = Math.floor(Date.now() / 1000) + 3600;
    const item = h.item(channel, { postAt });

    const result = await h.services.outbox.enqueue(item);

    expect(result).toMatchObject({ state: 'scheduled', postAt });
    expect(calls('chat.scheduleMessage')).toBe(1);
    expect(calls('chat.postMessage')).toBe(0);
    // The seed has scheduled messages of its own.
    const ours = emulator.state.scheduled.filter((m) => m.channel === channel && m.text === item.text);
    expect(ours).toHaveLength(1);
    const scheduled = ours[0];
    expect(result.scheduledMessageId).toBe(scheduled?.id);
    expect(await h.stored(item.id)).toBeUndefined();
    const entry = await h.history(item.id);
    expect(entry).toMatchObject({ scheduledMessageId: scheduled?.id, postAt, channel });
    expect(entry?.ts).toBeUndefined();
  });

  it('an unclear thread reply is looked up in its thread, not in the channel history, and not posted twice', async () => {
    const h = await linked();
    const channel = channelId('general');
    const parent = emulator.state
      .listMessages({ team: TEAM, channel, includeSeeded: true })
      .find((message) => !message.threadTs && message.subtype === undefined);
    if (!parent) throw new Error('The demo seed has no message in #general');
    const item = h.item(channel, { threadTs: parent.ts });
    emulator.state.faults.add({ method: 'chat.postMessage', kind: 'dropAfter' });

    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    expect(copiesOf(channel, item.id)).toHaveLength(1);
    await h.makeDue(item.id);
    const replyReads = calls('conversations.replies');
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('conversations.replies')).toBe(replyReads + 1);
    const copies = copiesOf(channel, item.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.threadTs).toBe(parent.ts);
  });

  it('an unclear scheduled message is found in the scheduled list and not scheduled twice', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel, { postAt: Math.floor(Date.now() / 1000) + 3600 });
    emulator.state.faults.add({ method: 'chat.scheduleMessage', kind: 'dropAfter' });

    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    const mine = () =>
      emulator.state.scheduled.filter((entry) => entry.channel === channel && entry.text === item.text);
    expect(mine()).toHaveLength(1);
    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);

    expect(mine()).toHaveLength(1);
    expect((await h.history(item.id))?.scheduledMessageId).toBe(mine()[0]?.id);
  });
});
