// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { Emulator, FaultKind } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { CourierFailure } from '../errors';
import { RECONNECT_NOTIFICATION_PREFIX } from '../platform/attention';
import type { Harness } from './testing/linked';
import { linkedHarness } from './testing/linked';

// How the real refresher classifies failures of the real emulator: transient ones are retried
// and leave the account connected, terminal ones kill the chain and ask for a reconnect.
const LIFETIME = 6;
const GRACE = 2;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.state.reset();
  emulator.state.configure({ tokenLifetimeSeconds: LIFETIME, refreshGraceSeconds: GRACE });
});

const refreshCalls = () => emulator.state.stats().calls['oauth.v2.access'] ?? 0;
const slackCalls = () => Object.values(emulator.state.stats().calls).reduce((sum, n) => sum + n, 0);
const failureOf = (kind: CourierFailure['kind']) => (error: unknown) =>
  error instanceof CourierFailure && error.kind === kind;

const TRANSIENT: { fault: FaultKind; kind: CourierFailure['kind']; retryAfter?: number }[] = [
  { fault: 'http500', kind: 'slack_error' },
  { fault: 'drop', kind: 'offline' },
  { fault: 'ratelimit', kind: 'rate_limited', retryAfter: 3 },
];

describe('refresher: transient failures', () => {
  it.each(TRANSIENT)('$fault once: backs off, retries and stays connected', async ({ fault, retryAfter }) => {
    const h = await linkedHarness(emulator);
    emulator.state.advanceClock(LIFETIME + 1);
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: fault, retryAfter });

    const body = await h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    expect(body).toMatchObject({ ok: true });
    expect(refreshCalls()).toBe(2);
    expect(h.sleeps).toEqual([Math.max(500, (retryAfter ?? 0) * 1000)]);
    expect(h.refreshes()).toEqual(['bot:ok']);
    expect(await h.status()).toBe('connected');
  });

  it.each(TRANSIENT)('$fault throughout an expired token: gives up after 3 tries', async ({ fault, kind }) => {
    const h = await linkedHarness(emulator);
    emulator.state.advanceClock(LIFETIME + 1);
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: fault, count: -1 });

    const work = h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    await expect(work).rejects.toSatisfy(failureOf(kind));
    expect(refreshCalls()).toBe(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.terminal).toEqual([]);
    expect((await h.chain('bot')).dead).toBeUndefined();
    expect(await h.status()).toBe('connected');

    // Slack recovers: the same refresh token still works.
    emulator.state.faults.clear();
    await expect(h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token))).resolves.toMatchObject({
      ok: true,
    });
    expect(h.refreshes()).toEqual(['bot:ok']);
  });

  it('a Retry-After beyond 30 s fails the call at once instead of holding it', async () => {
    const h = await linkedHarness(emulator);
    emulator.state.advanceClock(LIFETIME + 1);
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'ratelimit', retryAfter: 60 });

    const work = h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    await expect(work).rejects.toSatisfy(failureOf('rate_limited'));
    await expect(work).rejects.toThrow('retry in 60 s');
    expect(refreshCalls()).toBe(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.status()).toBe('connected');
  });

  it.each(TRANSIENT)('$fault while the token still works: the call goes on with it', async ({ fault }) => {
    const h = await linkedHarness(emulator);
    const old = await h.chain('user');
    emulator.state.advanceClock(LIFETIME - 0.5);
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: fault, count: -1 });

    const used = await h.refresher.withToken(h.account.id, 'user', async (token) => {
      await h.authTest(token);
      return token;
    });

    expect(used).toBe(old.accessToken);
    expect(refreshCalls()).toBe(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.chain('user')).toEqual(old);
    expect(await h.status()).toBe('connected');
  });
});

