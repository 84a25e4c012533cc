// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackBody, Tokens } from './helpers';
import { callApi, channelId, control, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Posted {
  channel: string;
  ts: string;
  text: string;
  message: Record<string, unknown>;
}

let emu: Emulator;
let t: Tokens;
let general: string;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
  general = channelId(emu, 'general');
});

async function post(text: string, token = t.bot, extra: Record<string, string> = {}): Promise<Posted> {
  const posted = await callApi<Posted>(emu, 'chat.postMessage', { channel: general, text, ...extra }, token);
  expect(posted.ok, posted.error).toBe(true);
  return posted;
}

/** A seeded message in #general written by a person (not the bot). */
function seededTs(): string {
  const message = emu.state
    .listMessages({ channel: general, includeSeeded: true })
    .find((m) => m.seeded && !m.threadTs);
  if (!message) throw new Error('no seeded message');
  return message.ts;
}

describe('chat.update', () => {
  it('edits the text, keeps omitted metadata and blocks, and marks the message edited', async () => {
    const metadata = { event_type: 'courier_sent', event_payload: { id: 'x1' } };
    const blocks = [{ type: 'divider' }];
    const { ts } = await post('first', t.bot, { metadata: JSON.stringify(metadata), blocks: JSON.stringify(blocks) });
    const updated = await callApi<Posted>(emu, 'chat.update', { channel: general, ts, text: 'second' }, t.bot);
    expect(updated).toMatchObject({
      ok: true,
      channel: general,
      ts,
      text: 'second',
      message: { text: 'second', user: t.botUserId, metadata, blocks, edited: { user: t.botUserId } },
    });
    const stored = emu.state.listMessages({ channel: general }).find((m) => m.ts === ts);
    expect(stored).toMatchObject({ text: 'second', metadata, blocks });
    // An empty object removes the metadata, an empty array the blocks.
    await callApi(emu, 'chat.update', { channel: general, ts, text: 'x', metadata: '{}', blocks: '[]' }, t.bot);
    expect(emu.state.listMessages({ channel: general }).find((m) => m.ts === ts)).toMatchObject({
      metadata: undefined,
      blocks: undefined,
    });
  });

  it("cant_update_message on someone else's message, message_not_found for an unknown ts", async () => {
    const other = await callApi(emu, 'chat.update', { channel: general, ts: seededTs(), text: 'hijack' }, t.bot);
    expect(other).toMatchObject({ ok: false, error: 'cant_update_message' });
    const byUser = await post('mine', t.user);
    const botOnUser = await callApi(emu, 'chat.update', { channel: general, ts: byUser.ts, text: 'no' }, t.bot);
    expect(botOnUser.error).toBe('cant_update_message');
    const unknown = await callApi(emu, 'chat.update', { channel: general, ts: '1.000001', text: 'x' }, t.bot);
    expect(unknown.error).toBe('message_not_found');
    const missing = await callApi(emu, 'chat.update', { channel: 'C0NOPE', ts: byUser.ts, text: 'x' }, t.user);
    expect(missing.error).toBe('channel_not_found');
  });

  it('no_text without content and msg_too_long over 4 000 characters', async () => {
    const { ts } = await post('short');
    expect((await callApi(emu, 'chat.update', { channel: general, ts }, t.bot)).error).toBe('no_text');
    const long = 'x'.repeat(4001);
    expect((await callApi(emu, 'chat.update', { channel: general, ts, text: long }, t.bot)).error).toBe('msg_too_long');
  });
});

describe('chat.delete', () => {
  it('deletes the caller’s own message', async () => {
    const { ts } = await post('oops');
    expect(await callApi(emu, 'chat.delete', { channel: general, ts }, t.bot)).toMatchObject({
      ok: true,
      channel: general,
      ts,
    });
    expect(emu.state.listMessages({ channel: general }).some((m) => m.ts === ts)).toBe(false);
    expect((await callApi(emu, 'chat.delete', { channel: general, ts }, t.bot)).error).toBe('message_not_found');
  });

  it('a bot cannot delete others’ messages; an admin’s user token can, leaving a tombstone for threads', async () => {
    const parent = emu.state
      .listMessages({ channel: general, includeSeeded: true })
      .find((m) => emu.state.messages.some((r) => r.threadTs === m.ts && r.ts !== m.ts));
    const ts = parent?.ts ?? '';
    expect((await callApi(emu, 'chat.delete', { channel: general, ts }, t.bot)).error).toBe('cant_delete_message');
    // Maya (the installing user) is an admin.
    expect((await callApi(emu, 'chat.delete', { channel: general, ts }, t.user)).ok).toBe(true);
    const replies = await callApi<{ messages: { subtype?: string; text: string }[] }>(
      emu,
      'conversations.replies',
      { channel: general, ts },
      t.bot,
    );
    expect(replies.messages[0]).toMatchObject({ subtype: 'tombstone', text: 'This message was deleted.' });
    expect(replies.messages.length).toBeGreaterThan(1);
  });
});

