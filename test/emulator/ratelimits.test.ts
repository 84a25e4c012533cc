// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Installed } from './helpers';
import { control, installDemo } from './helpers';
import type { Emulator } from './index';
import { DEMO_APP, startEmulator } from './index';
import { METHODS } from './methods';
import { RateLimiter, SPECIAL_RULES, TIER_RULES, ruleFor } from './ratelimits';

let emu: Emulator;
let tokens: Installed;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: true });
});
afterAll(() => emu.close());
beforeEach(async () => {
  // Windows are measured on the emulator clock, which follows Date.now(); freezing Date (and only
  // Date, so sockets keep their real timers) makes every Retry-After exact.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2025, 0, 1) });
  emu.state.reset();
  tokens = await installDemo(emu);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A raw call: unlike callApi, a 429 is an answer here, not an error. */
async function call(method: string, params: Record<string, string>, token?: string) {
  const body = new URLSearchParams(params);
  if (token) body.set('token', token);
  const res = await fetch(`${emu.url}/api/${method}`, { method: 'POST', body });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
}

function repeat(status: number, times: number): number[] {
  return Array<number>(times).fill(status);
}

async function callTimes(times: number, method: string, params: Record<string, string>, token?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await call(method, params, token)).status);
  return statuses;
}

describe('rate limits', () => {
  it('are off by default, so a burst far over Tier 2 goes through', async () => {
    const plain = await startEmulator();
    try {
      expect(plain.state.config.rateLimits).toBe(false);
      const installed = await installDemo(plain);
      const body = new URLSearchParams({ token: installed.access_token });
      for (let i = 0; i < 25; i += 1) {
        const res = await fetch(`${plain.url}/api/users.list`, { method: 'POST', body });
        expect(res.status).toBe(200);
      }
    } finally {
      await plain.close();
    }
  });

  it('Tier 2 admits 20 calls a minute, then answers 429 with Retry-After until a slot frees', async () => {
    const usersList = () => call('users.list', {}, tokens.access_token);
    expect(await callTimes(20, 'users.list', {}, tokens.access_token)).toEqual(repeat(200, 20));
    expect(await usersList()).toEqual({ status: 429, retryAfter: '60', body: { ok: false, error: 'ratelimited' } });
    emu.state.advanceClock(59.5);
    expect((await usersList()).retryAfter).toBe('1');
    emu.state.advanceClock(0.5);
    expect((await usersList()).status).toBe(200);
  });

  it('counts the 429s it answers per method, for the benchmarks', async () => {
    await callTimes(22, 'users.list', {}, tokens.access_token);
    expect(emu.state.stats().rateLimited).toEqual({ 'users.list': 2 });
    emu.state.reset();
    expect(emu.state.stats().rateLimited).toEqual({});
  });

  it('slides: calls leave the window one minute after they were made, not all at once', async () => {
    await callTimes(10, 'users.list', {}, tokens.access_token);
    emu.state.advanceClock(30);
    expect(await callTimes(11, 'users.list', {}, tokens.access_token)).toEqual([...repeat(200, 10), 429]);
    emu.state.advanceClock(30);
    // The first ten have left; the second ten are 30 s from leaving.
    expect(await callTimes(11, 'users.list', {}, tokens.access_token)).toEqual([...repeat(200, 10), 429]);
    expect((await call('users.list', {}, tokens.access_token)).retryAfter).toBe('30');
  });

  it('Tier 3 admits 50 calls a minute', async () => {
    const params = { user: tokens.authed_user.id };
    expect(await callTimes(51, 'users.getPresence', params, tokens.access_token)).toEqual([...repeat(200, 50), 429]);
  });

  it('counts per workspace, app and method, shared by the bot and user tokens', async () => {
    const globex = await installDemo(emu, { team: 'T0GLOBEX1' });
    await callTimes(20, 'users.list', {}, tokens.access_token);
    expect((await call('users.list', {}, tokens.authed_user.access_token)).status).toBe(429);
    expect((await call('users.list', {}, globex.access_token)).status).toBe(200);
    expect((await call('conversations.list', {}, tokens.access_token)).status).toBe(200);
  });

  it('chat.postMessage allows a burst of 3 per channel, whatever the channel is called', async () => {
    const general = emu.state.workspaces.get('T0ACME001')?.conversations.find((c) => c.name === 'general')?.id;
    const post = (channel: string) => call('chat.postMessage', { channel, text: 'hi' }, tokens.access_token);
    for (const channel of ['general', '#general', general ?? '']) expect((await post(channel)).status).toBe(200);
    expect(await post('general')).toMatchObject({ status: 429, retryAfter: '3' });
    expect((await post('random')).status).toBe(200);
    emu.state.advanceClock(3);
    expect((await post('general')).status).toBe(200);
    expect(emu.state.listMessages({ channel: general })).toHaveLength(4);
  });

  it('oauth.v2.access allows 600 refresh attempts a minute, and the refresh log shows the 429', async () => {
    const params = {
      client_id: DEMO_APP.clientId,
      client_secret: 'wrong',
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    };
    // One install already used a slot (the code grant counts against the same workspace and app).
    const statuses = await callTimes(600, 'oauth.v2.access', params);
    expect(statuses.filter((s) => s === 200)).toHaveLength(599);
    expect(statuses.at(-1)).toBe(429);
    expect(emu.state.refreshLog().at(-1)).toMatchObject({ type: 'bot', outcome: 'ratelimited' });
  });

  it('can be switched on and off through POST /_control/config; reset restores the option', async () => {
    await control(emu, 'POST', '/config', { rateLimits: false });
    expect(await callTimes(21, 'users.list', {}, tokens.access_token)).toEqual(repeat(200, 21));
    await control(emu, 'POST', '/config', { rateLimits: true });
    expect(await callTimes(21, 'users.list', {}, tokens.access_token)).toContain(429);
    await control(emu, 'POST', '/config', { rateLimits: false });
    await control(emu, 'POST', '/reset');
    expect(emu.state.config.rateLimits).toBe(true);
    const bad = await fetch(`${emu.url}/_control/config`, { method: 'POST', body: '{"rateLimits":"on"}' });
    expect(bad.status).toBe(400);
  });

  it("uses Slack's tier floors and has a rule for every method the emulator serves", () => {
    expect(Object.values(TIER_RULES).map((r) => [r.limit, r.windowSeconds])).toEqual([
      [1, 60],
      [20, 60],
      [50, 60],
      [100, 60],
    ]);
    expect(SPECIAL_RULES['oauth.v2.access']).toEqual({ limit: 600, windowSeconds: 60 });
    for (const def of METHODS.values()) expect(ruleFor(def), def.name).toBeDefined();
  });

  it('Tier 1 admits one call a minute: conversations.listConnectInvites', async () => {
    const connect = await installDemo(emu, { scope: 'conversations.connect:manage' });
    const list = () => call('conversations.listConnectInvites', {}, connect.access_token);
    expect((await list()).status).toBe(200);
    expect(await list()).toMatchObject({ status: 429, retryAfter: '60' });
    emu.state.advanceClock(60);
    expect((await list()).status).toBe(200);
  });

  it('Tier 1 on the limiter itself', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('k', TIER_RULES[1], 0)).toBeUndefined();
    expect(limiter.take('k', TIER_RULES[1], 59_001)).toBe(1);
    expect(limiter.take('other', TIER_RULES[1], 59_001)).toBeUndefined();
    expect(limiter.take('k', TIER_RULES[1], 60_000)).toBeUndefined();
  });

  it('new methods are limited by their tier: conversations.rename is Tier 2, chat.getPermalink 200/min', async () => {
    const general = emu.state.workspaces.get('T0ACME001')?.conversations.find((c) => c.name === 'general')?.id ?? '';
    // conversations.info is Tier 3: 21 calls pass.
    const statuses = await callTimes(21, 'conversations.info', { channel: general }, tokens.access_token);
    expect(statuses).toEqual(repeat(200, 21));
    const renames = await callTimes(21, 'conversations.rename', { channel: 'C0NOPE', name: 'x' }, tokens.access_token);
    expect(renames).toEqual([...repeat(200, 20), 429]);
    const links = await callTimes(
      201,
      'chat.getPermalink',
      { channel: general, message_ts: '1.1' },
      tokens.access_token,
    );
    expect(links.filter((s) => s === 429)).toEqual([429]);
  });
});
