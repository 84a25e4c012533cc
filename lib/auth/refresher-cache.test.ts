// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import type { RefresherDeps } from './refresher';
import type { Harness } from './testing/linked';
import { linkFromBody, linkedHarness } from './testing/linked';

// The refresher keeps a chain it decrypted while the stored chain is unchanged. These tests count
// the decrypting reads and check that a rotation or a new link anywhere is never answered from memory.
const LIFETIME = 6;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.state.reset();
  emulator.state.configure({ tokenLifetimeSeconds: LIFETIME, refreshGraceSeconds: 2 });
});

const echo = (token: string) => Promise.resolve(token);

/** A refresher over the harness's store, as services.ts wires it, that counts its decrypting reads. */
function counting(h: Harness) {
  const reads: string[] = [];
  const chains: RefresherDeps['chains'] = {
    get: (id) => {
      reads.push(id);
      return h.store.chains.get(id);
    },
    replace: (next, expectedVersion) => h.store.chains.replace(next, expectedVersion),
    markDead: async (id, code) => {
      await h.store.chains.markDead(id, code);
    },
    listAll: (accountId) => h.store.chains.listMeta(accountId),
  };
  return { refresher: h.make({ chains }), reads };
}

describe('refresher: decrypted chains kept per stored version', () => {
  it('decrypts a chain once for many calls, at once or one after another, while it is unchanged', async () => {
    const h = await linkedHarness(emulator);
    const { refresher, reads } = counting(h);
    const stored = (await h.chain('bot')).accessToken;

    const together = await Promise.all(
      Array.from({ length: 20 }, () => refresher.withToken(h.account.id, 'bot', echo)),
    );
    for (let i = 0; i < 5; i++) together.push(await refresher.withToken(h.account.id, 'bot', echo));

    expect(new Set(together)).toEqual(new Set([stored]));
    expect(reads).toEqual([`${h.account.id}:bot`]);
  });

  it('a chain rotated by another context is read again: the old token is not used after the rotation', async () => {
    const h = await linkedHarness(emulator);
    const { refresher, reads } = counting(h);
    const before = await refresher.withToken(h.account.id, 'bot', echo);

    // Another context (its own refresher, its own memory) renews the chain early: Slack said
    // token_expired. The clock does not move, so the chain in memory is not due for a refresh.
    emulator.state.expireTokens(h.account.teamId);
    const other = h.make();
    const renewed = await other.withToken(h.account.id, 'bot', async (token) => {
      await h.authTest(token);
      return token;
    });
    expect(renewed).not.toBe(before);

    expect(await refresher.withToken(h.account.id, 'bot', echo)).toBe(renewed);
    expect(reads).toHaveLength(2);
    expect((await h.authTest(renewed)).ok).toBe(true);
  });

  it('a rotation made here is used by the next call, not the token it replaced', async () => {
    const h = await linkedHarness(emulator);
    const { refresher } = counting(h);
    const before = await refresher.withToken(h.account.id, 'bot', echo);

    emulator.state.advanceClock(LIFETIME);
    const renewed = await refresher.withToken(h.account.id, 'bot', echo);
    const next = await refresher.withToken(h.account.id, 'bot', echo);

    expect(renewed).not.toBe(before);
    expect(next).toBe(renewed);
    expect(next).toBe((await h.chain('bot')).accessToken);
  });

  it('a workspace removed and linked again (its chains back at version 1) gets its new tokens', async () => {
    const h = await linkedHarness(emulator);
    const { refresher } = counting(h);
    const before = await refresher.withToken(h.account.id, 'bot', echo);
    const { version } = await h.chain('bot');

    await h.store.accounts.remove(h.account.id);
    const body = emulator.state.install({ teamId: h.account.teamId, botScopes: ['chat:write'], userScopes: [] });
    await linkFromBody(h.store, h.profile, body, emulator.state.now() + 1);
    const relinked = await h.chain('bot');
    expect(relinked.version).toBe(version);
    expect(relinked.accessToken).not.toBe(before);

    expect(await refresher.withToken(h.account.id, 'bot', echo)).toBe(relinked.accessToken);
  });

  it('a chain that died elsewhere is not answered from memory', async () => {
    const h = await linkedHarness(emulator);
    const { refresher } = counting(h);
    await refresher.withToken(h.account.id, 'bot', echo);

    await h.store.chains.markDead(`${h.account.id}:bot`, 'token_revoked');

    await expect(refresher.withToken(h.account.id, 'bot', echo)).rejects.toMatchObject({ kind: 'needs_reconnect' });
  });
});
