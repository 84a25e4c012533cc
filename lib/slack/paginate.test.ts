// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { createBudget } from './budget';
import { createSlackClient } from './client';
import { clockedClient } from './testing/emulator-clock';
import type { FakeSlack } from './testing/fake-slack';
import { json, startFakeSlack } from './testing/fake-slack';

const BIG = 'T0BIGCO01';

let emulator: Emulator;
let token: string;
let people: number;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'none' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2025, 0, 1) });
  emulator.state.reset();
  emulator.state.seed({
    apps: [{ clientId: '1.2', clientSecret: 'secret' }],
    workspaces: [{ teamId: BIG, name: 'Big Co', users: 5_000, channels: 30 }],
  });
  token = emulator.state.install({ teamId: BIG, botScopes: ['users:read', 'channels:read'] }).access_token ?? '';
  people = emulator.state.workspaces.get(BIG)?.users.length ?? 0;
});
afterEach(() => {
  vi.useRealTimers();
});

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const ids = (items: unknown[]) => items.map((item) => (item as { id: string }).id);
const usersListCalls = () => emulator.state.stats().calls['users.list'] ?? 0;

describe('paginate: cursor', () => {
  it('walks 5 000 users 200 at a time, each once, waiting for the Tier 2 budget instead of a 429', async () => {
    emulator.state.configure({ rateLimits: true });
    const { client, requests, statuses } = clockedClient(emulator, BIG);
    const users = await collect(client.paginate('users.list', {}, { token, itemsKey: 'members', pageSize: 200 }));
    expect(people).toBeGreaterThanOrEqual(5_000);
    expect(users).toHaveLength(people);
    expect(new Set(ids(users)).size).toBe(people);
    expect(ids(users)).toEqual(emulator.state.workspaces.get(BIG)?.users.map((u) => u.id));
    const pages = Math.ceil(people / 200);
    expect(usersListCalls()).toBe(pages);
    expect(requests.every((r) => r.params.get('limit') === '200')).toBe(true);
    // The first page carries no cursor; each later one carries the cursor it was given.
    expect(requests[0]?.params.has('cursor')).toBe(false);
    expect(requests.slice(1).every((r) => r.params.get('cursor'))).toBe(true);
    // 26 pages are more than Tier 2's 20 a minute: the budget waited, Slack never said 429.
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('stops at max without fetching another page, asking only for what is missing', async () => {
    const { client, requests } = clockedClient(emulator, BIG);
    const users = await collect(client.paginate('users.list', {}, { token, itemsKey: 'members', max: 450 }));
    expect(users).toHaveLength(450);
    expect(usersListCalls()).toBe(3);
    expect(requests.map((r) => r.params.get('limit'))).toEqual(['200', '200', '50']);
  });

  it('stops when the consumer stops', async () => {
    const { client } = clockedClient(emulator, BIG);
    let seen = 0;
    for await (const _ of client.paginate('users.list', {}, { token, itemsKey: 'members' })) {
      if (++seen === 250) break;
    }
    expect(usersListCalls()).toBe(2);
  });

  it('passes the method parameters on every page', async () => {
    const { client, requests } = clockedClient(emulator, BIG);
    const channels = await collect(
      client.paginate('conversations.list', { exclude_archived: true }, { token, itemsKey: 'channels', pageSize: 4 }),
    );
    expect(channels.length).toBeGreaterThan(4);
    expect(channels.every((c) => !(c as { is_archived: boolean }).is_archived)).toBe(true);
    expect(requests.every((r) => r.params.get('exclude_archived') === 'true')).toBe(true);
  });
});

describe('paginate: page/count and malformed pages', () => {
  const FILES = Array.from({ length: 23 }, (_, i) => ({ id: `F${String(i).padStart(4, '0')}` }));
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack({
      '/api/files.list': (req, res) => {
        const count = Number(req.params.get('count') ?? 100);
        const page = Number(req.params.get('page') ?? 1);
        const pages = Math.max(1, Math.ceil(FILES.length / count));
        const files = FILES.slice((page - 1) * count, page * count);
        json(res, { ok: true, files, paging: { count, total: FILES.length, page, pages } });
      },
      '/api/users.list': (req, res) => json(res, { ok: true, response_metadata: { next_cursor: 'abc=' } }),
      '/api/conversations.list': (_req, res) =>
        json(res, { ok: true, channels: [{ id: 'C1' }], response_metadata: { next_cursor: 'same=' } }),
      // An empty page that still carries a cursor, between two pages of members.
      '/api/conversations.members': (req, res) => {
        const pages: Record<string, [string[], string]> = { '': [['U1'], 'b='], 'b=': [[], 'c='], 'c=': [['U2'], ''] };
        const [members, next_cursor] = pages[req.params.get('cursor') ?? ''] ?? [[], ''];
        json(res, { ok: true, members, response_metadata: { next_cursor } });
      },
      '/api/conversations.listConnectInvites': (req, res) =>
        json(res, { ok: true, invites: [{ count: req.params.get('count') }], response_metadata: { next_cursor: '' } }),
    });
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.requests.length = 0;
  });

  const client = () =>
    createSlackClient({
      baseUrl: slack.url,
      team: 'T1',
      budget: createBudget({ now: Date.now, sleep: () => Promise.resolve() }),
    });

  it('walks files.list page by page until paging.pages', async () => {
    const files = await collect(
      client().paginate(
        'files.list',
        { types: 'images' },
        { token: 't', itemsKey: 'files', style: 'page', pageSize: 10 },
      ),
    );
    expect(ids(files)).toEqual(ids(FILES));
    expect(slack.requests.map((r) => [r.params.get('page'), r.params.get('count'), r.params.get('types')])).toEqual([
      ['1', '10', 'images'],
      ['2', '10', 'images'],
      ['3', '10', 'images'],
    ]);
  });

  it('stops at max with the page size unchanged, so page numbers stay aligned', async () => {
    const files = await collect(
      client().paginate('files.list', {}, { token: 't', itemsKey: 'files', style: 'page', pageSize: 10, max: 15 }),
    );
    expect(ids(files)).toEqual(ids(FILES.slice(0, 15)));
    expect(slack.requests.map((r) => [r.params.get('page'), r.params.get('count')])).toEqual([
      ['1', '10'],
      ['2', '10'],
    ]);
  });

  it('asks conversations.listConnectInvites for `count`, not `limit`', async () => {
    await collect(client().paginate('conversations.listConnectInvites', {}, { token: 't', itemsKey: 'invites' }));
    expect(slack.requests[0]?.params.get('count')).toBe('200');
    expect(slack.requests[0]?.params.has('limit')).toBe(false);
  });

  it('walks past an empty page that carries a cursor', async () => {
    const members = await collect(
      client().paginate('conversations.members', { channel: 'C1' }, { token: 't', itemsKey: 'members' }),
    );
    expect(members).toEqual(['U1', 'U2']);
    expect(slack.requests.map((r) => r.params.get('cursor'))).toEqual([null, 'b=', 'c=']);
  });

  it('refuses a page without its items, and a cursor that does not move', async () => {
    const missing = collect(client().paginate('users.list', {}, { token: 't', itemsKey: 'members' }));
    await expect(missing).rejects.toMatchObject({ name: 'SlackTransportError', failure: 'garbage' });
    const seen: unknown[] = [];
    const stuck = (async () => {
      for await (const channel of client().paginate('conversations.list', {}, { token: 't', itemsKey: 'channels' })) {
        seen.push(channel);
      }
    })();
    await expect(stuck).rejects.toMatchObject({ failure: 'garbage' });
    // The pages read before the refusal were handed out first.
    expect(seen).toEqual([{ id: 'C1' }, { id: 'C1' }]);
    expect(slack.requests.filter((r) => r.path === '/api/conversations.list')).toHaveLength(2);
  });
});
