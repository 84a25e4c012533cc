// @vitest-environment node
// A list action answers one page as Slack does; the next page starts at its next_cursor. On a big
// workspace this walks List Users through the real client and the emulator.
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
type Page = { members: { id: string }[]; response_metadata?: { next_cursor?: string } };

describe('list_users on a workspace of 5 000 people', () => {
  it('answers one page of `limit` people and the cursor of the next; the cursors reach everyone once', async () => {
    const everyone = h.emulator.state.workspaces.get(TEAM)?.users.length ?? 0;
    expect(everyone).toBeGreaterThanOrEqual(PEOPLE);
    const before = usersListCalls();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { result } = await h.run('list_users', { limit: 1_000, ...(cursor ? { cursor } : {}) });
      const page = result as Page;
      expect(page.members.length).toBeLessThanOrEqual(1_000);
      seen.push(...page.members.map((m) => m.id));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(seen).toHaveLength(everyone);
    expect(new Set(seen).size).toBe(everyone);
    expect(usersListCalls() - before).toBe(Math.ceil(everyone / 1_000));
  });

  it('asks Slack once per run: a page of 7 gives 7 people and a cursor, not the whole workspace', async () => {
    const before = usersListCalls();
    const page = (await h.run('list_users', { limit: 7 })).result as Page;
    expect(page.members).toHaveLength(7);
    expect(page.response_metadata?.next_cursor).toBeTruthy();
    expect(usersListCalls() - before).toBe(1);
  });

  it("passes Slack's own answer on when no limit is given on a big workspace (limit_required)", async () => {
    const failure = await h.fail('list_users', {});
    expect(failure.message).toMatch(/too large to list/);
  });
});
