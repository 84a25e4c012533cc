// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { createLocks } from '../platform/locks';
import { SlackApiError } from '../slack/errors';
import { createTransport } from '../slack/transport';
import type { ChainKind } from '../store/records';
import type { Refresher } from './refresher';
import type { Harness } from './testing/linked';
import { linkFromBody, linkedHarness } from './testing/linked';

// The real refresher against the real emulator over HTTP. Tokens live 6 s, so the refresh margin
// is 1 s (a sixth); clocks only move through advanceClock, which the refresher reads as `now`.
const LIFETIME = 6;
const GRACE = 2;
const GLOBEX = 'T0GLOBEX1';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.state.reset();
  emulator.state.configure({ tokenLifetimeSeconds: LIFETIME, refreshGraceSeconds: GRACE });
});

/** A work that only hands back the token it was given. */
const echo = (token: string) => Promise.resolve(token);

/** Runs `count` calls at once, alternating bot and user, each proving its token with auth.test. */
function burst(h: Harness, refreshers: Refresher[], count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const kind: ChainKind = i % 2 === 0 ? 'bot' : 'user';
      const refresher = refreshers[Math.floor(i / 2) % refreshers.length] as Refresher;
      return refresher.withToken(h.account.id, kind, async (token) => {
        await h.authTest(token);
        return { kind, token };
      });
    }),
  );
}

/** Every call of a kind used the token now stored for that kind, and it is a new one. */
async function expectStoredTokensUsed(h: Harness, results: { kind: ChainKind; token: string }[], before: string[]) {
  for (const kind of ['bot', 'user'] as const) {
    const stored = await h.chain(kind);
    expect(new Set(results.filter((r) => r.kind === kind).map((r) => r.token))).toEqual(new Set([stored.accessToken]));
    expect(before).not.toContain(stored.accessToken);
    expect(stored.version).toBe(2);
  }
}

describe('refresher: single flight', () => {
  it('50 concurrent calls at the expiry boundary refresh each chain once, and all of them succeed', async () => {
    const h = await linkedHarness(emulator);
    const before = [(await h.chain('bot')).accessToken, (await h.chain('user')).accessToken];
    const lock = createLocks(undefined);
    const taken: string[] = [];
    const refresher = h.make({ withLock: (name, work) => (taken.push(name), lock(name, work)) });
    emulator.state.advanceClock(LIFETIME);

    const results = await burst(h, [refresher], 50);

    expect(results).toHaveLength(50);
    expect(h.refreshes().sort()).toEqual(['bot:ok', 'user:ok']);
    // The in-memory promise: callers in one context share one refresh, so one trip through the lock.
    expect(taken.sort()).toEqual([`courier-chain:${h.account.id}:bot`, `courier-chain:${h.account.id}:user`]);
    await expectStoredTokensUsed(h, results, before);
    expect(await h.status()).toBe('connected');
    expect(h.health.isRefreshing(h.account.id)).toBe(false);
  });

  it('two contexts sharing the lock (Web Locks) still refresh each chain once', async () => {
    const h = await linkedHarness(emulator);
    const before = [(await h.chain('bot')).accessToken, (await h.chain('user')).accessToken];
    const lock = createLocks(undefined);
    const [a, b] = [h.make({ withLock: lock }), h.make({ withLock: lock })];
    emulator.state.advanceClock(LIFETIME);

    const results = await burst(h, [a, b], 50);

    expect(h.refreshes().sort()).toEqual(['bot:ok', 'user:ok']);
    await expectStoredTokensUsed(h, results, before);
  });
});

/**
 * A real transport that parks refresh grants (of one refresh token, if given) until `release()`;
 * `parked` resolves when one arrives.
 */
function parkedTransport(only?: string) {
  let arrived!: () => void;
  let release!: () => void;
  const parked = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const transport = (baseUrl: string) => {
    const real = createTransport(baseUrl);
    return {
      async call(...args: Parameters<typeof real.call>) {
        if (args[0] === 'oauth.v2.access' && (!only || args[1].refresh_token === only)) {
          arrived();
          await gate;
        }
        return real.call(...args);
      },
    };
  };
  return { transport, parked, release };
}

