// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, install, installOnly } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Msg {
  ts: string;
  text: string;
  user: string;
  thread_ts?: string;
  reply_count?: number;
  parent_user_id?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  subtype?: string;
  files?: { id: string; name: string }[];
}

interface History {
  messages: Msg[];
  has_more: boolean;
  pin_count?: number;
  latest?: string;
  response_metadata: { next_cursor: string };
}

let emu: Emulator;
let t: Tokens;
let engineering: string;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
  engineering = channelId(emu, 'engineering');
});

async function post(text: string, extra: Record<string, string> = {}, channel = engineering) {
  const posted = await callApi<{ ts: string }>(emu, 'chat.postMessage', { channel, text, ...extra }, t.bot);
  expect(posted.ok, posted.error).toBe(true);
  return posted.ts;
}

function history(params: Record<string, string>, token = t.bot) {
  return callApi<History>(emu, 'conversations.history', { channel: engineering, ...params }, token);
}

/** Fills a channel in-process: 1 200 HTTP posts would only slow the test down. */
function fill(channel: string, count: number): void {
  const base = Math.floor(emu.state.now() / 1000) - count;
  for (let i = 0; i < count; i += 1) {
    emu.state.messages.push({
      team: 'T0ACME001',
      channel,
      ts: `${base + i}.000000`,
      text: `m${i}`,
      user: t.userId,
    });
  }
}

describe('conversations.history', () => {
  it('returns messages newest first, with metadata only when include_all_metadata=true', async () => {
    const metadata = { event_type: 'courier_outbox', event_payload: { outbox_id: 'ob-7' } };
    await post('plain');
    const tagged = await post('tagged', { metadata: JSON.stringify(metadata) });
    const without = await history({});
    expect(without).toMatchObject({ ok: true, has_more: false, pin_count: 0 });
    expect(without.messages.map((m) => m.text)).toEqual(['tagged', 'plain']);
    expect(without.messages[0]).not.toHaveProperty('metadata');
    const withMeta = await history({ include_all_metadata: 'true' });
    expect(withMeta.messages[0]).toMatchObject({ ts: tagged, metadata });
    // The look-up Courier does before posting: its own recent messages carrying its event type.
    const found = withMeta.messages.filter(
      (m) => m.user === t.botUserId && m.metadata?.event_type === 'courier_outbox',
    );
    expect(found.map((m) => m.metadata?.event_payload.outbox_id)).toEqual(['ob-7']);
  });

  it('honours oldest, latest and inclusive, echoing latest', async () => {
    const stamps = [await post('a'), await post('b'), await post('c'), await post('d')];
    const [a, b, c, d] = stamps as [string, string, string, string];
    expect((await history({ oldest: a, latest: d })).messages.map((m) => m.text)).toEqual(['c', 'b']);
    const inclusive = await history({ oldest: a, latest: d, inclusive: 'true' });
    expect(inclusive.messages.map((m) => m.ts)).toEqual([d, c, b, a]);
    expect(inclusive.latest).toBe(d);
    expect((await history({ latest: c, inclusive: '1' })).messages.map((m) => m.ts)).toEqual([c, b, a]);
    expect((await history({ oldest: b })).messages.map((m) => m.ts)).toEqual([d, c]);
    expect((await history({ oldest: 'yesterday' })).error).toBe('invalid_ts_oldest');
    expect((await history({ latest: 'now' })).error).toBe('invalid_ts_latest');
  });

  it('pages with cursors and has_more, clamps limit to 999 and rejects a forged cursor', async () => {
    fill(engineering, 1200);
    const clamped = await history({ limit: '5000' });
    expect(clamped.messages).toHaveLength(999);
    expect(clamped.has_more).toBe(true);
    expect(Buffer.from(clamped.response_metadata.next_cursor, 'base64').toString()).toMatch(/^next_ts:\d{16}$/);
    expect((await history({})).messages).toHaveLength(100);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await history({ limit: '250', ...(cursor ? { cursor } : {}) });
      seen.push(...page.messages.map((m) => m.ts));
      expect(page.has_more).toBe(page.response_metadata.next_cursor !== '');
      cursor = page.response_metadata.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect((await history({ cursor: Buffer.from('team:C1').toString('base64') })).error).toBe('invalid_cursor');
  });

  it('keeps replies in their thread, except broadcasts, and shows reply counts on the parent', async () => {
    const parent = await post('parent');
    await post('quiet reply', { thread_ts: parent });
    await post('loud reply', { thread_ts: parent, reply_broadcast: 'true' });
    const { messages } = await history({});
    expect(messages.map((m) => m.text)).toEqual(['loud reply', 'parent']);
    expect(messages[0]).toMatchObject({ subtype: 'thread_broadcast', thread_ts: parent });
    expect(messages[1]).toMatchObject({ thread_ts: parent, reply_count: 2 });
  });

  it('a bot must be a member (not_in_channel); a person may read any public channel', async () => {
    const random = channelId(emu, 'random');
    expect((await history({ channel: random })).error).toBe('not_in_channel');
    const marketing = channelId(emu, 'marketing');
    expect((await history({ channel: marketing }, t.user)).ok).toBe(true);
    expect((await history({ channel: channelId(emu, 'incident-response') }, t.user)).error).toBe('channel_not_found');
    expect((await history({ channel: 'C0NOPE' })).error).toBe('channel_not_found');
  });

  it('needs the history scope of the conversation’s kind', async () => {
    const narrow = installOnly(emu, { bot: ['channels:history'] });
    expect((await history({}, narrow.bot)).ok).toBe(true);
    const incident = channelId(emu, 'incident-response');
    expect(await history({ channel: incident }, narrow.bot)).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'groups:history',
      provided: 'channels:history',
    });
    const none = installOnly(emu, { bot: ['chat:write'] });
    expect(await history({}, none.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:history,groups:history,mpim:history,im:history',
    });
  });

  it('the seeded #general has history, threads and file shares', async () => {
    const general = await history({ channel: channelId(emu, 'general') });
    expect(general.messages.length).toBeGreaterThanOrEqual(5);
    expect(general.messages.some((m) => (m.reply_count ?? 0) > 0)).toBe(true);
    expect(general.messages.find((m) => m.subtype === 'file_share')?.files?.[0]?.name).toEqual(expect.any(String));
  });
});

