// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_APP_RECORD, DEMO_WORKSPACES } from './demo';
import { EmulatorState } from './index';
import { seedWorkspace } from './seed';
import { DEFAULT_CONFIG } from './state';

describe('seedWorkspace', () => {
  it('builds 20 000 channels and 50 000 users well inside two seconds', () => {
    const started = performance.now();
    const ws = seedWorkspace({ teamId: 'T0HUGE001', name: 'Huge Inc', channels: 20_000, users: 50_000 }, [
      DEMO_APP_RECORD,
    ]);
    const elapsed = performance.now() - started;
    expect(ws.conversations).toHaveLength(20_000);
    expect(ws.users).toHaveLength(50_001);
    expect(new Set(ws.users.map((u) => u.name)).size).toBe(50_001);
    expect(new Set(ws.conversations.map((c) => c.name)).size).toBe(20_000);
    expect(new Set(ws.conversations.map((c) => c.id)).size).toBe(20_000);
    expect(elapsed).toBeLessThan(2000);
  });

  it('is deterministic and realistic', () => {
    const a = seedWorkspace({ teamId: 'T0SAME001', name: 'Same', channels: 50, users: 40 });
    const b = seedWorkspace({ teamId: 'T0SAME001', name: 'Same', channels: 50, users: 40 });
    expect(a.users.map((u) => [u.id, u.name, u.email])).toEqual(b.users.map((u) => [u.id, u.name, u.email]));
    expect(a.conversations.map((c) => [c.id, c.name, [...c.members]])).toEqual(
      b.conversations.map((c) => [c.id, c.name, [...c.members]]),
    );
    const user = a.users[1];
    expect(user?.realName).toMatch(/^[A-Z][a-z]+ [A-Z]/);
    expect(user?.email).toMatch(/@same\.example\.com$/);
    expect(user?.id).toMatch(/^U[0-9A-Z]{8,10}$/);
    expect(a.conversations[0]).toMatchObject({ name: 'general', isGeneral: true });
    const other = seedWorkspace({ teamId: 'T0OTHER01', name: 'Other', channels: 5, users: 5 });
    expect(other.users[0]?.id).not.toBe(a.users[0]?.id);
  });
});

describe('demo seed', () => {
  it('has Acme and Globex with the documented shapes', () => {
    const state = new EmulatorState('demo', DEFAULT_CONFIG);
    expect([...state.workspaces.keys()]).toEqual(['T0ACME001', 'T0GLOBEX1']);
    const acme = state.workspaces.get('T0ACME001');
    const byName = (name: string) => acme?.conversations.find((c) => c.name === name);
    expect(acme?.conversations.length).toBeGreaterThanOrEqual(12);
    expect(byName('general')?.isGeneral).toBe(true);
    expect(byName('leadership')?.kind).toBe('private_channel');
    expect(byName('old-project')?.isArchived).toBe(true);
    expect(acme?.users.filter((u) => u.deleted)).toHaveLength(1);
    const bot = acme?.users.find((u) => u.isBot);
    expect(bot).toMatchObject({ appId: 'A0COURIER1', botId: expect.stringMatching(/^B/) as unknown });
    expect(acme?.users.every((u) => u.isBot || (u.email && u.tz && u.realName && u.displayName))).toBe(true);
    expect(DEMO_WORKSPACES[1]?.name).toBe('Globex');
  });
});

describe('seeded content', () => {
  it('gives the demo workspaces history with threads, files, usergroups, a scheduled message and a Connect invite', () => {
    const state = new EmulatorState('demo', DEFAULT_CONFIG);
    for (const teamId of ['T0ACME001', 'T0GLOBEX1']) {
      const ws = state.workspaces.get(teamId);
      const general = ws?.conversations.find((c) => c.isGeneral)?.id;
      const history = state.listMessages({ team: teamId, channel: general, includeSeeded: true });
      expect(history.length, teamId).toBeGreaterThanOrEqual(8);
      expect(history.filter((m) => m.threadTs).length).toBeGreaterThanOrEqual(3);
      expect(history.filter((m) => m.subtype === 'file_share')).toHaveLength(2);
      expect(ws?.files.map((f) => f.name)).toEqual(['team-photo.png', 'q3-roadmap.pdf', 'standup-notes.txt']);
      expect(ws?.usergroups.map((g) => g.handle)).toEqual(['admins', 'owners', 'core-team', 'oncall', 'alumni']);
      expect(ws?.connectInvites).toHaveLength(1);
      const scheduledBy = state.scheduled.filter((s) => s.team === teamId).map((s) => ws?.usersById.get(s.user));
      expect(scheduledBy.map((u) => u?.isBot ?? null).sort()).toEqual([false, true]);
    }
    expect(state.workspaces.get('T0ACME001')?.plan).toBe('enterprise');
    expect(state.workspaces.get('T0GLOBEX1')?.plan).toBe('pro');
  });

  it('keeps seeded messages out of the posted-message list and the stats; content:false seeds none', () => {
    const state = new EmulatorState('demo', DEFAULT_CONFIG);
    expect(state.listMessages()).toEqual([]);
    expect(state.stats()).toMatchObject({ messagesStored: 0, scheduledPending: 4 });
    state.seed({ workspaces: [{ teamId: 'T0BARE001', name: 'Bare', users: 3, content: false }] });
    const bare = state.workspaces.get('T0BARE001');
    expect(state.listMessages({ includeSeeded: true })).toEqual([]);
    expect([bare?.files.length, bare?.usergroups.length, bare?.connectInvites.length, state.scheduled.length]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