describe('refresher: account health while refreshing', () => {
  it('shows the account refreshing until both of its chains are done', async () => {
    const h = await linkedHarness(emulator);
    const slow = parkedTransport((await h.chain('user')).refreshToken);
    const refresher = h.make({ transport: slow.transport });
    emulator.state.advanceClock(LIFETIME);

    const user = refresher.withToken(h.account.id, 'user', (token) => h.authTest(token));
    await slow.parked;
    await refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));
    expect(h.health.isRefreshing(h.account.id)).toBe(true);
    slow.release();
    await user;
    expect(h.health.isRefreshing(h.account.id)).toBe(false);
  });
});

describe('refresher: two contexts without a shared lock', () => {
  it('compare-and-swap keeps the newest pair when a slow context trades an old refresh token', async () => {
    emulator.state.configure({ refreshGraceSeconds: 30 });
    const h = await linkedHarness(emulator);
    const slow = parkedTransport();
    const [a, b] = [h.make(), h.make({ transport: slow.transport })];
    emulator.state.advanceClock(LIFETIME);

    // b re-reads version 1 under its own lock and is held before Slack answers.
    const late = b.withToken(h.account.id, 'bot', echo);
    await slow.parked;
    // Meanwhile a refreshes twice: versions 2 and 3.
    await a.withToken(h.account.id, 'bot', (token) => h.authTest(token));
    emulator.state.advanceClock(LIFETIME);
    const newest = await a.withToken(h.account.id, 'bot', echo);
    slow.release();

    // b's own trade succeeded (inside the grace) but lost the swap: it uses and keeps a's pair.
    expect(await late).toBe(newest);
    expect(h.refreshes()).toEqual(['bot:ok', 'bot:ok', 'bot:ok']);
    const stored = await h.chain('bot');
    expect(stored).toMatchObject({ version: 3, accessToken: newest });

    // The stored refresh token still works once every traded one is past its grace.
    emulator.state.advanceClock(31);
    await expect(a.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });
    const after = await h.chain('bot');
    expect(after).toMatchObject({ version: 4 });
    expect(after.dead).toBeUndefined();
    await expect(h.authTest(after.accessToken)).resolves.toMatchObject({ ok: true });
  });

  it('a refresh token another context already traded does not kill the chain after its grace', async () => {
    const h = await linkedHarness(emulator);
    const slow = parkedTransport();
    const [a, b] = [h.make(), h.make({ transport: slow.transport })];
    emulator.state.advanceClock(LIFETIME);

    const late = b.withToken(h.account.id, 'bot', echo);
    await slow.parked;
    const fresh = await a.withToken(h.account.id, 'bot', echo);
    emulator.state.advanceClock(GRACE + 1);
    slow.release();

    // Slack refuses b's traded token (invalid_refresh_token), but the stored chain moved on.
    expect(await late).toBe(fresh);
    expect(h.refreshes()).toEqual(['bot:ok', 'bot:invalid_refresh_token']);
    expect((await h.chain('bot')).dead).toBeUndefined();
    expect(h.terminal).toEqual([]);
    expect(await h.status()).toBe('connected');
    await expect(h.authTest(fresh)).resolves.toMatchObject({ ok: true });
  });
});

