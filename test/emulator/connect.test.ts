// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, control, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Invite {
  direction: string;
  status: string;
  invite: { id: string; inviting_team: { id: string }; inviting_user: { id: string }; recipient_email?: string };
  channel: { id: string; name: string; is_private: boolean };
}

interface InviteList {
  invites: Invite[];
  response_metadata: { next_cursor: string };
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

function invite(params: Record<string, string>, token = t.bot) {
  return callApi<{ invite_id: string; is_legacy_shared_channel: boolean; url: string }>(
    emu,
    'conversations.inviteShared',
    { channel: channelId(emu, 'engineering'), ...params },
    token,
  );
}

describe('conversations.inviteShared', () => {
  it('invites an external email; the invite is listed on both sides when the recipient is emulated', async () => {
    const sent = await invite({ emails: 'nora.lind@globex.example.com' });
    expect(sent).toMatchObject({ ok: true, is_legacy_shared_channel: false });
    expect(sent.invite_id).toMatch(/^I/);
    const listed = await callApi<InviteList>(emu, 'conversations.listConnectInvites', {}, t.bot);
    expect(listed.invites[0]).toMatchObject({
      direction: 'outgoing',
      status: 'pending',
      invite: {
        id: sent.invite_id,
        recipient_email: 'nora.lind@globex.example.com',
        inviting_team: { id: 'T0ACME001' },
      },
      channel: { id: channelId(emu, 'engineering'), name: 'engineering', is_private: false },
    });
    const globex = install(emu, { team: 'T0GLOBEX1' });
    const incoming = await callApi<InviteList>(emu, 'conversations.listConnectInvites', {}, globex.bot);
    // Newest first, before Globex's own seeded outgoing invite.
    expect(incoming.invites.map((i) => [i.direction, i.invite.id])).toEqual([
      ['incoming', sent.invite_id],
      ['outgoing', expect.stringMatching(/^I/)],
    ]);
    const info = await callApi<{ channel: { is_pending_ext_shared: boolean } }>(
      emu,
      'conversations.info',
      { channel: channelId(emu, 'engineering') },
      t.bot,
    );
    expect(info.channel.is_pending_ext_shared).toBe(true);
  });

  it('recipients_not_specified, too_many_emails, invalid_email, cannot_share_mandatory_channel, not_in_channel', async () => {
    expect((await invite({})).error).toBe('recipients_not_specified');
    expect((await invite({ emails: 'a@x.example,b@x.example' })).error).toBe('too_many_emails');
    expect((await invite({ emails: 'not-an-email' })).error).toBe('invalid_email');
    expect((await invite({ channel: channelId(emu, 'general'), emails: 'a@x.example' })).error).toBe(
      'cannot_share_mandatory_channel',
    );
    expect((await invite({ channel: channelId(emu, 'random'), emails: 'a@x.example' })).error).toBe('not_in_channel');
    expect((await invite({ user_ids: userId(emu, 'omar.haddad') })).error).toBe('already_in_channel');
    expect((await invite({ user_ids: 'U0NOBODY' })).error).toBe('user_not_found');
  });

  it('is bot-only and needs conversations.connect:write', async () => {
    expect((await invite({ emails: 'a@x.example' }, t.user)).error).toBe('not_allowed_token_type');
    const narrow = installOnly(emu, { bot: ['channels:read'] });
    expect(await invite({ emails: 'a@x.example' }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'conversations.connect:write',
    });
  });
});

describe('conversations.listConnectInvites', () => {
  it('has the seeded pending invite and pages with cursor + count', async () => {
    const seeded = await callApi<InviteList>(emu, 'conversations.listConnectInvites', {}, t.bot);
    expect(seeded.invites).toHaveLength(1);
    expect(seeded.invites[0]).toMatchObject({ direction: 'outgoing', status: 'pending' });
    for (const email of ['a@one.example', 'b@two.example']) expect((await invite({ emails: email })).ok).toBe(true);
    const first = await callApi<InviteList>(emu, 'conversations.listConnectInvites', { count: '2' }, t.bot);
    expect(first.invites).toHaveLength(2);
    const rest = await callApi<InviteList>(
      emu,
      'conversations.listConnectInvites',
      { count: '2', cursor: first.response_metadata.next_cursor },
      t.bot,
    );
    expect(rest.invites).toHaveLength(1);
    expect(rest.response_metadata.next_cursor).toBe('');
    expect((await callApi(emu, 'conversations.listConnectInvites', { count: '0' }, t.bot)).error).toBe(
      'invalid_arguments',
    );
  });

  it('is bot-only, needs conversations.connect:manage, and is refused on free plans', async () => {
    expect((await callApi(emu, 'conversations.listConnectInvites', {}, t.user)).error).toBe('not_allowed_token_type');
    await control(emu, 'POST', '/seed', {
      workspaces: [{ teamId: 'T0FREE001', name: 'Free', plan: 'free', users: 3 }],
    });
    const free = install(emu, { team: 'T0FREE001' });
    expect((await callApi(emu, 'conversations.listConnectInvites', {}, free.bot)).error).toBe('restricted_action');
  });
});

describe('users.discoverableContacts.lookup', () => {
  it('says whether someone outside the workspace has the address', async () => {
    const lookup = (email: string) =>
      callApi<{ is_discoverable: boolean }>(emu, 'users.discoverableContacts.lookup', { email }, t.bot);
    expect(await lookup('nora.lind@globex.example.com')).toMatchObject({ ok: true, is_discoverable: true });
    expect(await lookup('nobody@nowhere.example')).toMatchObject({ ok: true, is_discoverable: false });
    expect((await lookup('maya.chen@acme.example.com')).is_discoverable).toBe(false);
  });

  it('not_an_enterprise on Globex (Pro), bot-only, and needs both scopes', async () => {
    const globex = install(emu, { team: 'T0GLOBEX1' });
    const params = { email: 'maya.chen@acme.example.com' };
    expect((await callApi(emu, 'users.discoverableContacts.lookup', params, globex.bot)).error).toBe(
      'not_an_enterprise',
    );
    expect((await callApi(emu, 'users.discoverableContacts.lookup', params, t.user)).error).toBe(
      'not_allowed_token_type',
    );
    const narrow = installOnly(emu, { bot: ['team:read'] });
    expect(await callApi(emu, 'users.discoverableContacts.lookup', params, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'conversations.connect:manage',
    });
  });
});
