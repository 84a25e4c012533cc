// @vitest-environment node
// Conversation and membership actions against the emulator: success and Slack's own failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import type { Harness } from './testing/emulator-harness';
import { startHarness } from './testing/emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const slackSays = (code: string) => explainSlackError(code);
type Channel = { id: string; name?: string };

describe('create_conversation and rename_conversation', () => {
  it('creates a channel and renames it', async () => {
    const created = (await h.run('create_conversation', { name: 'project-x' })).result as { channel: Channel };
    expect(created.channel).toMatchObject({ id: expect.stringMatching(/^C/) as unknown, name: 'project-x' });
    const renamed = await h.run('rename_conversation', { channel: created.channel.id, name: 'project-y' });
    expect(renamed.result).toMatchObject({ channel: { id: created.channel.id, name: 'project-y' } });
  });

  it('refuses names that are taken', async () => {
    expect((await h.fail('create_conversation', { name: 'general' })).message).toBe(slackSays('name_taken'));
    const rename = await h.fail('rename_conversation', { channel: h.channelId('random'), name: 'general' });
    expect(rename.message).toBe(slackSays('name_taken'));
  });
});

describe('get_conversation', () => {
  it('describes a channel', async () => {
    const { result } = await h.run('get_conversation', { channel: h.channelId('general') });
    expect(result).toMatchObject({ channel: { id: h.channelId('general'), name: 'general' } });
  });

  it('fails for a channel that does not exist', async () => {
    expect((await h.fail('get_conversation', { channel: 'C0NOSUCH' })).message).toBe(slackSays('channel_not_found'));
  });
});

describe('list_conversations', () => {
  it('lists the kinds asked for, every page or `limit`', async () => {
    const all = (await h.run('list_conversations', { types: ['public_channel', 'private_channel'] })).result as {
      channels: Channel[];
    };
    const names = all.channels.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['general', 'random', 'secret']));
    const two = (await h.run('list_conversations', { limit: 2 })).result as { channels: Channel[] };
    expect(two.channels).toHaveLength(2);
  });

  it('says which scope is missing', async () => {
    const chatOnly = h.install({ bot: ['chat:write'], user: [] });
    const failure = await h.fail('list_conversations', {}, chatOnly);
    expect(failure.kind).toBe('missing_scope');
    expect(failure.message).toContain('channels:read');
  });
});

describe('list_user_conversations', () => {
  it("lists the person's own conversations with a user token", async () => {
    const { result, tokenKind } = await h.run('list_user_conversations', { types: ['public_channel'] });
    expect(tokenKind).toBe('user');
    expect((result as { channels: Channel[] }).channels.map((c) => c.id)).toContain(h.channelId('quiet'));
  });

  it('fails for someone who does not exist', async () => {
    expect((await h.fail('list_user_conversations', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
  });
});

describe('join_conversation and leave_conversation', () => {
  it('joins a public channel and leaves it again', async () => {
    const channel = h.channelId('quiet');
    expect((await h.run('join_conversation', { channel })).result).toMatchObject({ channel: { id: channel } });
    expect((await h.run('leave_conversation', { channel })).result).toBeDefined();
  });

  it('cannot join an archived channel, nor leave the general one', async () => {
    expect((await h.fail('join_conversation', { channel: h.channelId('old') })).message).toBe(slackSays('is_archived'));
    const general = await h.fail('leave_conversation', { channel: h.channelId('general') });
    expect(general.message).toBe(slackSays('cant_leave_general'));
  });
});

describe('open_conversation', () => {
  it('opens a DM', async () => {
    const { result } = await h.run('open_conversation', { users: [h.userId('grace')] });
    expect(result).toMatchObject({ channel: { id: expect.stringMatching(/^D/) as unknown } });
  });

  it('fails for someone who does not exist', async () => {
    expect((await h.fail('open_conversation', { users: ['U0NOSUCH'] })).message).toBe(slackSays('user_not_found'));
  });
});

describe('members', () => {
  it('invites, lists and removes a member', async () => {
    const channel = h.channelId('random');
    const alan = h.userId('alan');
    await h.run('invite_users_to_conversation', { channel, users: [alan] });
    const listed = (await h.run('list_conversation_members', { channel })).result as { members: string[] };
    expect(listed.members).toContain(alan);
    const one = (await h.run('list_conversation_members', { channel, limit: 1 })).result as { members: string[] };
    expect(one.members).toHaveLength(1);
    await h.run('remove_user_from_conversation', { channel, user: alan });
    const after = (await h.run('list_conversation_members', { channel })).result as { members: string[] };
    expect(after.members).not.toContain(alan);
  });

  it("fails the way Slack does: already there, can't kick from general, unknown channel", async () => {
    const invite = await h.fail('invite_users_to_conversation', {
      channel: h.channelId('random'),
      users: [h.userId('grace')],
    });
    expect(invite.message).toBe(slackSays('already_in_channel'));
    const kick = await h.fail('remove_user_from_conversation', {
      channel: h.channelId('general'),
      user: h.userId('grace'),
    });
    expect(kick.message).toBe(slackSays('cant_kick_from_general'));
    const members = await h.fail('list_conversation_members', { channel: 'C0NOSUCH' });
    expect(members.message).toBe(slackSays('channel_not_found'));
  });
});
