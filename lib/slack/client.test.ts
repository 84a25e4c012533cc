// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import type { ActionContext } from '../actions/types';
import { toWireError } from '../errors';
import { bindToken } from './client';
import { SlackApiError, SlackTransportError } from './errors';
import { clockedClient } from './testing/emulator-clock';

const ACME = 'T0ACME001';
const BOT_SCOPES = ['chat:write', 'channels:read', 'groups:read', 'users:read'];

let emulator: Emulator;
let token: string;
let engineering: string;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2025, 0, 1) });
  emulator.state.reset();
  token = emulator.state.install({ teamId: ACME, botScopes: BOT_SCOPES }).access_token ?? '';
  engineering = emulator.state.workspaces.get(ACME)?.conversations.find((c) => c.name === 'engineering')?.id ?? '';
});
afterEach(() => {
  vi.useRealTimers();
});

const calls = (method: string) => emulator.state.stats().calls[method] ?? 0;
const fault = (spec: Parameters<Emulator['state']['faults']['add']>[0]) => emulator.state.faults.add(spec);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('client: envelope', () => {
  it("resolves with Slack's whole ok body, and a clean form POST earns no warning", async () => {
    const { client, requests } = clockedClient(emulator, ACME);
    const body = await client.call('auth.test', {}, { token });
    expect(body).toMatchObject({ ok: true, team_id: ACME, team: 'Acme Corp' });
    expect(body).not.toHaveProperty('warning');
    // The token travels in the form body, never in the URL.
    expect(requests[0]?.params.get('token')).toBe(token);
  });

  it('keeps warning and response_metadata.warnings', async () => {
    // A charset on a form body is what Slack warns about (superfluous_charset).
    const withCharset: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
    const { client } = clockedClient(emulator, ACME, { fetch: withCharset });
    const body = await client.call('auth.test', {}, { token });
    expect(body).toMatchObject({
      ok: true,
      warning: 'superfluous_charset',
      response_metadata: { warnings: ['superfluous_charset'] },
    });
    const error = await failure(client.call('chat.postMessage', { channel: engineering }, { token }));
    expect(error).toMatchObject({ code: 'no_text', warnings: ['superfluous_charset'] });
  });

  it('turns missing_scope into a typed error with the scopes needed and provided', async () => {
    // Scopes add up across installs in one workspace, as in Slack: start from a fresh one.
    emulator.state.reset();
    const narrow = emulator.state.install({ teamId: ACME, botScopes: ['chat:write', 'channels:read'] }).access_token;
    const { client } = clockedClient(emulator, ACME);
    const error = await failure(client.call('users.list', { limit: 10 }, { token: narrow ?? '' }));
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ code: 'missing_scope', method: 'users.list', needed: 'users:read' });
    expect((error as SlackApiError).provided?.split(',').sort()).toEqual(['channels:read', 'chat:write']);
    expect(toWireError(error)).toEqual({
      kind: 'missing_scope',
      message: expect.stringContaining('users:read') as string,
      scopes: ['users:read'],
    });
  });

  it('turns ok:false into SlackApiError with a sentence, and dead tokens into needs_reconnect', async () => {
    const { client } = clockedClient(emulator, ACME);
    const missing = await failure(client.call('chat.postMessage', { channel: '#nope', text: 'hi' }, { token }));
    expect(missing).toMatchObject({ name: 'SlackApiError', code: 'channel_not_found' });
    expect(toWireError(missing)).toEqual({ kind: 'slack_error', message: (missing as SlackApiError).sentence });

    const design = emulator.state.workspaces.get(ACME)?.conversations.find((c) => c.name === 'design')?.id ?? '';
    const outside = await failure(client.call('chat.postMessage', { channel: design, text: 'hi' }, { token }));
    expect(toWireError(outside).kind).toBe('not_in_channel');

    const bogus = 'xoxe.xoxb-1-bogus-token-value';
    const dead = await failure(client.call('auth.test', {}, { token: bogus }));
    expect(dead).toMatchObject({ code: 'invalid_auth' });
    const wire = toWireError(dead);
    expect(wire.kind).toBe('needs_reconnect');
    expect(JSON.stringify(wire)).not.toContain('bogus');
  });
});