describe('refresher: check before every call', () => {
  it('refreshes only inside the margin, and stores the new pair before handing out its token', async () => {
    const h = await linkedHarness(emulator);
    const old = await h.chain('bot');
    emulator.state.advanceClock(LIFETIME - 1.5);
    await expect(h.refresher.withToken(h.account.id, 'bot', echo)).resolves.toBe(old.accessToken);
    expect(h.refreshes()).toEqual([]);

    emulator.state.advanceClock(1);
    const seen = await h.refresher.withToken(h.account.id, 'bot', async (token) => ({
      token,
      stored: await h.chain('bot'),
      live: await h.authTest(token),
    }));

    expect(h.refreshes()).toEqual(['bot:ok']);
    expect(seen.token).not.toBe(old.accessToken);
    expect(seen.stored).toMatchObject({ accessToken: seen.token, version: old.version + 1 });
    expect(seen.stored.refreshToken).not.toBe(old.refreshToken);
    expect(seen.stored.expiresAt).toBe((seen.stored.refreshedAt ?? 0) + LIFETIME * 1000);
    expect(seen.live).toMatchObject({ ok: true, user_id: h.account.botUserId });
  });

  it('jitter widens the margin, so chains linked together refresh apart', async () => {
    const h = await linkedHarness(emulator);
    emulator.state.advanceClock(LIFETIME - 1.05);
    await h.refresher.withToken(h.account.id, 'bot', echo);
    expect(h.refreshes()).toEqual([]);
    await h.make({ jitter: () => 0.9 }).withToken(h.account.id, 'bot', echo);
    expect(h.refreshes()).toEqual(['bot:ok']);
  });
});

describe('refresher: token_expired from Slack', () => {
  it('refreshes once and retries once', async () => {
    const h = await linkedHarness(emulator);
    emulator.state.expireTokens();
    const tokens: string[] = [];
    const body = await h.refresher.withToken(h.account.id, 'bot', async (token) => {
      tokens.push(token);
      return h.authTest(token);
    });

    expect(body).toMatchObject({ ok: true });
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).toBe((await h.chain('bot')).accessToken);
    expect(h.refreshes()).toEqual(['bot:ok']);
  });

  it('surfaces a second token_expired instead of looping', async () => {
    const h = await linkedHarness(emulator);
    let calls = 0;
    const failing = h.refresher.withToken(h.account.id, 'user', async (token) => {
      calls++;
      emulator.state.expireTokens();
      return h.authTest(token);
    });

    await expect(failing).rejects.toSatisfy((e) => e instanceof SlackApiError && e.code === 'token_expired');
    expect(calls).toBe(2);
    expect(h.refreshes()).toEqual(['user:ok']);
    expect(await h.status()).toBe('connected');
  });
});

describe('refresher: the alarm backstop', () => {
  it('refreshDue refreshes only due chains, and any chain idle for a day', async () => {
    const h = await linkedHarness(emulator);
    emulator.state.configure({ tokenLifetimeSeconds: 200_000 });
    const install = emulator.state.install({ teamId: GLOBEX, botScopes: ['chat:write'], userScopes: ['users:write'] });
    await linkFromBody(h.store, h.profile, install, emulator.state.now());
    const globex = () => emulator.state.refreshLog(GLOBEX).map((entry) => `${entry.type}:${entry.outcome}`);

    emulator.state.advanceClock(LIFETIME - 0.5);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });
    expect(h.refreshes().sort()).toEqual(['bot:ok', 'user:ok']);
    expect(globex()).toEqual([]);

    // Acme's new tokens last 200 000 s too: nothing is due for almost a day.
    emulator.state.advanceClock(23 * 3600);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 0, failed: 0 });

    // Globex was linked a day ago: refreshed although its tokens expire in more than a day.
    emulator.state.advanceClock(3600 - 3);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });
    expect(globex().sort()).toEqual(['bot:ok', 'user:ok']);
    expect(h.refreshes()).toHaveLength(2);
  });

  it('refreshDue with a time ahead also refreshes the chains due before then (the next alarm is a minute off)', async () => {
    const h = await linkedHarness(emulator);
    // 6 s tokens are due at 5 s: 3 s in, neither is due now, both are within a minute.
    emulator.state.advanceClock(3);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 0, failed: 0 });
    await expect(h.refresher.refreshDue(1_000)).resolves.toEqual({ refreshed: 0, failed: 0 });
    expect(h.refreshes()).toEqual([]);
    await expect(h.refresher.refreshDue(60_000)).resolves.toEqual({ refreshed: 2, failed: 0 });
    expect(h.refreshes().sort()).toEqual(['bot:ok', 'user:ok']);
  });
});
