// @vitest-environment node
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import type { ProfileInput } from '../protocol';
import { profileHandlers } from './handlers/profiles';
import { createServices } from './services';
import { workspaceHandlers } from './handlers/workspaces';

// Tokens belong to the Slack that issued them: a changed base URL must never carry them elsewhere.
const TEAM = 'T0ACME001';
let first: Emulator;
let second: Emulator;

beforeAll(async () => {
  [first, second] = await Promise.all([startEmulator(), startEmulator()]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});
beforeEach(() => {
  // The e2e build accepts the emulator's loopback base URL; so does this test.
  vi.stubEnv('MODE', 'e2e');
  first.state.reset();
  second.state.reset();
});

it('refuses a new base URL while workspaces are linked, and the other host receives nothing', async () => {
  const seen: string[] = [];
  const services = await createServices({
    fetch: (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    },
  });
  const profile = await services.store.profiles.put(testProfile(first.url, DEMO_APP));
  const body = first.state.install({ teamId: TEAM, botScopes: ['chat:write'], userScopes: [] });
  const account = await linkFromBody(services.store, profile, body, Date.now());
  const handlers = profileHandlers(() => Promise.resolve(services));
  const input: ProfileInput = {
    id: profile.id,
    name: profile.name,
    baseUrl: second.url,
    clientType: 'confidential',
    clientId: profile.clientId,
    // Left empty: "keep the stored secret", which must not then go to the new host.
    clientSecret: '',
    botScopes: 'chat:write',
    userScopes: '',
    actions: [],
  };

  const result = await handlers['profiles.save'](input);
  expect('errors' in result && result.errors.baseUrl).toMatch(/^Disconnect the workspace linked/);
  expect((await services.store.profiles.get(profile.id))?.baseUrl).toBe(first.url);

  // Using the extension afterwards still talks to the Slack that linked the workspace.
  await workspaceHandlers(() => Promise.resolve(services))['workspaces.check']({ accountId: account.id });
  expect(seen.some((url) => url.startsWith(second.url))).toBe(false);
  expect(second.state.stats().calls).toEqual({});
});

it('lets the base URL change when nothing is linked', async () => {
  const services = await createServices();
  const profile = await services.store.profiles.put(testProfile(first.url, DEMO_APP));
  const result = await profileHandlers(() => Promise.resolve(services))['profiles.save']({
    id: profile.id,
    name: profile.name,
    baseUrl: second.url,
    clientType: 'confidential',
    clientId: profile.clientId,
    botScopes: 'chat:write',
    userScopes: '',
    actions: [],
  });
  expect(result).toMatchObject({ saved: { baseUrl: second.url } });
});
