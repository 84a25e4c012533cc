import type { IDBPDatabase } from 'idb';
import type { Sealed } from '../crypto/seal';
import { open, seal } from '../crypto/seal';
import { linkedAccount } from './linked-account';
import { KeyLostError } from './key-lost';
import type { CourierDB } from './db';
import type { Account, AccountDraft, Chain, ChainDraft, ChainMeta, StoredChain } from './records';
import { chainMetaSchema, chainSchema, chainTokensSchema, readRecord, storedChainSchema } from './records';

export interface ChainsRepo {
  get(id: string): Promise<Chain | undefined>;
  listByAccount(accountId: string): Promise<Chain[]>;
  /** Chains without their tokens (all, or one account's): cheap, nothing is decrypted. */
  listMeta(accountId?: string): Promise<ChainMeta[]>;
  /**
   * Compare-and-swap: writes the chain as version `expectedVersion + 1` only if the stored chain is
   * still at `expectedVersion`. False means another context wrote first (or the chain is gone):
   * re-read instead of writing over a newer refresh token.
   */
  replace(chain: ChainDraft, expectedVersion: number): Promise<boolean>;
  /** Records a terminal failure; false when there is no such chain. */
  markDead(id: string, code: string): Promise<boolean>;
  /**
   * The link step: the account and exactly these chains, in one transaction. Chains the account
   * had before and that are not listed are removed; re-linked ones get a newer version, so an
   * in-flight refresh of the old pair cannot overwrite the new one.
   */
  saveLinked(account: AccountDraft, chains: readonly ChainDraft[]): Promise<Account>;
}

/**
 * Per account, the earliest end of its live chains' refresh tokens: when its sign-in runs out if
 * nothing renews it, since any chain that runs out needs a reconnect. Accounts without any are left out.
 */
export function signInEnds(chains: Iterable<Pick<ChainMeta, 'accountId' | 'refreshExpiresAt' | 'dead'>>) {
  const ends = new Map<string, number>();
  for (const { accountId, refreshExpiresAt: at, dead } of chains) {
    if (at !== undefined && !dead && at < (ends.get(accountId) ?? Infinity)) ends.set(accountId, at);
  }
  return ends;
}

// Binds the sealed tokens to their chain: a blob copied onto another chain does not open.
const tokensAad = (id: string): string => JSON.stringify(['chain', id, 'tokens']);

function storedChain(chain: Chain, sealedTokens: Sealed): StoredChain {
  const { accessToken: _access, refreshToken: _refresh, ...meta } = chain;
  return { ...meta, sealedTokens };
}

export function chainsRepo(db: IDBPDatabase<CourierDB>, key: CryptoKey, now: () => number = Date.now): ChainsRepo {
  async function reveal(value: unknown): Promise<Chain> {
    const { sealedTokens, ...meta } = readRecord(storedChainSchema, 'chains', value);
    const sealed = await open(key, sealedTokens, tokensAad(meta.id)).catch(() => {
      throw new KeyLostError(meta);
    });
    const tokens = chainTokensSchema.parse(JSON.parse(sealed));
    return chainSchema.parse({ ...meta, ...tokens });
  }

  // Sealed before any transaction opens: awaiting crypto inside one would commit it early. The
  // version is set inside the transaction, from what is stored there.
  async function sealDraft(draft: ChainDraft): Promise<StoredChain> {
    const chain = chainSchema.parse({ ...draft, version: 0 });
    const tokens = { accessToken: chain.accessToken, refreshToken: chain.refreshToken };
    return storedChain(chain, await seal(key, JSON.stringify(tokens), tokensAad(chain.id)));
  }

  return {
    async get(id) {
      const record = await db.get('chains', id);
      return record === undefined ? undefined : reveal(record);
    },
    async listByAccount(accountId) {
      return Promise.all((await db.getAllFromIndex('chains', 'byAccount', accountId)).map(reveal));
    },
    async listMeta(accountId) {
      const values =
        accountId === undefined
          ? await db.getAll('chains')
          : await db.getAllFromIndex('chains', 'byAccount', accountId);
      return values.map((value) => readRecord(chainMetaSchema, 'chains', value));
    },
    async replace(draft, expectedVersion) {
      const record = await sealDraft(draft);
      const tx = db.transaction('chains', 'readwrite');
      const current = chainMetaSchema.safeParse(await tx.store.get(draft.id)).data;
      if (current?.version !== expectedVersion) {
        await tx.done;
        return false;
      }
      await Promise.all([tx.store.put({ ...record, version: expectedVersion + 1 }), tx.done]);
      return true;
    },
    async markDead(id, code) {
      const tx = db.transaction('chains', 'readwrite');
      const record = await tx.store.get(id);
      if (record === undefined) return false;
      const chain = readRecord(storedChainSchema, 'chains', record);
      await Promise.all([tx.store.put({ ...chain, version: chain.version + 1, dead: { code, at: now() } }), tx.done]);
      return true;
    },
    async saveLinked(draft, drafts) {
      const stray = drafts.find((chain) => chain.accountId !== draft.id);
      if (stray) throw new Error(`Chain ${stray.id} does not belong to account ${draft.id}.`);
      const records = await Promise.all(drafts.map(sealDraft));
      const at = now();
      const tx = db.transaction(['profiles', 'accounts', 'chains'], 'readwrite');
      const chains = tx.objectStore('chains');
      // Nothing is written yet, so throwing lets the transaction commit empty.
      if ((await tx.objectStore('profiles').count(draft.profileId)) === 0) {
        throw new Error(`Profile ${draft.profileId} was removed while its workspace was being linked.`);
      }
      const account = linkedAccount(draft, await tx.objectStore('accounts').get(draft.id), at);
      const previous = new Map(
        (await chains.index('byAccount').getAll(draft.id)).map((value) => {
          const chain = readRecord(chainMetaSchema, 'chains', value);
          return [chain.id, chain.version] as const;
        }),
      );
      const keep = new Set(records.map((record) => record.id));
      await Promise.all([
        tx.objectStore('accounts').put(account),
        ...records.map((record) => chains.put({ ...record, version: (previous.get(record.id) ?? 0) + 1 })),
        ...[...previous.keys()].filter((id) => !keep.has(id)).map((id) => chains.delete(id)),
        tx.done,
      ]);
      return account;
    },
  };
}