describe('chat.postEphemeral', () => {
  it('shows a message to one member without adding it to history', async () => {
    const sofia = userId(emu, 'sofia.rossi');
    const before = emu.state.listMessages({ channel: general, includeSeeded: true }).length;
    const result = await callApi<{ message_ts: string }>(
      emu,
      'chat.postEphemeral',
      { channel: general, user: sofia, text: 'only you' },
      t.bot,
    );
    expect(result.ok).toBe(true);
    expect(result.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(emu.state.listMessages({ channel: general, includeSeeded: true })).toHaveLength(before);
    const shown = await control<{ messages: { recipient: string; text: string }[] }>(emu, 'GET', '/ephemeral');
    expect(shown.messages).toEqual([expect.objectContaining({ recipient: sofia, text: 'only you' })]);
  });

  it('user_not_in_channel for a non-member, not_in_channel when the bot is not in the channel', async () => {
    const design = channelId(emu, 'design');
    const priya = userId(emu, 'priya.natarajan');
    const notMember = await callApi(emu, 'chat.postEphemeral', { channel: general, user: 'U0NOPE', text: 'x' }, t.bot);
    expect(notMember.error).toBe('user_not_in_channel');
    const userToken = await callApi(emu, 'chat.postEphemeral', { channel: design, user: priya, text: 'x' }, t.user);
    expect(userToken.error).toBe('user_not_in_channel');
    // With chat:write.public the bot may post to a public channel it has not joined, ephemerally too.
    const botOutside = await callApi(emu, 'chat.postEphemeral', { channel: 'random', user: priya, text: 'x' }, t.bot);
    expect(botOutside.ok).toBe(true);
    const narrow = installOnly(emu, { bot: ['chat:write'] });
    const denied = await callApi(emu, 'chat.postEphemeral', { channel: 'random', user: priya, text: 'x' }, narrow.bot);
    expect(denied.error).toBe('not_in_channel');
  });
});

describe('chat.getPermalink', () => {
  it('builds https://<domain>.slack.com/archives/<C>/p<ts>, with thread_ts and cid for replies', async () => {
    const { ts } = await post('link me');
    const link = await callApi<{ permalink: string; channel: string }>(
      emu,
      'chat.getPermalink',
      { channel: general, message_ts: ts },
      t.bot,
    );
    expect(link).toMatchObject({ ok: true, channel: general });
    expect(link.permalink).toBe(`https://acme.slack.com/archives/${general}/p${ts.replace('.', '')}`);
    const reply = await post('in thread', t.bot, { thread_ts: ts });
    const threaded = await callApi<{ permalink: string }>(
      emu,
      'chat.getPermalink',
      { channel: general, message_ts: reply.ts },
      t.bot,
    );
    expect(threaded.permalink).toBe(
      `https://acme.slack.com/archives/${general}/p${reply.ts.replace('.', '')}?thread_ts=${ts}&cid=${general}`,
    );
  });

  it('message_not_found and channel_not_found; needs no scope at all', async () => {
    const bare = installOnly(emu, { bot: ['users:read'] });
    const missing = await callApi<SlackBody>(
      emu,
      'chat.getPermalink',
      { channel: general, message_ts: '1.1' },
      bare.bot,
    );
    expect(missing.error).toBe('message_not_found');
    const hidden = await callApi(
      emu,
      'chat.getPermalink',
      { channel: channelId(emu, 'leadership'), message_ts: '1.1' },
      bare.bot,
    );
    expect(hidden.error).toBe('channel_not_found');
  });
});
