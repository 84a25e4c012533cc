// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, install } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Scheduled {
  channel: string;
  scheduled_message_id: string;
  post_at: number;
  message: { type: string; text: string; bot_id?: string };
}

interface Listed {
  scheduled_messages: { id: string; channel_id: string; post_at: number; date_created: number; text: string }[];
  response_metadata: { next_cursor: string };
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

const nowSeconds = () => Math.floor(emu.state.now() / 1000);

function schedule(postAt: number, text = 'later', token = t.bot, channel = general) {
  return callApi<Scheduled>(emu, 'chat.scheduleMessage', { channel, post_at: String(postAt), text }, token);
}

describe('chat.scheduleMessage', () => {
  it('returns a Q… id, post_at and a delayed_message, and posts it once the clock passes post_at', async () => {
    const postAt = nowSeconds() + 600;
    const result = await schedule(postAt, 'stand-up in 10');
    expect(result).toMatchObject({
      ok: true,
      channel: general,
      post_at: postAt,
      message: { type: 'delayed_message', text: 'stand-up in 10', bot_id: expect.stringMatching(/^B/) as unknown },
    });
    expect(result.scheduled_message_id).toMatch(/^Q[0-9A-Z]+$/);
    expect(emu.state.listMessages({ channel: general })).toEqual([]);
    emu.state.advanceClock(601);
    expect(emu.state.listMessages({ channel: general })).toEqual([
      expect.objectContaining({ text: 'stand-up in 10', user: t.botUserId }),
    ]);
    const listed = await callApi<Listed>(emu, 'chat.scheduledMessages.list', { channel: general }, t.bot);
    expect(listed.scheduled_messages.map((s) => s.id)).not.toContain(result.scheduled_message_id);
  });

  it('time_in_past, time_too_far (over 120 days), invalid_time, not_in_channel', async () => {
    expect((await schedule(nowSeconds() - 10)).error).toBe('time_in_past');
    expect((await schedule(nowSeconds() + 121 * 86_400)).error).toBe('time_too_far');
    expect((await schedule(nowSeconds() + 119 * 86_400)).ok).toBe(true);
    const invalid = await callApi(emu, 'chat.scheduleMessage', { channel: general, post_at: 'soon', text: 'x' }, t.bot);
    expect(invalid.error).toBe('invalid_time');
    // The user token (Maya) is not in #marketing.
    expect((await schedule(nowSeconds() + 60, 'x', t.user, channelId(emu, 'marketing'))).error).toBe('not_in_channel');
  });

  it('restricted_too_many past 30 messages in five minutes of one channel', async () => {
    const at = nowSeconds() + 3600;
    for (let i = 0; i < 30; i += 1) expect((await schedule(at + i)).ok).toBe(true);
    expect((await schedule(at + 30)).error).toBe('restricted_too_many');
    expect((await schedule(at + 400)).ok).toBe(true);
  });
});

describe('chat.deleteScheduledMessage', () => {
  it('deletes a pending message; a second delete, or another caller, gets invalid_scheduled_message_id', async () => {
    const { scheduled_message_id: id } = await schedule(nowSeconds() + 600);
    const asUser = await callApi(
      emu,
      'chat.deleteScheduledMessage',
      { channel: general, scheduled_message_id: id },
      t.user,
    );
    expect(asUser.error).toBe('invalid_scheduled_message_id');
    const params = { channel: general, scheduled_message_id: id };
    expect(await callApi(emu, 'chat.deleteScheduledMessage', params, t.bot)).toMatchObject({ ok: true });
    expect((await callApi(emu, 'chat.deleteScheduledMessage', params, t.bot)).error).toBe(
      'invalid_scheduled_message_id',
    );
    emu.state.advanceClock(700);
    expect(emu.state.listMessages({ channel: general })).toEqual([]);
    const unknown = await callApi(emu, 'chat.deleteScheduledMessage', { ...params, channel: 'C0NOPE' }, t.bot);
    expect(unknown.error).toBe('channel_not_found');
  });

  it('an already posted message cannot be deleted any more', async () => {
    const { scheduled_message_id: id } = await schedule(nowSeconds() + 60);
    emu.state.advanceClock(61);
    const result = await callApi(
      emu,
      'chat.deleteScheduledMessage',
      { channel: general, scheduled_message_id: id },
      t.bot,
    );
    expect(result.error).toBe('invalid_scheduled_message_id');
  });
});

describe('chat.scheduledMessages.list', () => {
  it('lists the caller’s own scheduled messages (the seeded one too) by post_at, with cursor paging', async () => {
    const seeded = await callApi<Listed>(emu, 'chat.scheduledMessages.list', {}, t.bot);
    expect(seeded.scheduled_messages).toHaveLength(1);
    expect(seeded.scheduled_messages[0]).toMatchObject({ channel_id: general, text: expect.any(String) as unknown });
    for (let i = 1; i <= 3; i += 1) await schedule(nowSeconds() + i * 600, `m${i}`);
    const first = await callApi<Listed>(emu, 'chat.scheduledMessages.list', { limit: '2' }, t.bot);
    expect(first.scheduled_messages.map((s) => s.text)).toEqual(['m1', 'm2']);
    const rest = await callApi<Listed>(
      emu,
      'chat.scheduledMessages.list',
      { limit: '2', cursor: first.response_metadata.next_cursor },
      t.bot,
    );
    expect(rest.scheduled_messages).toHaveLength(2);
    expect(rest.response_metadata.next_cursor).toBe('');
    const mine = await callApi<Listed>(emu, 'chat.scheduledMessages.list', {}, t.user);
    expect(mine.scheduled_messages.every((s) => !s.text.startsWith('m'))).toBe(true);
    const window = await callApi<Listed>(
      emu,
      'chat.scheduledMessages.list',
      { oldest: String(nowSeconds() + 601), latest: String(nowSeconds() + 1800) },
      t.bot,
    );
    expect(window.scheduled_messages.map((s) => s.text)).toEqual(['m2', 'm3']);
  });

  it('invalid_channel for an unknown channel, and needs no scope', async () => {
    expect((await callApi(emu, 'chat.scheduledMessages.list', { channel: 'C0NOPE' }, t.bot)).error).toBe(
      'invalid_channel',
    );
  });
});
