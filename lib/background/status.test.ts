// @vitest-environment node
// The status handlers against the emulator: they run the catalog's actions (Set User Status, Pause
// and Resume Notifications, Set User Presence) in each workspace asked, and say per workspace how it went.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import { explainSlackError } from '../slack/explain';
import { statusHandlers } from './handlers/status';
import { createServices } from './services';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

const FULL = ['users.profile:read', 'users.profile:write', 'users:read', 'users:write', 'dnd:read', 'dnd:write'];

async function linked() {
  const services = await createServices();
  const profile = await services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const link = async (teamId: string, userScopes: string[]) =>
    linkFromBody(
      services.store,
      profile,
      emulator.state.install({ teamId, botScopes: ['chat:write', 'users:read'], userScopes }),
      Date.now(),
    );
  const acme = await link('T0ACME001', FULL);
  const globex = await link('T0GLOBEX1', ['users.profile:read', 'users:read']);
  const handlers = statusHandlers(() => Promise.resolve(services));
  const person = (teamId: string, userId?: string) =>
    emulator.state.workspaces.get(teamId)?.usersById.get(userId ?? '');
  return { services, acme, globex, handlers, person };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('status.set and status.list', () => {
  it('sets the status where the token may, and says why not where it lacks users.profile:write', async () => {
    const h = await linked();
    const expiration = inAnHour();
    const status = { emoji: ':calendar:', text: 'In a meeting', expiration };
    const results = await h.handlers['status.set']({
      accountIds: [h.acme.id, h.globex.id],
      status,
      away: true,
      pause: true,
    });
    expect(results[0]).toMatchObject({ accountId: h.acme.id, ok: true, view: { status, canSet: true } });
    expect(results[0]?.message).toBeUndefined();
    expect(results[1]).toMatchObject({
      accountId: h.globex.id,
      ok: false,
      missing: ['users.profile:write', 'users:write', 'dnd:write'],
    });
    expect(results[1]?.message).toMatch(/users\.profile:write/);
    const maya = h.person('T0ACME001', h.acme.authedUserId);
    expect(maya).toMatchObject({ status: { text: 'In a meeting', emoji: ':calendar:', expiration }, manualAway: true });
    expect((maya?.snoozeEnd ?? 0) - expiration).toBeLessThanOrEqual(60);
    expect(h.person('T0GLOBEX1', h.globex.authedUserId)?.status).toBeUndefined();

    const views = await h.handlers['status.list']({});
    expect(views).toEqual([
      expect.objectContaining({ accountId: h.acme.id, status, canSet: true, canAway: true, canPause: true }),
      expect.objectContaining({
        accountId: h.globex.id,
        status: { emoji: '', text: '', expiration: 0 },
        canSet: false,
      }),
    ]);
    expect(views[0]?.timeZone).toBeTruthy();
  });

  it('clears the status, brings presence back and resumes notifications', async () => {
    const h = await linked();
    const set = { accountIds: [h.acme.id], away: true, pause: true };
    await h.handlers['status.set']({
      ...set,
      status: { emoji: ':knife_fork_plate:', text: 'Lunch', expiration: inAnHour() },
    });
    const [cleared] = await h.handlers['status.set']({ ...set, status: { emoji: '', text: '', expiration: 0 } });
    expect(cleared).toMatchObject({ ok: true, view: { status: { emoji: '', text: '', expiration: 0 } } });
    const maya = h.person('T0ACME001', h.acme.authedUserId);
    expect(maya).toMatchObject({ manualAway: false });
    expect(maya?.snoozeEnd).toBeUndefined();
    // Clearing again: nothing paused is nothing to resume, and no failure.
    const [again] = await h.handlers['status.set']({ ...set, status: { emoji: '', text: '', expiration: 0 } });
    expect(again).toMatchObject({ ok: true });
    expect(again?.message).toBeUndefined();
  });

  it("gives Slack's sentence when Slack refuses", async () => {
    const h = await linked();
    const [result] = await h.handlers['status.set']({
      accountIds: [h.acme.id],
      status: { emoji: ':x:', text: 'y'.repeat(101), expiration: 0 },
      away: false,
      pause: false,
    });
    expect(result?.ok).toBe(false);
    expect(result?.message).toMatch(/100/);
    expect(explainSlackError('too_long')).toMatch(/100 characters/);
  });
});
