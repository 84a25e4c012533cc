// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Channel {
  channel: {
    id: string;
    name: string;
    is_private: boolean;
    is_member: boolean;
    creator: string;
    previous_names: string[];
  };
}

let emu: Emulator;
let t: Tokens;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
});

const members = (id: string) => emu.state.workspaces.get('T0ACME001')?.conversationsById.get(id)?.members;

describe('conversations.create', () => {
  it('creates public and private channels with the caller as member', async () => {
    const made = await callApi<Channel>(emu, 'conversations.create', { name: 'proj-falcon' }, t.bot);
    expect(made).toMatchObject({
      ok: true,
      channel: { name: 'proj-falcon', is_private: false, is_member: true, creator: t.botUserId, previous_names: [] },
    });
    expect(made.channel.id).toMatch(/^C/);
    const secret = await callApi<Channel>(emu, 'conversations.create', { name: 'secret', is_private: 'true' }, t.user);
    expect(secret.channel).toMatchObject({ is_private: true, creator: t.userId });
    const listed = await callApi<{ channels: { name: string }[] }>(
      emu,
      'conversations.list',
      { types: 'private_channel' },
      t.user,
    );
    expect(listed.channels.map((c) => c.name)).toContain('secret');
  });

  it('name_taken for existing names (private and archived ones too) and the invalid_name family', async () => {
    for (const name of ['general', 'leadership', 'old-project']) {
      expect((await callApi(emu, 'conversations.create', { name }, t.bot)).error, name).toBe('name_taken');
    }
    const cases: [string, string][] = [
      ['', 'invalid_name_required'],
      ['x'.repeat(81), 'invalid_name_maxlength'],
      ['---', 'invalid_name_punctuation'],
      ['Has Caps', 'invalid_name_specials'],
      ['dots.here', 'invalid_name_specials'],
      ['everyone', 'invalid_name'],
    ];
    for (const [name, error] of cases) {
      expect((await callApi(emu, 'conversations.create', { name }, t.bot)).error, name).toBe(error);
    }
    expect((await callApi(emu, 'conversations.create', { name: 'x'.repeat(80) }, t.bot)).ok).toBe(true);
  });

  it('bots need channels:manage, people channels:write; private channels need groups:write', async () => {
    const narrow = installOnly(emu, { bot: ['channels:read'], user: ['channels:read'] });
    expect(await callApi(emu, 'conversations.create', { name: 'a' }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:manage',
    });
    expect(await callApi(emu, 'conversations.create', { name: 'a' }, narrow.user)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:write',
    });
    expect(await callApi(emu, 'conversations.create', { name: 'a', is_private: 'true' }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'groups:write',
    });
  });
});

describe('conversations.rename', () => {
  it('renames, remembering the previous name', async () => {
    const engineering = channelId(emu, 'engineering');
    const renamed = await callApi<Channel>(emu, 'conversations.rename', { channel: engineering, name: 'eng' }, t.bot);
    expect(renamed.channel).toMatchObject({ id: engineering, name: 'eng', previous_names: ['engineering'] });
  });

  it('name_taken, invalid_name_specials, not_in_channel, is_archived, not_authorized', async () => {
    const engineering = channelId(emu, 'engineering');
    const rename = (channel: string, name: string, token = t.bot) =>
      callApi(emu, 'conversations.rename', { channel, name }, token);
    expect((await rename(engineering, 'random')).error).toBe('name_taken');
    expect((await rename(engineering, 'Eng Team')).error).toBe('invalid_name_specials');
    expect((await rename(channelId(emu, 'random'), 'banter')).error).toBe('not_in_channel');
    expect((await rename(channelId(emu, 'old-project'), 'older')).error).toBe('is_archived');
    // Sofia is neither the creator nor an admin of #design.
    const sofia = install(emu, { userId: userId(emu, 'sofia.rossi') });
    expect((await rename(channelId(emu, 'design'), 'design-team', sofia.user)).error).toBe('not_authorized');
    expect((await rename(channelId(emu, 'design'), 'design-team', t.user)).ok).toBe(true);
  });
});

