// @vitest-environment node
// People, unified IAM and Slack Connect actions against the emulator: success and Slack's failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import type { Harness, Install } from './testing/emulator-harness';
import { ALL_BOT_SCOPES, ALL_USER_SCOPES, WORKSPACE, startHarness } from './testing/emulator-harness';
import type { IamGroup, IamUser } from './unified-mapping';

const FREE = 'T0FREE';
let h: Harness;
let free: Install;
beforeAll(async () => {
  h = await startHarness([WORKSPACE, { ...WORKSPACE, teamId: FREE, name: 'Free Co', domain: 'free', plan: 'free' }]);
  free = h.install({ teamId: FREE });
});
afterAll(() => h.close());

const slackSays = (code: string) => explainSlackError(code);
const without = (scopes: string[], gone: string) => scopes.filter((scope) => scope !== gone);

describe('users', () => {
  it('looks people up by id and by email, with their profile', async () => {
    const ada = h.userId('ada');
    expect((await h.run('get_user', { user: ada })).result).toMatchObject({ user: { id: ada, name: 'ada' } });
    const byEmail = await h.run('get_user_by_email', { email: 'grace@actions.test' });
    expect(byEmail.result).toMatchObject({ user: { id: h.userId('grace') } });
    const profile = await h.run('get_user_profile', {});
    expect(profile).toMatchObject({ tokenKind: 'user', result: { profile: { real_name: 'Ada Lovelace' } } });
  });

  it("fails for people who don't exist", async () => {
    expect((await h.fail('get_user', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
    const email = await h.fail('get_user_by_email', { email: 'nobody@actions.test' });
    expect(email.message).toBe(slackSays('users_not_found'));
    expect((await h.fail('get_user_profile', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
    expect((await h.fail('get_user_presence', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
  });

  it("sets and reads the person's presence with the user token", async () => {
    const set = await h.run('set_user_presence', { presence: 'away' });
    expect(set.tokenKind).toBe('user');
    expect((await h.run('get_user_presence', {})).result).toMatchObject({ presence: 'away', manual_away: true });
    await h.run('set_user_presence', { presence: 'auto' });
    expect((await h.run('get_user_presence', {})).result).toMatchObject({ manual_away: false });
    const readOnly = h.install({ bot: [], user: without(ALL_USER_SCOPES, 'users:write') });
    const failure = await h.fail('set_user_presence', { presence: 'away' }, readOnly);
    expect(failure).toMatchObject({
      kind: 'missing_scope',
      message: expect.stringContaining('users:write') as unknown,
    });
  });

  it('lists everyone, every page or `limit`, and says which scope is missing', async () => {
    const all = (await h.run('list_users', {})).result as { members: { name: string }[] };
    expect(all.members.map((m) => m.name)).toEqual(expect.arrayContaining(['ada', 'grace', 'alan', 'gone']));
    expect(((await h.run('list_users', { limit: 2 })).result as { members: unknown[] }).members).toHaveLength(2);
    const noRead = h.install({ bot: ['chat:write'], user: [] });
    expect(await h.fail('list_users', {}, noRead)).toMatchObject({ kind: 'missing_scope' });
  });
});

describe('unified users', () => {
  it('maps a person and the whole workspace', async () => {
    const { result } = await h.run('get_unified_user', { user: h.userId('ada') });
    expect((result as { data: IamUser }).data).toMatchObject({
      remote_id: h.userId('ada'),
      username: 'ada',
      name: 'Ada Lovelace',
      first_name: 'Ada',
      primary_email_address: 'ada@actions.test',
      status: { value: 'enabled' },
    });
    const listed = (await h.run('list_unified_users', {})).result as { data: IamUser[] };
    expect(listed.data.find((u) => u.username === 'gone')?.status.value).toBe('disabled');
    expect(((await h.run('list_unified_users', { limit: 1 })).result as { data: unknown[] }).data).toHaveLength(1);
  });

  it('fails for unknown people and without users:read', async () => {
    expect((await h.fail('get_unified_user', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
    const noRead = h.install({ bot: without(ALL_BOT_SCOPES, 'users:read'), user: [] });
    expect(await h.fail('list_unified_users', {}, noRead)).toMatchObject({ kind: 'missing_scope' });
  });
});

describe('unified groups', () => {
  it('lists user groups and gets one with its members', async () => {
    const listed = (await h.run('list_unified_groups', {})).result as { data: IamGroup[] };
    expect(listed.data.length).toBeGreaterThan(0);
    const first = listed.data[0] as IamGroup;
    const got = (await h.run('get_unified_group', { usergroup: first.id })).result as { data: IamGroup };
    expect(got.data).toMatchObject({ id: first.id, name: first.name, type: { value: 'group' } });
    expect(Array.isArray(got.data.users)).toBe(true);
  });

  it('fails for an unknown group, and on a free plan', async () => {
    const unknown = await h.fail('get_unified_group', { usergroup: 'S0NOSUCH' });
    expect(unknown.message).toBe(slackSays('no_such_subteam'));
    expect((await h.fail('list_unified_groups', {}, free)).message).toBe(slackSays('plan_upgrade_required'));
  });
});

describe('unified organizations', () => {
  it('maps the workspace', async () => {
    const org = { id: h.emulator.state.workspaces.get(WORKSPACE.teamId)?.id, name: 'Actions Inc' };
    expect((await h.run('get_unified_organization', {})).result).toMatchObject({ data: org });
    expect((await h.run('list_unified_organizations', {})).result).toEqual({
      data: [{ ...org, remote_id: org.id, created_at: null, updated_at: null }],
    });
  });

  it('fails for another team, and without team:read', async () => {
    const other = await h.fail('get_unified_organization', { team: 'T0NOSUCH' });
    expect(other.message).toBe(slackSays('team_not_found'));
    const noTeam = h.install({ bot: without(ALL_BOT_SCOPES, 'team:read'), user: [] });
    expect(await h.fail('list_unified_organizations', {}, noTeam)).toMatchObject({ kind: 'missing_scope' });
  });
});

describe('Slack Connect', () => {
  it('invites a partner to a channel and lists the invitations', async () => {
    const invite = await h.run('invite_shared_conversation', {
      channel: h.channelId('random'),
      emails: ['partner@example.com'],
    });
    expect(invite).toMatchObject({ tokenKind: 'bot', result: { invite_id: expect.any(String) as unknown } });
    const listed = (await h.run('list_slack_connect_invites', {})).result as { invites: unknown[] };
    expect(listed.invites.length).toBeGreaterThan(0);
  });

  it('fails the way Slack does: the general channel, a free plan, not Enterprise', async () => {
    const general = await h.fail('invite_shared_conversation', {
      channel: h.channelId('general'),
      emails: ['partner@example.com'],
    });
    expect(general.message).toBe(slackSays('cannot_share_mandatory_channel'));
    expect((await h.fail('list_slack_connect_invites', {}, free)).message).toBe(slackSays('restricted_action'));
    const lookup = await h.fail('lookup_discoverable_contact', { email: 'partner@example.com' }, free);
    expect(lookup.message).toBe(slackSays('not_an_enterprise'));
  });

  it('looks up a contact on Enterprise, with a bot token only', async () => {
    const { result } = await h.run('lookup_discoverable_contact', { email: 'partner@example.com' });
    expect(result).toEqual({ is_discoverable: expect.any(Boolean) as unknown });
    const userOnly = h.install({ bot: [], user: ALL_USER_SCOPES });
    const noBot = await h.fail('lookup_discoverable_contact', { email: 'partner@example.com' }, userOnly);
    expect(noBot.message).toBe(
      'Lookup Discoverable Contact needs a bot token: reconnect this workspace with the conversations.connect:manage, team:read bot scopes.',
    );
  });
});
