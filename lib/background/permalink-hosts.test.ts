// @vitest-environment node
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { linkFromBody, testProfile } from '../auth/testing/linked';
import { createServices } from './services';
import { sendShareNow } from '../outbox/send-share';

// The workspace's domain is what auth.test's url and every permalink are built from: a hostile one
// must not become an "Open in Slack" link in the popup or History.
const TEAM = 'T0ACME001';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

async function sendWithDomain(domain: string) {
  const workspace = emulator.state.workspaces.get(TEAM)!;
  workspace.domain = domain;
  const services = await createServices();
  const profile = await services.store.profiles.put(testProfile(emulator.url, DEMO_APP));
  const body = emulator.state.install({ teamId: TEAM, botScopes: ['chat:write', 'chat:write.public'], userScopes: [] });
  const account = await linkFromBody(services.store, profile, body, Date.now());
  const channel = workspace.conversations.find((c) => c.kind === 'public_channel' && !c.isArchived)!;
  const target = { key: `${account.id}:${channel.id}`, accountId: account.id, id: channel.id, label: channel.name };
  const [result] = await sendShareNow(services.outbox, { kind: 'page', title: 'T', url: 'https://example.com/' }, [
    target,
  ]);
  const history = await services.store.db.getAll('history');
  return { result: result!, history };
}

it('drops a permalink outside Slack from the send result and History', async () => {
  // https://evil.example/?.slack.com/… : the host is evil.example.
  const { result, history } = await sendWithDomain('evil.example/?');
  expect(result.state).toBe('sent');
  expect(result.permalink).toBeUndefined();
  expect(history.map((entry) => entry.permalink)).toEqual([undefined]);
});

it('keeps a permalink on the workspace host', async () => {
  const { result } = await sendWithDomain('acme');
  expect(result.permalink).toMatch(/^https:\/\/acme\.slack\.com\/archives\//);
});
