// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed } from './helpers';
import { callApi, control, installDemo } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Listing {
  channels?: { id: string; is_member?: boolean; num_members?: number }[];
  members?: { id: string }[];
  response_metadata: { next_cursor: string };
}

let emu: Emulator;
let tokens: Installed;
const TEAM = 'T0BIG0001';

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  await control(emu, 'POST', '/seed', { workspaces: [{ teamId: TEAM, name: 'Big Co', channels: 2500, users: 1200 }] });
  tokens = await installDemo(emu, {
    team: TEAM,
    scope: 'channels:read,groups:read,users:read',
    userScope: 'channels:read,groups:read,users:read',
  });
});

async function walk(method: string, params: Record<string, string>, token: string) {
  const ids: string[] = [];
  let cursor = '';
  let pages = 0;
  do {
    const page = await callApi<Listing>(emu, method, { ...params, ...(cursor ? { cursor } : {}) }, token);
    expect(page.ok, page.error).toBe(true);
    ids.push(...(page.channels ?? page.members ?? []).map((item) => item.id));
    cursor = page.response_metadata.next_cursor;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

describe('conversations.list', () => {
  it('walks every visible channel once with cursors', async () => {
    const ws = emu.state.workspaces.get(TEAM);
    const botId = tokens.bot_user_id;
    const expected = ws?.conversations.filter((c) => c.kind === 'public_channel' || c.members.has(botId)) ?? [];
    const { ids, pages } = await walk(
      'conversations.list',
      { types: 'public_channel,private_channel', limit: '300' },
      tokens.access_token,
    );
    expect(ids.length).toBe(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(expected.length / 300));
  });

  it('defaults to 100 public channels a page with an opaque base64 cursor', async () => {
    const page = await callApi<Listing>(emu, 'conversations.list', {}, tokens.access_token);
    expect(page.channels).toHaveLength(100);
    const cursor = page.response_metadata.next_cursor;
    expect(cursor).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(cursor, 'base64').toString()).toMatch(/^team:C/);
    expect(page.channels?.[0]).toMatchObject({
      is_member: expect.any(Boolean) as unknown,
      num_members: expect.any(Number) as unknown,
    });
  });

  it('ends with an empty next_cursor and clamps large limits', async () => {
    const page = await callApi<Listing>(emu, 'conversations.list', { limit: '5000' }, tokens.access_token);
    expect(page.channels).toHaveLength(1000);
    const { ids } = await walk('conversations.list', { exclude_archived: 'true', limit: '1000' }, tokens.access_token);
    const ws = emu.state.workspaces.get(TEAM);
    const active = ws?.conversations.filter((c) => c.kind === 'public_channel' && !c.isArchived) ?? [];
    expect(ids.length).toBe(active.length);
  });

  it('rejects a forged cursor and unknown types', async () => {
    const forged = Buffer.from('team:C0NOPE').toString('base64');
    expect((await callApi(emu, 'conversations.list', { cursor: forged }, tokens.access_token)).error).toBe(
      'invalid_cursor',
    );
    expect((await callApi(emu, 'conversations.list', { types: 'public,chats' }, tokens.access_token)).error).toBe(
      'invalid_types',
    );
  });
});

describe('users.conversations', () => {
  it("lists the token's own memberships: the bot's for a bot token, the person's for a user token", async () => {
    const ws = emu.state.workspaces.get(TEAM);
    const types = { types: 'public_channel,private_channel', limit: '200' };
    const bot = await walk('users.conversations', types, tokens.access_token);
    expect(bot.ids.length).toBe(ws?.conversations.filter((c) => c.members.has(tokens.bot_user_id)).length);
    const person = await walk('users.conversations', types, tokens.authed_user.access_token);
    expect(person.ids.length).toBe(ws?.conversations.filter((c) => c.members.has(tokens.authed_user.id)).length);
    expect(person.ids).not.toEqual(bot.ids);
    const page = await callApi<Listing>(emu, 'users.conversations', { limit: '1' }, tokens.access_token);
    expect(page.channels?.[0]).not.toHaveProperty('is_member');
  });
});

describe('users.list', () => {
  it('walks every member once with limit 200', async () => {
    const { ids, pages } = await walk('users.list', { limit: '200' }, tokens.access_token);
    const total = emu.state.workspaces.get(TEAM)?.users.length ?? 0;
    expect(total).toBe(1201); // 1200 people and the Courier bot user
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect(pages).toBe(7);
  });

  it('asks for a limit on large teams and returns everyone on small ones', async () => {
    expect((await callApi(emu, 'users.list', {}, tokens.access_token)).error).toBe('limit_required');
    emu.state.reset();
    const demo = await installDemo(emu);
    const all = await callApi<Listing>(emu, 'users.list', {}, demo.access_token);
    expect(all.members).toHaveLength(11);
    expect(all.response_metadata.next_cursor).toBe('');
  });
});
