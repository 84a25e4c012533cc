// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed } from './helpers';
import { callApi, control, installDemo } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Posted {
  channel: string;
  ts: string;
  message: { text: string; user: string; bot_id?: string; ts: string; metadata?: unknown; blocks?: unknown };
}

interface StoredMessage {
  team: string;
  channel: string;
  ts: string;
  text: string;
  user: string;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  blocks: unknown[] | null;
}

let emu: Emulator;
let tokens: Installed;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  tokens = await installDemo(emu);
});

function channelId(name: string): string {
  const found = emu.state.workspaces.get('T0ACME001')?.conversations.find((c) => c.name === name);
  if (!found) throw new Error(`no channel ${name}`);
  return found.id;
}

describe('chat.postMessage', () => {
  it('stores the message with its metadata and blocks, visible through /_control/messages', async () => {
    const metadata = { event_type: 'courier_outbox', event_payload: { outbox_id: 'ob-1' } };
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }];
    const posted = await callApi<Posted>(
      emu,
      'chat.postMessage',
      { channel: 'engineering', text: 'hello', metadata: JSON.stringify(metadata), blocks: JSON.stringify(blocks) },
      tokens.access_token,
    );
    expect(posted).toMatchObject({
      ok: true,
      channel: channelId('engineering'),
      message: { text: 'hello', user: tokens.bot_user_id, type: 'message', metadata, blocks },
    });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(posted.message.ts).toBe(posted.ts);
    expect(posted.message.bot_id).toMatch(/^B/);

    const listed = await control<{ messages: StoredMessage[] }>(
      emu,
      'GET',
      `/messages?team=T0ACME001&channel=${channelId('engineering')}`,
    );
    expect(listed.messages).toEqual([
      expect.objectContaining({
        team: 'T0ACME001',
        channel: channelId('engineering'),
        ts: posted.ts,
        text: 'hello',
        user: tokens.bot_user_id,
        metadata,
        blocks,
      }),
    ]);
    expect(emu.state.stats().messagesStored).toBe(1);
  });

  it('accepts a JSON body with blocks only, and gives unique increasing timestamps', async () => {
    const stamps: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${emu.url}/api/chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ channel: channelId('general'), blocks: [{ type: 'divider' }] }),
      });
      const posted = (await res.json()) as Posted & { ok: boolean };
      expect(posted.ok).toBe(true);
      stamps.push(posted.ts);
    }
    expect(new Set(stamps).size).toBe(5);
    expect([...stamps].sort((a, b) => Number(a) - Number(b))).toEqual(stamps);
  });

  it('opens a DM when the channel is a user id', async () => {
    const sofia = emu.state.workspaces.get('T0ACME001')?.users.find((u) => u.name === 'sofia.rossi');
    const posted = await callApi<Posted>(
      emu,
      'chat.postMessage',
      { channel: sofia?.id ?? '', text: 'psst' },
      tokens.access_token,
    );
    expect(posted.ok).toBe(true);
    expect(posted.channel).toMatch(/^D/);
    const again = await callApi<Posted>(
      emu,
      'chat.postMessage',
      { channel: sofia?.id ?? '', text: 'again' },
      tokens.access_token,
    );
    expect(again.channel).toBe(posted.channel);
  });

  it('lets a bot with chat:write.public post to a public channel it has not joined', async () => {
    const installed = await installDemo(emu, { scope: 'chat:write,chat:write.public' });
    const posted = await callApi(emu, 'chat.postMessage', { channel: '#random', text: 'hi' }, installed.access_token);
    expect(posted.ok).toBe(true);
  });

  it('rejects metadata that is not valid JSON', async () => {
    const posted = await callApi(
      emu,
      'chat.postMessage',
      { channel: 'general', text: 'x', metadata: '{' },
      tokens.access_token,
    );
    expect(posted.error).toBe('invalid_metadata_format');
  });
});
