// @vitest-environment node
// Message and scheduled-message actions against the emulator: each succeeds, and each fails the
// way Slack fails it, with Slack's sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import type { Harness } from './testing/emulator-harness';
import { ALL_BOT_SCOPES, startHarness } from './testing/emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const slackSays = (code: string) => explainSlackError(code);
const inAnHour = () => Math.floor(h.emulator.state.now() / 1000) + 3600;

async function post(text: string, extra: Record<string, unknown> = {}): Promise<{ channel: string; ts: string }> {
  const { result } = await h.run('send_message', { channel: h.channelId('random'), text, ...extra });
  return result as { channel: string; ts: string };
}

describe('send_message', () => {
  it('posts, with blocks and metadata sent as JSON', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }];
    const metadata = { event_type: 'courier_share', event_payload: { outbox: 'o-1' } };
    const { result, tokenKind } = await h.run('send_message', {
      channel: h.channelId('random'),
      text: 'Hi',
      blocks,
      metadata,
    });
    expect(tokenKind).toBe('bot');
    expect(result).toMatchObject({ channel: h.channelId('random'), message: { text: 'Hi', blocks, metadata } });
  });

  it('refuses a channel the bot is not in without chat:write.public, and an archived one', async () => {
    const noPublic = h.install({ bot: ALL_BOT_SCOPES.filter((s) => s !== 'chat:write.public'), user: [] });
    const failure = await h.fail('send_message', { channel: h.channelId('quiet'), text: 'Hi' }, noPublic);
    expect(failure).toMatchObject({ kind: 'not_in_channel', message: slackSays('not_in_channel') });
    const archived = await h.fail('send_message', { channel: h.channelId('old'), text: 'Hi' });
    expect(archived).toMatchObject({ kind: 'slack_error', message: slackSays('is_archived') });
  });
});

describe('update_message', () => {
  it('edits a message', async () => {
    const { channel, ts } = await post('Draft');
    const { result } = await h.run('update_message', { channel, ts, text: 'Final' });
    expect(result).toMatchObject({ channel, ts, text: 'Final' });
  });

  it("takes the fields Slack's method specs list: unfurled_attachments on an edit, a draft's ts on a send", async () => {
    const { channel, ts } = await post('Draft');
    const unfurled = [{ pretext: 'pre-hello', text: 'text-world' }];
    await expect(
      h.run('update_message', { channel, ts, text: 'Final', unfurled_attachments: unfurled }),
    ).resolves.toMatchObject({
      result: { ts },
    });
    const draft = { channel, text: 'From a draft', current_draft_last_updated_ts: '1524523204.000192' };
    await expect(h.run('send_message', draft)).resolves.toMatchObject({ result: { channel } });
  });

  it('fails for a message that does not exist', async () => {
    const failure = await h.fail('update_message', { channel: h.channelId('random'), ts: '1.000001', text: 'x' });
    expect(failure.message).toBe(slackSays('message_not_found'));
  });
});

describe('add_reaction', () => {
  const reactions = async (channel: string, ts: string) => {
    const { result } = await h.run('list_messages', { channel, oldest: ts, inclusive: true, limit: 1 });
    return (result as { messages: { reactions?: unknown }[] }).messages[0]?.reactions;
  };

  it('adds the person’s reaction, with or without colons, which conversations.history then shows', async () => {
    const { channel, ts } = await post('React to me');
    const added = await h.run('add_reaction', { channel, timestamp: ts, name: ':thumbsup:' });
    expect(added).toMatchObject({ tokenKind: 'user', result: {} });
    await h.run('add_reaction', { channel, timestamp: ts, name: 'eyes' });
    expect(await reactions(channel, ts)).toEqual([
      { name: 'thumbsup', users: [h.userId('ada')], count: 1 },
      expect.objectContaining({ name: 'eyes', count: 1 }),
    ]);
  });

  it('fails as Slack does: twice the same, an unknown message, a name Slack would not take', async () => {
    const { channel, ts } = await post('Once');
    await h.run('add_reaction', { channel, timestamp: ts, name: 'tada' });
    const twice = await h.fail('add_reaction', { channel, timestamp: ts, name: 'tada' });
    expect(twice).toMatchObject({ kind: 'slack_error', message: slackSays('already_reacted') });
    const missing = await h.fail('add_reaction', { channel, timestamp: '1.000001', name: 'tada' });
    expect(missing.message).toBe(slackSays('message_not_found'));
    const bad = await h.fail('add_reaction', { channel, timestamp: ts, name: 'Thumbs Up' });
    expect(bad).toMatchObject({ kind: 'invalid_input', field: 'name' });
  });

  it('asks for reactions:write', async () => {
    const { channel, ts } = await post('Scopes');
    const none = h.install({ bot: ['chat:write'], user: ['chat:write'] });
    const failure = await h.fail('add_reaction', { channel, timestamp: ts, name: 'tada' }, none);
    expect(failure.kind).toBe('missing_scope');
    expect(failure.message).toContain('reactions:write');
  });
});