describe('client: form encoding', () => {
  it('sends objects and arrays as JSON strings, booleans as true/false, and drops undefined', async () => {
    const { client, requests } = clockedClient(emulator, ACME);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hello* from Courier' } }];
    const metadata = { event_type: 'courier_outbox', event_payload: { outbox_id: 'o-1', attempt: 2, nested: [1] } };
    const posted = await client.call(
      'chat.postMessage',
      { channel: engineering, text: 'hello', blocks, metadata, unfurl_links: false, thread_ts: undefined },
      { token },
    );
    expect(posted).toMatchObject({ ok: true, channel: engineering });
    const [stored] = emulator.state.listMessages({ team: ACME, channel: engineering });
    expect(stored?.blocks).toEqual(blocks);
    expect(stored?.metadata).toEqual(metadata);
    expect(stored?.threadTs).toBeUndefined();
    const sent = requests[0]?.params;
    expect(sent?.get('blocks')).toBe(JSON.stringify(blocks));
    expect(sent?.get('unfurl_links')).toBe('false');
    expect(sent?.has('thread_ts')).toBe(false);
  });

  it('sends booleans Slack reads as flags', async () => {
    const { client } = clockedClient(emulator, ACME);
    const names = async (excludeArchived: boolean) => {
      const body = await client.call(
        'conversations.list',
        { exclude_archived: excludeArchived, cursor: undefined },
        { token },
      );
      return (body.channels as { name: string }[]).map((c) => c.name);
    };
    expect(await names(false)).toContain('old-project');
    expect(await names(true)).not.toContain('old-project');
  });
});