/** Ways Slack stops accepting a chain's refresh token, each answered with invalid_refresh_token. */
const TERMINAL: { cause: string; kill: (h: Harness) => Promise<void> }[] = [
  {
    cause: 'revoked on Slack',
    kill: () => {
      emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'revoke' });
      return Promise.resolve();
    },
  },
  {
    cause: 'traded elsewhere, grace over',
    kill: async (h) => {
      const { refreshToken } = await h.chain('bot');
      emulator.state.tokens.rotate(refreshToken ?? '', emulator.state.now(), LIFETIME, GRACE);
      emulator.state.advanceClock(GRACE + 1);
    },
  },
];

describe('refresher: terminal failures', () => {
  it.each(TERMINAL)('$cause: the chain dies, the account needs a reconnect', async ({ kill }) => {
    const h = await linkedHarness(emulator);
    await kill(h);
    emulator.state.advanceClock(LIFETIME);

    const work = h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    await expect(work).rejects.toSatisfy(failureOf('needs_reconnect'));
    expect(h.sleeps).toEqual([]);
    expect(h.terminal).toEqual(['bot:invalid_refresh_token']);
    expect((await h.chain('bot')).dead).toMatchObject({ code: 'invalid_refresh_token' });
    const account = await h.store.accounts.get(h.account.id);
    expect(account?.status).toBe('needs_reconnect');
    expect(account?.reason).toMatch(/needs to reconnect: Slack no longer accepts its refresh token/);
    expect(await browser.action.getBadgeText({})).toBe('!');
    const notifications = await browser.notifications.getAll();
    expect(Object.keys(notifications)).toEqual([`${RECONNECT_NOTIFICATION_PREFIX}${h.account.id}`]);

    // Later calls fail fast: neither Slack nor the work is reached, and the alarm skips the chain.
    const before = slackCalls();
    let worked = false;
    const again = h.make().withToken(h.account.id, 'bot', () => Promise.resolve((worked = true)));
    await expect(again).rejects.toSatisfy(failureOf('needs_reconnect'));
    expect(worked).toBe(false);
    await h.refresher.refreshDue();
    expect(h.refreshes().filter((entry) => entry.startsWith('bot:'))).toHaveLength(1);
    expect(slackCalls() - before).toBe(1); // the user chain's refresh only
  });

  it('a dead user chain does not stop bot calls', async () => {
    const h = await linkedHarness(emulator);
    emulator.state.revokeTeam(h.account.teamId, 'user');
    emulator.state.advanceClock(LIFETIME);

    const user = h.refresher.withToken(h.account.id, 'user', (token) => h.authTest(token));
    await expect(user).rejects.toSatisfy(failureOf('needs_reconnect'));
    expect(h.terminal).toEqual(['user:invalid_refresh_token']);
    expect(await h.status()).toBe('needs_reconnect');

    const bot = await h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));
    expect(bot).toMatchObject({ ok: true, user_id: h.account.botUserId });
    emulator.state.advanceClock(LIFETIME);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 1, failed: 0 });
    expect(h.refreshes()).toEqual(['user:invalid_refresh_token', 'bot:ok', 'bot:ok']);
  });
});

describe('refresher: an answer for another workspace', () => {
  it("is refused: nothing of it is stored, the chain stays as it was and renews once Slack answers for the account's team", async () => {
    const h = await linkedHarness(emulator);
    const old = await h.chain('bot');
    emulator.state.advanceClock(LIFETIME + 1);
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'otherTeam', count: -1 });

    const work = h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    await expect(work).rejects.toSatisfy(failureOf('slack_error'));
    expect(h.refreshes()).toEqual(['bot:ok', 'bot:ok', 'bot:ok']);
    expect(await h.chain('bot')).toEqual(old);
    expect(h.terminal).toEqual([]);
    expect(await h.status()).toBe('connected');

    // The refresh token traded for those answers is still in its grace: the chain goes on.
    emulator.state.faults.clear();
    await expect(h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token))).resolves.toMatchObject({
      team_id: h.account.teamId,
    });
    expect((await h.chain('bot')).version).toBe(old.version + 1);
  });
});
