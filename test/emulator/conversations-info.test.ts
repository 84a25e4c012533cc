// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, control, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Info {
  channel: Record<string, unknown> & { id: string };
}

interface Members {
  members: string[];
  response_metadata: { next_cursor: string };
}

interface Opened {
  channel: Record<string, unknown> & { id: string };
  no_op?: boolean;
  already_open?: boolean;
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

describe('conversations.info', () => {
  it('describes a channel; num_members and locale only when asked', async () => {
    const general = channelId(emu, 'general');
    const plain = await callApi<Info>(emu, 'conversations.info', { channel: general }, t.bot);
    expect(plain.channel).toMatchObject({ id: general, name: 'general', is_general: true, is_member: true });
    expect(plain.channel).not.toHaveProperty('num_members');
    const rich = await callApi<Info>(
      emu,
      'conversations.info',
      { channel: general, include_num_members: 'true', include_locale: 'true' },
      t.bot,
    );
    expect(rich.channel).toMatchObject({ num_members: 10, locale: 'en-US' });
  });

  it('channel_not_found for unknown and private conversations the caller is not in; scope by kind', async () => {
    expect((await callApi(emu, 'conversations.info', { channel: 'C0NOPE' }, t.bot)).error).toBe('channel_not_found');
    const leadership = channelId(emu, 'leadership');
    expect((await callApi(emu, 'conversations.info', { channel: leadership }, t.bot)).error).toBe('channel_not_found');
    expect((await callApi(emu, 'conversations.info', { channel: leadership }, t.user)).ok).toBe(true);
    const narrow = installOnly(emu, { user: ['channels:read'] });
    expect(await callApi(emu, 'conversations.info', { channel: leadership }, narrow.user)).toMatchObject({
      error: 'missing_scope',
      needed: 'groups:read',
    });
  });
});

describe('conversations.members', () => {
  it('pages member ids with a cursor', async () => {
    const general = channelId(emu, 'general');
    const first = await callApi<Members>(emu, 'conversations.members', { channel: general, limit: '4' }, t.bot);
    expect(first.members).toHaveLength(4);
    expect(first.members.every((id) => /^U/.test(id))).toBe(true);
    const rest = await callApi<Members>(
      emu,
      'conversations.members',
      { channel: general, limit: '100', cursor: first.response_metadata.next_cursor },
      t.bot,
    );
    expect([...first.members, ...rest.members]).toHaveLength(10);
    expect(rest.response_metadata.next_cursor).toBe('');
  });

  it('defaults to 100 and clamps limit to 1000', async () => {
    await control(emu, 'POST', '/seed', {
      workspaces: [
        {
          teamId: 'T0WIDE001',
          name: 'Wide',
          users: 1500,
          channels: [{ name: 'general', general: true, members: 'all' }],
        },
      ],
    });
    const wide = install(emu, { team: 'T0WIDE001' });
    const general = channelId(emu, 'general', 'T0WIDE001');
    expect((await callApi<Members>(emu, 'conversations.members', { channel: general }, wide.bot)).members).toHaveLength(
      100,
    );
    const clamped = await callApi<Members>(emu, 'conversations.members', { channel: general, limit: '5000' }, wide.bot);
    expect(clamped.members).toHaveLength(1000);
    expect(clamped.response_metadata.next_cursor).not.toBe('');
    expect((await callApi(emu, 'conversations.members', { channel: general, limit: '-1' }, wide.bot)).error).toBe(
      'invalid_limit',
    );
  });

  it('channel_not_found for a private channel the caller is not in, invalid_cursor for a forged one', async () => {
    const leadership = channelId(emu, 'leadership');
    expect((await callApi(emu, 'conversations.members', { channel: leadership }, t.bot)).error).toBe(
      'channel_not_found',
    );
    const forged = Buffer.from('user_id:U0NOPE').toString('base64');
    const general = channelId(emu, 'general');
    expect((await callApi(emu, 'conversations.members', { channel: general, cursor: forged }, t.bot)).error).toBe(
      'invalid_cursor',
    );
  });
});

describe('conversations.open', () => {
  it('opens a DM once (then no_op / already_open), with the full IM on return_im', async () => {
    const sofia = userId(emu, 'sofia.rossi');
    const first = await callApi<Opened>(emu, 'conversations.open', { users: sofia }, t.bot);
    expect(first.channel.id).toMatch(/^D/);
    expect(first).not.toHaveProperty('no_op');
    expect(Object.keys(first.channel)).toEqual(['id']);
    const again = await callApi<Opened>(emu, 'conversations.open', { users: sofia, return_im: 'true' }, t.bot);
    expect(again).toMatchObject({
      no_op: true,
      already_open: true,
      channel: { id: first.channel.id, is_im: true, user: sofia, is_open: true },
    });
  });

  it('opens a group DM (mpim) for several people, once', async () => {
    const ids = [userId(emu, 'sofia.rossi'), userId(emu, 'omar.haddad')];
    const first = await callApi<Opened>(emu, 'conversations.open', { users: ids.join(',') }, t.user);
    const again = await callApi<Opened>(emu, 'conversations.open', { users: [...ids].reverse().join(',') }, t.user);
    expect(again.channel.id).toBe(first.channel.id);
    const conv = emu.state.workspaces.get('T0ACME001')?.conversationsById.get(first.channel.id);
    expect(conv).toMatchObject({ kind: 'mpim' });
    expect(conv?.members.size).toBe(3);
  });

  it('users_list_not_supplied, user_not_found, user_disabled, too_many_users, channel by id', async () => {
    const open = (params: Record<string, string>) => callApi(emu, 'conversations.open', params, t.user);
    expect((await open({})).error).toBe('users_list_not_supplied');
    expect((await open({ users: 'U0NOBODY' })).error).toBe('user_not_found');
    expect((await open({ users: userId(emu, 'tom.becker') })).error).toBe('user_disabled');
    await control(emu, 'POST', '/seed', { workspaces: [{ teamId: 'T0MANY001', name: 'Many', users: 12 }] });
    const many = install(emu, { team: 'T0MANY001' });
    const ws = emu.state.workspaces.get('T0MANY001');
    const others = ws?.users.filter((u) => !u.isBot && !u.deleted && u.id !== many.userId).slice(0, 9) ?? [];
    const tooMany = await callApi(emu, 'conversations.open', { users: others.map((u) => u.id).join(',') }, many.user);
    expect(tooMany.error).toBe('too_many_users');
    const publicChannel = ws?.conversations.find((c) => c.kind === 'public_channel')?.id ?? '';
    expect((await callApi(emu, 'conversations.open', { channel: publicChannel }, many.user)).error).toBe(
      'method_not_supported_for_channel_type',
    );
  });

  it('needs im:write for a DM and mpim:write for a group DM', async () => {
    const narrow = installOnly(emu, { bot: ['im:write'] });
    const ids = [userId(emu, 'sofia.rossi'), userId(emu, 'omar.haddad')];
    expect((await callApi(emu, 'conversations.open', { users: ids[0] ?? '' }, narrow.bot)).ok).toBe(true);
    expect(await callApi(emu, 'conversations.open', { users: ids.join(',') }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'mpim:write',
    });
  });
});