describe('client: retries', () => {
  it('retries a read after a 5xx, with exponential backoff and jitter', async () => {
    fault({ method: 'users.list', kind: 'http500', status: 503, count: 2 });
    const { client, sleeps } = clockedClient(emulator, ACME, { random: () => 0.5 });
    const body = await client.call('users.list', { limit: 5 }, { token });
    expect(body.ok).toBe(true);
    expect(calls('users.list')).toBe(3);
    // 1 s then 2 s, each three quarters of the way with random() = 0.5.
    expect(sleeps).toEqual([750, 1500]);
  });

  it('retries a read after a dropped connection and after a body that is not JSON', async () => {
    fault({ method: 'users.list', kind: 'drop' });
    fault({ method: 'users.list', kind: 'malformed' });
    const { client } = clockedClient(emulator, ACME);
    expect((await client.call('users.list', { limit: 5 }, { token })).ok).toBe(true);
    expect(calls('users.list')).toBe(3);
  });

  it('gives up on a read after three attempts', async () => {
    fault({ method: 'users.list', kind: 'drop', count: 3 });
    const { client } = clockedClient(emulator, ACME);
    const error = await failure(client.call('users.list', { limit: 5 }, { token }));
    expect(error).toMatchObject({ name: 'SlackTransportError', failure: 'network' });
    expect(toWireError(error).kind).toBe('offline');
    expect(calls('users.list')).toBe(3);
  });

  it('never retries a write after a 5xx or a dropped connection', async () => {
    const { client } = clockedClient(emulator, ACME);
    fault({ method: 'chat.postMessage', kind: 'http500' });
    const http = await failure(client.call('chat.postMessage', { channel: engineering, text: 'a' }, { token }));
    expect(http).toMatchObject({ failure: 'http_error', status: 500 });
    expect(toWireError(http).kind).toBe('slack_error');
    fault({ method: 'chat.postMessage', kind: 'drop' });
    const drop = await failure(client.call('chat.postMessage', { channel: engineering, text: 'b' }, { token }));
    expect(drop).toMatchObject({ failure: 'network' });
    expect(calls('chat.postMessage')).toBe(2);
    expect(emulator.state.listMessages({ team: ACME })).toEqual([]);
  });

  it('does not retry a read Slack refused on purpose', async () => {
    const { client } = clockedClient(emulator, ACME);
    await failure(client.call('users.getPresence', { user: 'U_NOBODY' }, { token }));
    expect(calls('users.getPresence')).toBe(1);
  });

  it('rides out 429s on a write too (a 429 was not processed), posting once', async () => {
    fault({ method: 'chat.postMessage', kind: 'ratelimit', retryAfter: 2, count: 2 });
    const { client, sleeps } = clockedClient(emulator, ACME);
    const before = emulator.state.now();
    await client.call('chat.postMessage', { channel: engineering, text: 'once' }, { token });
    expect(calls('chat.postMessage')).toBe(3);
    expect(emulator.state.listMessages({ team: ACME }).map((m) => m.text)).toEqual(['once']);
    expect(emulator.state.now() - before).toBeGreaterThanOrEqual(4_000);
    expect(sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('fails at once when Retry-After is beyond what a person would wait', async () => {
    fault({ method: 'users.list', kind: 'ratelimit', retryAfter: 600 });
    const { client } = clockedClient(emulator, ACME);
    const error = await failure(client.call('users.list', { limit: 5 }, { token }));
    expect(error).toMatchObject({ failure: 'rate_limited', retryAfter: 600 });
    expect(toWireError(error)).toEqual({ kind: 'rate_limited', message: expect.stringContaining('600 s') as string });
    expect(calls('users.list')).toBe(1);
  });
});

describe('client: timeouts and cancelling', () => {
  it('times a slow read out and retries it', async () => {
    fault({ method: 'users.list', kind: 'latency', ms: 1_000 });
    const { client } = clockedClient(emulator, ACME, { timeoutMs: 150 });
    expect((await client.call('users.list', { limit: 5 }, { token })).ok).toBe(true);
    expect(calls('users.list')).toBe(2);
  });

  it('times a slow write out without retrying it, since Slack may still act on it', async () => {
    fault({ method: 'chat.postMessage', kind: 'latency', ms: 400 });
    const { client } = clockedClient(emulator, ACME, { timeoutMs: 100 });
    const error = await failure(client.call('chat.postMessage', { channel: engineering, text: 'late' }, { token }));
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(toWireError(error).kind).toBe('offline');
    // The unclear failure did post: exactly why a write is never repeated blindly.
    await vi.waitFor(() => expect(emulator.state.listMessages({ team: ACME })).toHaveLength(1), { timeout: 2_000 });
    expect(calls('chat.postMessage')).toBe(1);
  });

  it("stops at the caller's AbortSignal and does not retry", async () => {
    fault({ method: 'users.list', kind: 'latency', ms: 1_000 });
    const { client } = clockedClient(emulator, ACME);
    const controller = new AbortController();
    const pending = failure(client.call('users.list', { limit: 5 }, { token, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(calls('users.list')).toBe(1);
  });
});

describe('client: bound to a token', () => {
  it('builds an action context, and runs every call through the token runner', async () => {
    const { client } = clockedClient(emulator, ACME);
    const used: string[] = [];
    const ctx: ActionContext = {
      tokenKind: 'bot',
      ...bindToken(client, (work) => {
        used.push(token);
        return work(token);
      }),
    };
    expect((await ctx.call('auth.test', {})).team_id).toBe(ACME);
    const users: unknown[] = [];
    for await (const user of ctx.paginate('users.list', {}, { itemsKey: 'members', pageSize: 4 })) users.push(user);
    expect(users.length).toBe(emulator.state.workspaces.get(ACME)?.users.length);
    // auth.test, then one runner call per page.
    expect(used.length).toBe(1 + Math.ceil(users.length / 4));
    expect((await bindToken(client, token).call('auth.test', {})).ok).toBe(true);
  });
});
