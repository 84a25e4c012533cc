// @vitest-environment node
// List Users walks a big workspace page by page through the real client and the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './testing/emulator-harness';
import { TEAM, startHarness } from './testing/emulator-harness';

const PEOPLE = 5_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness([{ teamId: TEAM, name: 'Big Co', users: PEOPLE, channels: 2, content: false }]);
});
afterAll(() => h.close());

const usersListCalls = () => h.emulator.state.stats().calls['users.list'] ?? 0;

describe('list_users on a workspace of 5 000 people', () => {
  it('returns everyone by default, 200 per page, each once', async () => {
    const everyone = h.emulator.state.workspaces.get(TEAM)?.users.length ?? 0;
    expect(everyone).toBeGreaterThanOrEqual(PEOPLE);
    const before = usersListCalls();
    const { result } = await h.run('list_users', {});
    const members = (result as { members: { id: string }[] }).members;
    expect(members).toHaveLength(everyone);
    expect(new Set(members.map((m) => m.id)).size).toBe(everyone);
    expect(usersListCalls() - before).toBe(Math.ceil(everyone / 200));
  });

  it('stops at `limit`, asking the last page only for what is missing', async () => {
    const before = usersListCalls();
    const { result } = await h.run('list_users', { limit: 1_234 });
    expect((result as { members: unknown[] }).members).toHaveLength(1_234);
    expect(usersListCalls() - before).toBe(7);
  });
});