describe('delete_message', () => {
  it('deletes a message, then cannot find it', async () => {
    const { channel, ts } = await post('Oops');
    expect((await h.run('delete_message', { channel, ts })).result).toMatchObject({ channel, ts });
    const again = await h.fail('delete_message', { channel, ts });
    expect(again.message).toBe(slackSays('message_not_found'));
  });
});

describe('send_ephemeral_message', () => {
  it('shows a message to one member', async () => {
    const input = { channel: h.channelId('random'), user: h.userId('grace'), text: 'Only you' };
    const { result } = await h.run('send_ephemeral_message', input);
    expect(result).toMatchObject({ message_ts: expect.stringMatching(/^\d+\.\d+$/) as unknown });
  });

  it('fails for someone who is not in the channel', async () => {
    const input = { channel: h.channelId('random'), user: h.userId('alan'), text: 'Only you' };
    expect((await h.fail('send_ephemeral_message', input)).message).toBe(slackSays('user_not_in_channel'));
  });
});

describe('get_message_permalink', () => {
  it('links to a message', async () => {
    const { channel, ts } = await post('Link me');
    const { result } = await h.run('get_message_permalink', { channel, message_ts: ts });
    expect(result).toMatchObject({ channel, permalink: expect.stringContaining(ts.replace('.', '')) as unknown });
  });

  it('fails for a message that does not exist', async () => {
    const failure = await h.fail('get_message_permalink', { channel: h.channelId('random'), message_ts: '1.000001' });
    expect(failure.message).toBe(slackSays('message_not_found'));
  });
});

describe('list_messages', () => {
  it('reads history, every page or only `limit` messages', async () => {
    for (let i = 0; i < 5; i++) await post(`history ${i}`);
    const all = (await h.run('list_messages', { channel: h.channelId('random') })).result as { messages: unknown[] };
    expect(all.messages.length).toBeGreaterThanOrEqual(5);
    const two = (await h.run('list_messages', { channel: h.channelId('random'), limit: 2 })).result;
    expect((two as { messages: unknown[] }).messages).toHaveLength(2);
  });

  it('fails where the bot is not a member', async () => {
    const failure = await h.fail('list_messages', { channel: h.channelId('quiet') });
    expect(failure).toMatchObject({ kind: 'not_in_channel', message: slackSays('not_in_channel') });
  });
});

describe('list_thread_replies', () => {
  it('reads a thread, parent first', async () => {
    const parent = await post('Parent');
    await post('Reply', { thread_ts: parent.ts });
    const { result } = await h.run('list_thread_replies', { channel: parent.channel, ts: parent.ts });
    const texts = (result as { messages: { text: string }[] }).messages.map((m) => m.text);
    expect(texts).toEqual(['Parent', 'Reply']);
  });

  it('fails for a thread that does not exist', async () => {
    const failure = await h.fail('list_thread_replies', { channel: h.channelId('random'), ts: '1.000001' });
    expect(failure.message).toBe(slackSays('thread_not_found'));
  });
});

describe('scheduled messages', () => {
  it('schedules, lists and cancels a message', async () => {
    const channel = h.channelId('random');
    const scheduled = (await h.run('schedule_message', { channel, post_at: inAnHour(), text: 'Later' })).result as {
      scheduled_message_id: string;
    };
    expect(scheduled.scheduled_message_id).toMatch(/^Q/);
    const listed = (await h.run('list_scheduled_messages', { channel })).result as {
      scheduled_messages: { id: string }[];
    };
    expect(listed.scheduled_messages.map((m) => m.id)).toContain(scheduled.scheduled_message_id);
    const input = { channel, scheduled_message_id: scheduled.scheduled_message_id };
    await h.run('delete_scheduled_message', input);
    expect((await h.fail('delete_scheduled_message', input)).message).toBe(slackSays('invalid_scheduled_message_id'));
  });

  it('refuses a time in the past', async () => {
    const input = { channel: h.channelId('random'), post_at: 1_000_000_000, text: 'Too late' };
    expect((await h.fail('schedule_message', input)).message).toBe(slackSays('time_in_past'));
  });

  it('refuses to list for a channel that does not exist', async () => {
    const failure = await h.fail('list_scheduled_messages', { channel: 'C0NOSUCH' });
    expect([slackSays('invalid_channel'), slackSays('channel_not_found')]).toContain(failure.message);
  });
});
