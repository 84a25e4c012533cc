// @vitest-environment node
// Removing a profile ends its workspaces' sign-ins at Slack, as Disconnect does, and the removal
// happens whatever Slack answers: what could not be revoked is said, never lost.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import { createTransport } from '../slack/transport';
import { profileHandlers } from './handlers/profiles';
import { createServices } from './services';
import { workspaceHandlers } from './handlers/workspaces';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

async function linkedAcme() {
  const services = await createServices();
  const profile = await services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const body = emulator.state.install({ teamId: 'T0ACME001', botScopes: ['chat:write'], userScopes: ['users:write'] });
  const account = await linkFromBody(services.store, profile, body, Date.now());
  const chains = await services.store.chains.listByAccount(account.id);
  const tokens = chains.flatMap((chain) => [chain.accessToken, chain.refreshToken ?? '']);
  /** What Slack now answers each of the linked tokens (auth.revoke with test=true changes nothing). */
  const answers = () =>
    Promise.all(
      tokens.map((token) =>
        createTransport(emulator.url)
          .call('auth.revoke', { test: true }, { token })
          .then(
            () => 'live',
            (error: { code?: string }) => error.code ?? 'failed',
          ),
      ),
    );
  return {
    services,
    profile,
    account,
    answers,
    remove: profileHandlers(() => Promise.resolve(services))['profiles.remove'],
  };
}

it('revokes every token of its workspaces at Slack, then deletes them here', async () => {
  const h = await linkedAcme();
  expect(await h.answers()).toEqual(['live', 'live', 'live', 'live']);

  expect(await h.remove({ id: h.profile.id })).toEqual({});

  expect(await h.answers()).toEqual(['token_revoked', 'token_revoked', 'token_revoked', 'token_revoked']);
  expect(await h.services.store.profiles.list()).toEqual([]);
  expect(await h.services.store.accounts.list()).toEqual([]);
});

it('removes the profile when Slack cannot be reached, and says whose sign-in is left', async () => {
  const h = await linkedAcme();
  emulator.state.faults.add({ method: 'auth.revoke', kind: 'drop', count: -1 });

  expect(await h.remove({ id: h.profile.id })).toEqual({
    unrevoked:
      "Removed. Courier could not revoke Acme Corp's sign-in at Slack (offline): remove the app from the workspace to end it.",
  });
  expect(await h.services.store.profiles.list()).toEqual([]);
  expect(await h.services.store.accounts.list()).toEqual([]);
  expect(await h.services.store.chains.listMeta()).toEqual([]);
});

it('Disconnect says the same when Slack cannot be reached', async () => {
  const h = await linkedAcme();
  emulator.state.faults.add({ method: 'auth.revoke', kind: 'drop', count: -1 });

  const result = await workspaceHandlers(() => Promise.resolve(h.services))['workspaces.disconnect']({
    accountId: h.account.id,
  });
  expect(result.unrevoked).toBe(
    "Courier could not revoke Acme Corp's sign-in at Slack (offline): remove the app from the workspace to end it.",
  );
  expect(await h.services.store.accounts.list()).toEqual([]);
});
