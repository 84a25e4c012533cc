import type { IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import type { AccountStatus, AccountSummary } from '../protocol';
import { deleteAccounts } from './cascade';
import type { CourierDB } from './db';
import type { Account, AccountDraft } from './records';
import { signInEnds } from './chains';
import { linkedAccount } from './linked-account';
import { accountSchema, chainMetaSchema, readRecord, storedProfileSchema } from './records';

export interface AccountsRepo {
  list(): Promise<Account[]>;
  get(id: string): Promise<Account | undefined>;
  listByProfile(profileId: string): Promise<Account[]>;
  /** Links a team, or updates it in place when it is already linked (keeping when it was first linked). */
  upsert(draft: AccountDraft): Promise<Account>;
  /** Returns the updated account, or undefined when there is none. */
  setStatus(id: string, status: AccountStatus, reason?: string): Promise<Account | undefined>;
  /** Remembers that the person was warned their sign-in ends at `endsAt`. */
  noteRunOutWarning(id: string, endsAt: number): Promise<void>;
  /** Removes the account and its token chains together. */
  remove(id: string): Promise<void>;
  /** The accounts for display, with their profile's name (listAccountSummaries). */
  summaries(): Promise<AccountSummary[]>;
}

const profileNameSchema = z.pick(storedProfileSchema, { id: true, name: true });
const read = (value: unknown): Account => readRecord(accountSchema, 'accounts', value);

export function accountsRepo(db: IDBPDatabase<CourierDB>, now: () => number = Date.now): AccountsRepo {
  return {
    async list() {
      return (await db.getAll('accounts')).map(read);
    },
    async get(id) {
      const record = await db.get('accounts', id);
      return record === undefined ? undefined : read(record);
    },
    async listByProfile(profileId) {
      return (await db.getAllFromIndex('accounts', 'byProfile', profileId)).map(read);
    },
    async upsert(draft) {
      const tx = db.transaction('accounts', 'readwrite');
      const account = linkedAccount(draft, await tx.store.get(draft.id), now());
      await Promise.all([tx.store.put(account), tx.done]);
      return account;
    },
    async setStatus(id, status, reason) {
      const tx = db.transaction('accounts', 'readwrite');
      const record = await tx.store.get(id);
      if (record === undefined) return undefined;
      const { reason: _previous, ...rest } = read(record);
      const account: Account = { ...rest, status, ...(reason === undefined ? {} : { reason }), updatedAt: now() };
      await Promise.all([tx.store.put(account), tx.done]);
      return account;
    },
    async noteRunOutWarning(id, endsAt) {
      const tx = db.transaction('accounts', 'readwrite');
      const record = await tx.store.get(id);
      if (record !== undefined) await tx.store.put({ ...read(record), runOutWarnedFor: endsAt });
      await tx.done;
    },
    async remove(id) {
      const tx = db.transaction(['profiles', 'accounts', 'chains'], 'readwrite');
      await Promise.all([deleteAccounts(tx, [id]), tx.done]);
    },
    summaries: () => listAccountSummaries(db),
  };
}

/** What pages see of an account: no token material, nothing decrypted. */
export function accountSummary(account: Account, profileName?: string, signInEndsAt?: number): AccountSummary {
  return {
    id: account.id,
    profileId: account.profileId,
    ...(profileName === undefined ? {} : { profileName }),
    teamId: account.teamId,
    teamName: account.teamName,
    ...(account.authedUserId ? { authedUserId: account.authedUserId } : {}),
    botScopes: account.botScopes,
    userScopes: account.userScopes,
    status: account.status,
    ...(account.reason === undefined ? {} : { reason: account.reason }),
    ...(signInEndsAt === undefined ? {} : { signInEndsAt }),
  };
}

/** Lists linked accounts for display; never includes token material, and decrypts nothing. */
export async function listAccountSummaries(db: IDBPDatabase<CourierDB>): Promise<AccountSummary[]> {
  const accounts = await accountsRepo(db).list();
  const ends = signInEnds((await db.getAll('chains')).map((value) => readRecord(chainMetaSchema, 'chains', value)));
  const profileNames = new Map(
    (await db.getAll('profiles')).map((value) => {
      const { id, name } = readRecord(profileNameSchema, 'profiles', value);
      return [id, name] as const;
    }),
  );
  return accounts
    .map((account) => accountSummary(account, profileNames.get(account.profileId), ends.get(account.id)))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}
