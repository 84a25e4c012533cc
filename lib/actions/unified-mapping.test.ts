// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { slackExample } from './testing/reference';
import type { SlackTeamLike, SlackUserLike, SlackUsergroupLike } from './unified-mapping';
import { isoFromUnix, toIamGroup, toIamOrganization, toIamUser } from './unified-mapping';

describe('Slack users → unified IAM users', () => {
  it("maps users.info's example (Egon Spengler, an admin)", () => {
    const { user } = slackExample('users.info') as { user: SlackUserLike };
    expect(toIamUser(user)).toEqual({
      id: 'W012A3CDE',
      remote_id: 'W012A3CDE',
      primary_email_address: 'spengler@ghostbusters.example.com',
      // The example profile has no first_name/last_name; nothing is guessed from real_name.
      first_name: null,
      last_name: null,
      name: 'Egon Spengler',
      username: 'spengler',
      is_bot_user: false,
      status: { value: 'enabled', source_value: 'active' },
      avatar: { contents: [{ url: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg' }] },
      roles: [{ id: 'admin', remote_id: 'admin', name: 'Admin', type: { value: 'admin', source_value: 'is_admin' } }],
      groups: [],
      multi_factor_enabled: [],
      created_at: null,
      updated_at: '2017-08-07T20:44:46.000Z',
    });
  });

  it("maps users.list's example, first and last names included", () => {
    const { members } = slackExample('users.list') as { members: SlackUserLike[] };
    const users = members.map(toIamUser);
    expect(users.map((user) => user.username)).toEqual(['spengler', 'glinda']);
    expect(users[1]).toMatchObject({
      remote_id: 'W07QCRPA4',
      first_name: 'Glinda',
      last_name: 'Southgood',
      name: 'Glinda Southgood',
      primary_email_address: 'glenda@south.oz.coven',
      avatar: { contents: [{ url: 'https://a.slack-edge.com...png' }] },
      updated_at: isoFromUnix(1480527098),
    });
  });

  it('maps deactivated, invited, guest, owner, bot and two-factor accounts', () => {
    const base: SlackUserLike = { id: 'U1', name: 'x' };
    expect(toIamUser({ ...base, deleted: true }).status).toEqual({ value: 'disabled', source_value: 'deleted' });
    expect(toIamUser({ ...base, is_invited_user: true }).status.value).toBe('pending');
    expect(toIamUser({ ...base, is_restricted: true }).roles.map((r) => r.type.value)).toEqual(['guest']);
    expect(
      toIamUser({ ...base, is_primary_owner: true, is_owner: true, is_admin: true }).roles.map((r) => r.id),
    ).toEqual(['primary_owner', 'owner', 'admin']);
    expect(toIamUser(base).roles).toEqual([
      { id: 'member', remote_id: 'member', name: 'Member', type: { value: 'basic', source_value: 'member' } },
    ]);
    expect(toIamUser({ ...base, is_bot: true }).is_bot_user).toBe(true);
    expect(toIamUser({ ...base, has_2fa: true }).multi_factor_enabled).toEqual([
      { value: 'unknown', source_value: true },
    ]);
    // Without users:read.email Slack leaves the email out; the model says null rather than "".
    expect(toIamUser({ ...base, profile: { email: '' } }).primary_email_address).toBeNull();
    expect(toIamUser(base).avatar).toBeNull();
  });
});

describe('Slack user groups → unified IAM groups', () => {
  it("maps usergroups.list's example", () => {
    const { usergroups } = slackExample('usergroups.list') as { usergroups: SlackUsergroupLike[] };
    const groups = usergroups.map((group) => toIamGroup(group));
    expect(groups.map((group) => group.name)).toEqual(['Team Admins', 'Team Owners', 'Marketing Team']);
    expect(groups[0]).toEqual({
      id: 'S0614TZR7',
      remote_id: 'S0614TZR7',
      name: 'Team Admins',
      description: 'A group of all Administrators on your team.',
      type: { value: 'group', source_value: 'usergroup' },
      roles: [],
      parent_id: null,
      remote_parent_id: null,
      created_at: '2015-11-04T00:47:39.000Z',
      updated_at: '2015-11-04T20:52:42.000Z',
    });
  });

  it('carries the members when Slack sent them, preferring an explicit list', () => {
    const group: SlackUsergroupLike = { id: 'S1', name: 'Ops', users: ['U1', 'U2'] };
    expect(toIamGroup(group).users).toEqual(['U1', 'U2']);
    expect(toIamGroup(group, ['U3']).users).toEqual(['U3']);
  });
});

describe('Slack workspaces → unified IAM organizations', () => {
  it("maps team.info's example", () => {
    const { team } = slackExample('team.info') as { team: SlackTeamLike };
    expect(toIamOrganization(team)).toEqual({
      id: 'T12345',
      remote_id: 'T12345',
      name: 'My Team',
      created_at: null,
      updated_at: null,
    });
  });
});
