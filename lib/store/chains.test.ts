// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { openCourierDB } from './db';
import { KeyLostError } from './key-lost';
import { loadSealingKey } from './keys';
import { createStore } from './store';
import { freshStore } from './testing/fresh-store';
import { accountDraft, botChain, profileDraft, userChain } from './testing/samples';

async function linkedStore(name?: string) {
  const store = await freshStore(name);
  await store.profiles.put(profileDraft);
  await store.chains.saveLinked(accountDraft, [botChain, userChain]);
  return store;
}

const rotated = {
  ...botChain,
  accessToken: 'xoxe.xoxb-1-rotatedAccess',
  refreshToken: 'xoxe-1-rotatedRefresh',
  refreshedAt: 1_700_043_000_000,
};

describe('chains', () => {
  it('links an account with its chains and reads them back decrypted', async () => {
    const store = await linkedStore();
    await expect(store.accounts.get(accountDraft.id)).resolves.toMatchObject({
      teamName: 'Acme',
      linkedAt: store.clock.now,
    });
    await expect(store.chains.get(botChain.id)).resolves.toEqual({ ...botChain, version: 1 });
    const chains = await store.chains.listByAccount(accountDraft.id);
    expect(chains.map(({ kind }) => kind).sort()).toEqual(['bot', 'user']);
    await expect(store.chains.get('p1:T1:nope')).resolves.toBeUndefined();
  });

  it('stores a token that does not rotate or expire', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    const { refreshToken: _refresh, expiresAt: _expires, lifetimeMs: _lifetime, ...plain } = botChain;
    await store.chains.saveLinked(accountDraft, [plain]);
    await expect(store.chains.get(botChain.id)).resolves.toEqual({ ...plain, version: 1 });
  });

  it('lists every chain without tokens', async () => {
    const store = await linkedStore();
    const metas = await store.chains.listMeta();
    expect(metas).toHaveLength(2);
    for (const meta of metas) {
      expect(meta).not.toHaveProperty('accessToken');
      expect(meta).not.toHaveProperty('refreshToken');
      expect(meta).not.toHaveProperty('sealedTokens');
      expect(meta).toMatchObject({ accountId: accountDraft.id, version: 1, expiresAt: botChain.expiresAt });
    }
    await expect(store.chains.listMeta(accountDraft.id)).resolves.toHaveLength(2);
    await expect(store.chains.listMeta('another:account')).resolves.toEqual([]);
  });

  it('re-linking bumps versions and drops chains the new link no longer has', async () => {
    const store = await linkedStore();
    store.clock.now += 1000;
    const account = await store.chains.saveLinked({ ...accountDraft, userScopes: [] }, [rotated]);
    expect(account.linkedAt).toBe(store.clock.now - 1000);
    expect(account.updatedAt).toBe(store.clock.now);
    await expect(store.chains.listByAccount(accountDraft.id)).resolves.toEqual([{ ...rotated, version: 2 }]);
    // A refresh that read the old pair must now lose its compare-and-swap.
    await expect(store.chains.replace({ ...botChain, accessToken: 'stale' }, 1)).resolves.toBe(false);
  });

  it('refuses to link chains of another account, or to a removed profile', async () => {
    const store = await freshStore();
    await expect(store.chains.saveLinked(accountDraft, [botChain])).rejects.toThrow(/was removed/);
    await store.profiles.put(profileDraft);
    await expect(store.chains.saveLinked(accountDraft, [{ ...botChain, accountId: 'p1:T9' }])).rejects.toThrow(
      /does not belong/,
    );
    await expect(store.accounts.list()).resolves.toEqual([]);
    await expect(store.chains.listMeta()).resolves.toEqual([]);
  });

  it('replaces the pair only at the expected version', async () => {
    const store = await linkedStore();
    await expect(store.chains.replace(rotated, 1)).resolves.toBe(true);
    await expect(store.chains.get(botChain.id)).resolves.toEqual({ ...rotated, version: 2 });
    await expect(store.chains.replace({ ...rotated, accessToken: 'late' }, 1)).resolves.toBe(false);
    await expect(store.chains.get(botChain.id)).resolves.toEqual({ ...rotated, version: 2 });
    await expect(store.chains.replace({ ...rotated, id: 'p1:T1:gone' }, 1)).rejects.toThrow();
  });

  it('lets exactly one of two concurrent replaces win', async () => {
    const store = await linkedStore();
    const results = await Promise.all([
      store.chains.replace({ ...rotated, accessToken: 'xoxe.xoxb-1-first' }, 1),
      store.chains.replace({ ...rotated, accessToken: 'xoxe.xoxb-1-second' }, 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'xoxe.xoxb-1-first' : 'xoxe.xoxb-1-second';
    await expect(store.chains.get(botChain.id)).resolves.toMatchObject({ accessToken: winner, version: 2 });
  });

  it('lets exactly one of two contexts win the same replace', async () => {
    const store = await linkedStore('two-contexts');
    const otherDb = await openCourierDB('two-contexts');
    const other = createStore(otherDb, await loadSealingKey(otherDb));
    const results = await Promise.all([
      store.chains.replace({ ...rotated, accessToken: 'xoxe.xoxb-1-here' }, 1),
      other.chains.replace({ ...rotated, accessToken: 'xoxe.xoxb-1-there' }, 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await expect(other.chains.get(botChain.id)).resolves.toMatchObject({ version: 2 });
    otherDb.close();
  });

  it('replace fails when the chain is gone', async () => {
    const store = await freshStore();
    await expect(store.chains.replace(rotated, 0)).resolves.toBe(false);
    await expect(store.chains.listMeta()).resolves.toEqual([]);
  });

  it('marks a chain dead, which also ends any in-flight refresh', async () => {
    const store = await linkedStore();
    store.clock.now += 5;
    await expect(store.chains.markDead(botChain.id, 'invalid_refresh_token')).resolves.toBe(true);
    await expect(store.chains.get(botChain.id)).resolves.toEqual({
      ...botChain,
      version: 2,
      dead: { code: 'invalid_refresh_token', at: store.clock.now },
    });
    await expect(store.chains.replace(rotated, 1)).resolves.toBe(false);
    await expect(store.chains.markDead('p1:T1:none', 'token_revoked')).resolves.toBe(false);
  });

  it('keeps a PKCE chain’s refresh-token end through a replace and a death; chains without one read as before', async () => {
    const store = await linkedStore();
    // botChain and userChain carry no end, as every chain stored before Courier kept one.
    await expect(store.chains.listMeta()).resolves.toEqual([
      expect.not.objectContaining({ refreshExpiresAt: expect.anything() as unknown }),
      expect.not.objectContaining({ refreshExpiresAt: expect.anything() as unknown }),
    ]);
    const end = rotated.refreshedAt + 30 * 86_400_000;
    await store.chains.replace({ ...rotated, refreshExpiresAt: end }, 1);
    await store.chains.markDead(botChain.id, 'invalid_refresh_token');
    await expect(store.chains.get(botChain.id)).resolves.toMatchObject({ refreshExpiresAt: end, version: 3 });
    await expect(store.chains.listMeta(accountDraft.id)).resolves.toContainEqual(
      expect.objectContaining({ id: botChain.id, refreshExpiresAt: end }),
    );
  });

  it('will not open tokens moved onto another chain: that workspace needs a reconnect', async () => {
    const store = await linkedStore();
    const bot = await store.db.get('chains', botChain.id);
    const user = await store.db.get('chains', userChain.id);
    if (!bot || !user) throw new Error('chains not stored');
    await store.db.put('chains', { ...user, sealedTokens: bot.sealedTokens });
    await expect(store.chains.get(userChain.id)).rejects.toBeInstanceOf(KeyLostError);
    await expect(store.chains.get(userChain.id)).rejects.toMatchObject({ kind: 'needs_reconnect' });
  });
});
