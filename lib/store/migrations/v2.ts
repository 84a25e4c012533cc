import type { DBSchema } from 'idb';
import { unwrap } from 'idb';
import type { Migration } from './migration';
import { rewriteEach } from './migration';
import type { AccountV1, ProfileV1 } from './v1';

interface SealedV2 {
  iv: Uint8Array;
  data: Uint8Array;
}

export interface ProfileV2 {
  id: string;
  name: string;
  baseUrl: string;
  clientType: 'confidential' | 'public';
  clientId: string;
  botScopes: string[];
  userScopes: string[];
  actions: string[];
  createdAt: number;
  updatedAt: number;
  sealedSecret?: SealedV2;
}

export interface AccountV2 {
  id: string;
  profileId: string;
  teamId: string;
  teamName: string;
  teamUrl?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  appId: string;
  botUserId?: string;
  authedUserId?: string;
  botScopes: string[];
  userScopes: string[];
  status: 'connected' | 'refreshing' | 'needs_reconnect';
  reason?: string;
  linkedAt: number;
  updatedAt: number;
}

export interface KeyV2 {
  id: string;
  key: CryptoKey;
  createdAt: number;
  [more: string]: unknown;
}

/** A token chain: what the byAccount index reads, the rest sealed or metadata. */
export interface ChainV2 {
  id: string;
  accountId: string;
  kind: 'bot' | 'user';
  [more: string]: unknown;
}

export interface SchemaV2 extends DBSchema {
  profiles: { key: string; value: ProfileV2 };
  accounts: { key: string; value: AccountV2; indexes: { byTeam: string; byProfile: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: KeyV2 };
  chains: { key: string; value: ChainV2; indexes: { byAccount: string } };
}

/**
 * Version 1 → 2: adds the sealing key store and token chains, and rebuilds version 1 records into
 * the version 2 shape.
 *
 * Version 1 defined only the fields copied below; anything else was never written by Courier and is
 * dropped on purpose, which also guarantees no secret stays behind in clear (one cannot be sealed
 * here: awaiting crypto would end the upgrade transaction). Version 1 kept no tokens, so its
 * accounts must be reconnected.
 */
export const migrateToV2: Migration<SchemaV2> = (db, tx) => {
  db.createObjectStore('keys', { keyPath: 'id' });
  db.createObjectStore('chains', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
  const now = Date.now();
  rewriteEach(unwrap(tx.objectStore('profiles')), (old: ProfileV1): ProfileV2 => ({
    id: old.id,
    name: typeof old.name === 'string' && old.name !== '' ? old.name : 'Unnamed profile',
    baseUrl: 'https://slack.com',
    clientType: 'confidential',
    clientId: '',
    botScopes: [],
    userScopes: [],
    actions: [],
    createdAt: now,
    updatedAt: now,
  }));
  rewriteEach(unwrap(tx.objectStore('accounts')), (old: AccountV1): AccountV2 => ({
    id: old.id,
    profileId: old.profileId,
    teamId: old.teamId,
    teamName: old.teamName,
    appId: '',
    botScopes: [],
    userScopes: [],
    status: 'needs_reconnect',
    reason: 'Reconnect this workspace: Courier now keeps its tokens encrypted and needs new ones.',
    linkedAt: now,
    updatedAt: now,
  }));
};
