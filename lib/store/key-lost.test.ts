// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateSealingKey } from '../crypto/key';
import { openCourierDB } from './db';
import { KEY_LOST_CODE, KEY_LOST_REASON, KeyLostError } from './key-lost';
import { loadSealingKey } from './keys';
import { createStore } from './store';
import { accountDraft, botChain, profileDraft, userChain } from './testing/samples';

/** A database with a profile and a linked workspace, sealed under the key it made. */
async function linkedDb(name: string) {
  const db = await openCourierDB(name);
  const store = createStore(db, await loadSealingKey(db));
  await store.profiles.put(profileDraft);
  await store.chains.saveLinked(accountDraft, [botChain, userChain]);
  return db;
}

async function expectMarkedForReconnect(name: string) {
  const db = await openCourierDB(name);
  const store = createStore(db, await loadSealingKey(db));
  await expect(store.accounts.get(accountDraft.id)).resolves.toMatchObject({
    status: 'needs_reconnect',
    reason: KEY_LOST_REASON,
  });
  const chains = await store.chains.listMeta(accountDraft.id);
  expect(chains.map((chain) => chain.dead?.code)).toEqual([KEY_LOST_CODE, KEY_LOST_CODE]);
  await expect(store.chains.get(botChain.id)).rejects.toBeInstanceOf(KeyLostError);
  await expect(store.chains.get(botChain.id)).rejects.toMatchObject({
    kind: 'needs_reconnect',
    message: KEY_LOST_REASON,
  });
  // The profile still lists and shows; its form asks for the secret again.
  const [profile] = await store.profiles.list();
  expect(profile).toMatchObject({ id: profileDraft.id, name: profileDraft.name, secretLost: true });
  expect(profile?.clientSecret).toBeUndefined();
  // Whatever is sealed from now on opens again.
  const saved = await store.profiles.put({ ...profileDraft, clientSecret: 'a-new-secret-1234' });
  await expect(store.profiles.get(saved.id)).resolves.toMatchObject({ clientSecret: 'a-new-secret-1234' });
  db.close();
}

describe('a lost sealing key', () => {
  it('deleted while workspaces are sealed under it: a new key, and each workspace needs a reconnect', async () => {
    const db = await linkedDb('deleted');
    await db.delete('keys', 'sealing');
    db.close();
    await expectMarkedForReconnect('deleted');
  });

  it('replaced by a key that does not open its check value: the same', async () => {
    const db = await linkedDb('swapped');
    const record = await db.get('keys', 'sealing');
    if (!record) throw new Error('no key stored');
    await db.put('keys', { ...record, key: await generateSealingKey() });
    db.close();
    await expectMarkedForReconnect('swapped');
  });

  it('a key made before the check value gets one, and keeps opening what it sealed', async () => {
    const db = await linkedDb('old');
    const { check: _check, ...old } = (await db.get('keys', 'sealing'))!;
    await db.put('keys', old);
    const store = createStore(db, await loadSealingKey(db));
    expect((await db.get('keys', 'sealing'))?.check).toBeDefined();
    await expect(store.chains.get(botChain.id)).resolves.toMatchObject({ accessToken: botChain.accessToken });
    await expect(store.accounts.get(accountDraft.id)).resolves.toMatchObject({ status: 'connected' });
    db.close();
  });

  it('with nothing sealed yet, a missing key is made quietly', async () => {
    const db = await openCourierDB('empty');
    await createStore(db, await loadSealingKey(db)).profiles.put({
      ...profileDraft,
      clientType: 'public',
      clientSecret: undefined,
    });
    await db.delete('keys', 'sealing');
    const store = createStore(db, await loadSealingKey(db));
    await expect(store.profiles.list()).resolves.toHaveLength(1);
    db.close();
  });
});