describe('conversations.replies', () => {
  it('returns the parent first, then replies oldest first, from the parent or any reply ts', async () => {
    const parent = await post('question');
    const r1 = await post('answer 1', { thread_ts: parent });
    await post('answer 2', { thread_ts: parent });
    for (const ts of [parent, r1]) {
      const thread = await callApi<History>(emu, 'conversations.replies', { channel: engineering, ts }, t.bot);
      expect(thread.messages.map((m) => m.text)).toEqual(['question', 'answer 1', 'answer 2']);
      expect(thread.messages[1]).toMatchObject({ thread_ts: parent, parent_user_id: t.botUserId });
      expect(thread.has_more).toBe(false);
    }
    const paged = await callApi<History>(
      emu,
      'conversations.replies',
      { channel: engineering, ts: parent, limit: '2' },
      t.bot,
    );
    expect(paged).toMatchObject({ has_more: true });
    const rest = await callApi<History>(
      emu,
      'conversations.replies',
      { channel: engineering, ts: parent, limit: '2', cursor: paged.response_metadata.next_cursor },
      t.bot,
    );
    expect(rest.messages.map((m) => m.text)).toEqual(['answer 2']);
  });

  it('thread_not_found for an unknown ts, not_in_channel for a bot outside the channel', async () => {
    const missing = await callApi(emu, 'conversations.replies', { channel: engineering, ts: '1.000001' }, t.bot);
    expect(missing.error).toBe('thread_not_found');
    const random = channelId(emu, 'random');
    expect((await callApi(emu, 'conversations.replies', { channel: random, ts: '1.1' }, t.bot)).error).toBe(
      'not_in_channel',
    );
  });

  it('includes metadata with include_all_metadata', async () => {
    const metadata = { event_type: 'courier_reply', event_payload: { n: 1 } };
    const parent = await post('p');
    await post('r', { thread_ts: parent, metadata: JSON.stringify(metadata) });
    const thread = await callApi<History>(
      emu,
      'conversations.replies',
      { channel: engineering, ts: parent, include_all_metadata: 'true' },
      t.bot,
    );
    expect(thread.messages[1]?.metadata).toEqual(metadata);
  });
});
