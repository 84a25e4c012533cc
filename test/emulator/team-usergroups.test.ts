// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, control, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Group {
  id: string;
  handle: string;
  is_usergroup: boolean;
  auto_type: string | null;
  date_delete: number;
  user_count: number;
  users?: string[];
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

async function groups(params: Record<string, string> = {}, token = t.bot): Promise<Group[]> {
  const body = await callApi<{ usergroups: Group[] }>(emu, 'usergroups.list', params, token);
  expect(body.ok, body.error).toBe(true);
  return body.usergroups;
}

describe('usergroups.list', () => {
  it('lists enabled groups with counts; include_users adds members, include_disabled the retired ones', async () => {
    const plain = await groups();
    expect(plain.map((g) => g.handle)).toEqual(['admins', 'owners', 'core-team', 'oncall']);
    expect(plain[0]).toMatchObject({ is_usergroup: true, auto_type: 'admin', user_count: 2, date_delete: 0 });
    expect(plain[0]?.id).toMatch(/^S/);
    expect(plain[0]).not.toHaveProperty('users');
    const withUsers = await groups({ include_users: 'true' });
    expect(withUsers[0]?.users).toEqual([userId(emu, 'maya.chen'), userId(emu, 'omar.haddad')]);
    const all = await groups({ include_disabled: 'true' });
    expect(all.find((g) => g.handle === 'alumni')?.date_delete).toBeGreaterThan(0);
  });

  it('needs usergroups:read; a free plan gets plan_upgrade_required', async () => {
    const narrow = installOnly(emu, { bot: ['users:read'] });
    expect(await callApi(emu, 'usergroups.list', {}, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'usergroups:read',
    });
    await control(emu, 'POST', '/seed', {
      workspaces: [{ teamId: 'T0FREE001', name: 'Free', plan: 'free', users: 3 }],
    });
    const free = install(emu, { team: 'T0FREE001' });
    expect((await callApi(emu, 'usergroups.list', {}, free.bot)).error).toBe('plan_upgrade_required');
  });
});

describe('usergroups.users.list', () => {
  it('lists the members of a group', async () => {
    const core = (await groups()).find((g) => g.handle === 'core-team');
    const body = await callApi<{ users: string[] }>(
      emu,
      'usergroups.users.list',
      { usergroup: core?.id ?? '' },
      t.user,
    );
    expect(body.users).toHaveLength(4);
    expect(body.users).toContain(userId(emu, 'maya.chen'));
  });

  it('no_such_subteam for unknown groups and for disabled ones unless include_disabled', async () => {
    expect((await callApi(emu, 'usergroups.users.list', { usergroup: 'S0NOPE' }, t.bot)).error).toBe('no_such_subteam');
    const alumni = (await groups({ include_disabled: 'true' })).find((g) => g.handle === 'alumni')?.id ?? '';
    expect((await callApi(emu, 'usergroups.users.list', { usergroup: alumni }, t.bot)).error).toBe('no_such_subteam');
    const body = await callApi(emu, 'usergroups.users.list', { usergroup: alumni, include_disabled: 'true' }, t.bot);
    expect(body).toMatchObject({ ok: true, users: [] });
  });
});

describe('team.info', () => {
  it('describes the workspace: domain, email domain, icon, no enterprise', async () => {
    const body = await callApi<{ team: Record<string, unknown> }>(emu, 'team.info', {}, t.bot);
    expect(body.team).toMatchObject({
      id: 'T0ACME001',
      name: 'Acme Corp',
      domain: 'acme',
      email_domain: 'acme.example.com',
      url: 'https://acme.slack.com/',
      icon: { image_68: expect.stringMatching(/^https:\/\//) as unknown, image_default: false },
    });
    expect(body.team).not.toHaveProperty('enterprise_id');
    expect((await callApi(emu, 'team.info', { domain: 'acme' }, t.user)).ok).toBe(true);
  });

  it('team_not_found for other teams, missing_scope without team:read', async () => {
    expect((await callApi(emu, 'team.info', { team: 'T0GLOBEX1' }, t.bot)).error).toBe('team_not_found');
    const narrow = installOnly(emu, { bot: ['users:read'] });
    expect(await callApi(emu, 'team.info', {}, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'team:read',
    });
  });
});

describe('auth.teams.list', () => {
  it('lists the workspace of a workspace install, icons on request; invalid_cursor for a forged one', async () => {
    const body = await callApi<{ teams: Record<string, unknown>[] }>(
      emu,
      'auth.teams.list',
      { include_icon: 'true' },
      t.bot,
    );
    expect(body.teams).toEqual([
      expect.objectContaining({ id: 'T0ACME001', name: 'Acme Corp', icon: expect.any(Object) as unknown }),
    ]);
    expect(body.response_metadata?.next_cursor).toBe('');
    const forged = Buffer.from('team:T0NOPE').toString('base64');
    expect((await callApi(emu, 'auth.teams.list', { cursor: forged }, t.bot)).error).toBe('invalid_cursor');
  });
});
