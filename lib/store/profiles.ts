import type { IDBPDatabase } from 'idb';
import { open, seal } from '../crypto/seal';
import { deleteAccounts } from './cascade';
import type { CourierDB } from './db';
import type { Profile, ProfileDraft, StoredProfile } from './records';
import { profileSchema, readRecord, storedProfileSchema } from './records';

export interface ProfilesRepo {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  /** Replaces the whole profile: a draft without `clientSecret` stores none. */
  put(draft: ProfileDraft): Promise<Profile>;
  /** Removes the profile with its accounts and their chains. */
  remove(id: string): Promise<void>;
}

// Binds the sealed secret to its profile: a blob copied onto another profile does not open.
const secretAad = (profileId: string): string => JSON.stringify(['profile', profileId, 'clientSecret']);

export function profilesRepo(db: IDBPDatabase<CourierDB>, key: CryptoKey, now: () => number = Date.now): ProfilesRepo {
  async function reveal(value: unknown): Promise<Profile> {
    const { sealedSecret, ...fields } = readRecord(storedProfileSchema, 'profiles', value);
    if (sealedSecret === undefined) return profileSchema.parse(fields);
    // Sealed under a key this browser lost: the profile still lists, and its form asks for the secret.
    const clientSecret = await open(key, sealedSecret, secretAad(fields.id)).catch(() => undefined);
    return clientSecret === undefined
      ? { ...profileSchema.parse(fields), secretLost: true }
      : profileSchema.parse({ ...fields, clientSecret });
  }

  return {
    async list() {
      return Promise.all((await db.getAll('profiles')).map(reveal));
    },
    async get(id) {
      const record = await db.get('profiles', id);
      return record === undefined ? undefined : reveal(record);
    },
    async put(draft) {
      const at = now();
      const profile = profileSchema.parse({ ...draft, createdAt: at, updatedAt: at });
      const { clientSecret, ...fields } = profile;
      // Sealed before the transaction opens: awaiting crypto inside it would commit it early.
      const sealedSecret =
        clientSecret === undefined ? undefined : await seal(key, clientSecret, secretAad(profile.id));
      const tx = db.transaction('profiles', 'readwrite');
      const createdAt = storedProfileSchema.safeParse(await tx.store.get(profile.id)).data?.createdAt ?? at;
      const record: StoredProfile = { ...fields, createdAt, ...(sealedSecret === undefined ? {} : { sealedSecret }) };
      await Promise.all([tx.store.put(record), tx.done]);
      return { ...profile, createdAt };
    },
    async remove(id) {
      const tx = db.transaction(['profiles', 'accounts', 'chains'], 'readwrite');
      const accountIds = await tx.objectStore('accounts').index('byProfile').getAllKeys(id);
      await Promise.all([tx.objectStore('profiles').delete(id), deleteAccounts(tx, accountIds), tx.done]);
    },
  };
}