describe('conversations.invite', () => {
  it('adds people to a channel the caller is in', async () => {
    const design = channelId(emu, 'design');
    const amara = userId(emu, 'amara.okafor');
    const priya = userId(emu, 'priya.natarajan');
    const result = await callApi<Channel>(
      emu,
      'conversations.invite',
      { channel: design, users: `${amara},${priya}` },
      t.user,
    );
    expect(result).toMatchObject({ ok: true, channel: { id: design } });
    expect(members(design)?.has(amara) && members(design)?.has(priya)).toBe(true);
  });

  it('already_in_channel, cant_invite_self, user_not_found (with errors[]), and force invites the rest', async () => {
    const engineering = channelId(emu, 'engineering');
    const omar = userId(emu, 'omar.haddad');
    const amara = userId(emu, 'amara.okafor');
    const invite = (users: string, extra: Record<string, string> = {}) =>
      callApi(emu, 'conversations.invite', { channel: engineering, users, ...extra }, t.bot);
    expect((await invite(omar)).error).toBe('already_in_channel');
    expect((await invite(t.botUserId)).error).toBe('cant_invite_self');
    const mixed = await invite(`${amara},U0NOBODY`);
    expect(mixed).toMatchObject({
      ok: false,
      error: 'user_not_found',
      errors: [{ user: 'U0NOBODY', ok: false, error: 'user_not_found' }],
    });
    expect(members(engineering)?.has(amara)).toBe(false);
    const forced = await invite(`${amara},U0NOBODY`, { force: 'true' });
    expect(forced).toMatchObject({ ok: true, errors: [{ user: 'U0NOBODY', error: 'user_not_found' }] });
    expect(members(engineering)?.has(amara)).toBe(true);
  });

  it('not_in_channel when the bot is outside, is_archived, and the invites scope by kind', async () => {
    const priya = userId(emu, 'priya.natarajan');
    expect(
      (await callApi(emu, 'conversations.invite', { channel: channelId(emu, 'random'), users: priya }, t.bot)).error,
    ).toBe('not_in_channel');
    const archived = channelId(emu, 'old-project');
    expect((await callApi(emu, 'conversations.invite', { channel: archived, users: priya }, t.bot)).error).toBe(
      'is_archived',
    );
    const narrow = installOnly(emu, { bot: ['channels:write.invites'] });
    const incident = channelId(emu, 'incident-response');
    expect(await callApi(emu, 'conversations.invite', { channel: incident, users: priya }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'groups:write.invites',
    });
  });
});

describe('conversations.kick', () => {
  it('removes a member', async () => {
    const engineering = channelId(emu, 'engineering');
    const jonas = userId(emu, 'jonas.berg');
    expect(await callApi(emu, 'conversations.kick', { channel: engineering, user: jonas }, t.bot)).toMatchObject({
      ok: true,
      errors: {},
    });
    expect(members(engineering)?.has(jonas)).toBe(false);
    expect((await callApi(emu, 'conversations.kick', { channel: engineering, user: jonas }, t.bot)).error).toBe(
      'not_in_channel',
    );
  });

  it('cant_kick_self, cant_kick_from_general, user_not_found', async () => {
    const engineering = channelId(emu, 'engineering');
    const kick = (channel: string, user: string) => callApi(emu, 'conversations.kick', { channel, user }, t.bot);
    expect((await kick(engineering, t.botUserId)).error).toBe('cant_kick_self');
    expect((await kick(channelId(emu, 'general'), userId(emu, 'sofia.rossi'))).error).toBe('cant_kick_from_general');
    expect((await kick(engineering, 'U0NOBODY')).error).toBe('user_not_found');
  });
});

describe('conversations.join', () => {
  it('joins a public channel, and warns already_in_channel on a second join', async () => {
    const random = channelId(emu, 'random');
    const joined = await callApi<Channel>(emu, 'conversations.join', { channel: random }, t.bot);
    expect(joined).toMatchObject({ ok: true, channel: { id: random, is_member: true } });
    const again = await callApi(emu, 'conversations.join', { channel: random }, t.bot);
    expect(again).toMatchObject({ ok: true, warning: expect.stringContaining('already_in_channel') as unknown });
    expect(again.response_metadata?.warnings).toContain('already_in_channel');
  });

  it('method_not_supported_for_channel_type for private channels, is_archived, channel_not_found', async () => {
    const join = (channel: string) => callApi(emu, 'conversations.join', { channel }, t.bot);
    expect((await join(channelId(emu, 'leadership'))).error).toBe('method_not_supported_for_channel_type');
    expect((await join(channelId(emu, 'old-project'))).error).toBe('is_archived');
    expect((await join('C0NOPE')).error).toBe('channel_not_found');
  });

  it('bots need channels:join; user tokens channels:write', async () => {
    const narrow = installOnly(emu, { bot: ['channels:manage'], user: ['channels:read'] });
    const random = channelId(emu, 'random');
    expect(await callApi(emu, 'conversations.join', { channel: random }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:join',
    });
    expect(await callApi(emu, 'conversations.join', { channel: random }, narrow.user)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:write',
    });
  });
});

describe('conversations.leave', () => {
  it('leaves; leaving again reports not_in_channel', async () => {
    const support = channelId(emu, 'support');
    expect((await callApi(emu, 'conversations.leave', { channel: support }, t.bot)).ok).toBe(true);
    expect(members(support)?.has(t.botUserId)).toBe(false);
    expect(await callApi(emu, 'conversations.leave', { channel: support }, t.bot)).toMatchObject({
      ok: false,
      not_in_channel: true,
    });
  });

  it('cant_leave_general and last_member', async () => {
    expect((await callApi(emu, 'conversations.leave', { channel: channelId(emu, 'general') }, t.bot)).error).toBe(
      'cant_leave_general',
    );
    const secret = await callApi<Channel>(emu, 'conversations.create', { name: 'solo', is_private: 'true' }, t.bot);
    expect((await callApi(emu, 'conversations.leave', { channel: secret.channel.id }, t.bot)).error).toBe(
      'last_member',
    );
  });
});
