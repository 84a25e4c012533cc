// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshStore } from './testing/fresh-store';
import { accountDraft, botChain, profileDraft, userChain } from './testing/samples';

describe('profiles', () => {
  it('stores a profile and reads it back with its secret, stamping the times', async () => {
    const store = await freshStore();
    const saved = await store.profiles.put(profileDraft);
    expect(saved).toEqual({ ...profileDraft, createdAt: store.clock.now, updatedAt: store.clock.now });
    await expect(store.profiles.get('p1')).resolves.toEqual(saved);
    await expect(store.profiles.list()).resolves.toEqual([saved]);
    await expect(store.profiles.get('nope')).resolves.toBeUndefined();
  });

  it('keeps createdAt and moves updatedAt on a later put', async () => {
    const store = await freshStore();
    const first = await store.profiles.put(profileDraft);
    store.clock.now += 1000;
    const second = await store.profiles.put({ ...profileDraft, name: 'Acme app (prod)' });
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBe(first.updatedAt + 1000);
    await expect(store.profiles.get('p1')).resolves.toEqual(second);
  });

  it('defaults the base URL and stores a public client without a secret', async () => {
    const store = await freshStore();
    const { baseUrl: _baseUrl, clientSecret: _secret, ...rest } = profileDraft;
    const saved = await store.profiles.put({ ...rest, clientType: 'public' });
    expect(saved.baseUrl).toBe('https://slack.com');
    expect(saved.clientSecret).toBeUndefined();
    expect((await store.db.get('profiles', 'p1'))?.sealedSecret).toBeUndefined();
  });

  it('rejects invalid drafts before writing anything', async () => {
    const store = await freshStore();
    await expect(store.profiles.put({ ...profileDraft, clientType: 'public' })).rejects.toThrow(/no client secret/);
    await expect(store.profiles.put({ ...profileDraft, baseUrl: 'javascript:alert(1)' })).rejects.toThrow();
    await expect(store.db.count('profiles')).resolves.toBe(0);
  });

  it('will not open a secret moved onto another profile, yet still reads the profile', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    const stored = await store.db.get('profiles', 'p1');
    if (!stored) throw new Error('profile not stored');
    await store.db.put('profiles', { ...stored, id: 'p2' });
    const moved = await store.profiles.get('p2');
    expect(moved).toMatchObject({ id: 'p2', name: profileDraft.name, secretLost: true });
    expect(moved?.clientSecret).toBeUndefined();
  });

  it('removes the profile with its accounts and their chains', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    await store.profiles.put({ ...profileDraft, id: 'p2' });
    await store.chains.saveLinked(accountDraft, [botChain, userChain]);
    const other = { ...accountDraft, id: 'p2:T1', profileId: 'p2' };
    await store.chains.saveLinked(other, [{ ...botChain, id: 'p2:T1:bot', accountId: 'p2:T1' }]);

    await store.profiles.remove('p1');
    await expect(store.profiles.list()).resolves.toMatchObject([{ id: 'p2' }]);
    await expect(store.accounts.list()).resolves.toMatchObject([{ id: 'p2:T1' }]);
    await expect(store.chains.listMeta()).resolves.toMatchObject([{ id: 'p2:T1:bot' }]);
  });
});
