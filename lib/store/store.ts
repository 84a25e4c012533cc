import type { IDBPDatabase } from 'idb';
import type { AccountsRepo } from './accounts';
import { accountsRepo } from './accounts';
import type { ChainsRepo } from './chains';
import { chainsRepo } from './chains';
import type { CourierDB } from './db';
import { DB_NAME, openCourierDB } from './db';
import { directoryRepo, type DirectoryRepo } from './directory';
import { historyRepo, type HistoryRepo } from './history';
import { outboxRepo, type OutboxRepo } from './outbox';
import { loadSealingKey } from './keys';
import type { ProfilesRepo } from './profiles';
import { profilesRepo } from './profiles';

/**
 * The store: everything Courier keeps in IndexedDB, one repository per record (profiles, accounts
 * and chains sealed where they hold secrets; the outbox, history and directory), opened and
 * migrated (migrations/) by the background alone. Settings that pages read too live in
 * storage.local instead (settings.ts). Rooms above take the repositories they use, never `db`,
 * which is for migrations, diagnostics and tests.
 */
export interface CourierStore {
  db: IDBPDatabase<CourierDB>;
  profiles: ProfilesRepo;
  accounts: AccountsRepo;
  chains: ChainsRepo;
  outbox: OutboxRepo;
  history: HistoryRepo;
  directory: DirectoryRepo;
}

export function createStore(db: IDBPDatabase<CourierDB>, key: CryptoKey, now: () => number = Date.now): CourierStore {
  return {
    db,
    profiles: profilesRepo(db, key, now),
    accounts: accountsRepo(db, now),
    chains: chainsRepo(db, key, now),
    outbox: outboxRepo(db),
    history: historyRepo(db),
    directory: directoryRepo(db),
  };
}

/**
 * Opens the database (migrating it) and loads the sealing key. Only the background calls this:
 * it is the one writer of tokens and secrets; pages get summaries through the protocol.
 */
export async function openStore(name = DB_NAME): Promise<CourierStore> {
  const db = await openCourierDB(name);
  return createStore(db, await loadSealingKey(db));
}
