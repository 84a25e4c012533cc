// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { permalinkFor } from './permalink';
import { createTransport } from './transport';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

it('builds the link chat.getPermalink answers, for a message and for a thread reply', async () => {
  const { access_token: token } = emulator.state.install({
    teamId: 'T0ACME001',
    botScopes: ['chat:write'],
    userScopes: [],
  });
  const slack = createTransport(emulator.url);
  const call = (method: string, params: Record<string, unknown>) => slack.call(method, params, { token: token! });
  const { url } = await call('auth.test', {});
  const channel = emulator.state.workspaces.get('T0ACME001')!.conversations.find((c) => c.name === 'general')!.id;
  const parent = String((await call('chat.postMessage', { channel, text: 'parent' })).ts);
  const reply = String((await call('chat.postMessage', { channel, text: 'reply', thread_ts: parent })).ts);

  for (const [ts, threadTs] of [
    [parent, undefined],
    [reply, parent],
  ] as const) {
    const { permalink } = await call('chat.getPermalink', { channel, message_ts: ts });
    expect(permalinkFor(String(url), channel, ts, threadTs)).toBe(permalink);
  }
  expect(permalinkFor('https://acme.slack.com', 'C1', '1.000200')).toBe('https://acme.slack.com/archives/C1/p1000200');
});
