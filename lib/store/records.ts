import * as z from 'zod/mini';
import type { Sealed } from '../crypto/seal';
import type { AccountStatus } from '../protocol';

/**
 * The single source of the record types. Records read back from IndexedDB are a boundary: another
 * version of Courier, a half-applied migration or a hand edit may have written them, so every
 * repository parses what it reads with these schemas.
 */

export const DEFAULT_BASE_URL = 'https://slack.com';

export const accountId = (profileId: string, teamId: string): string => `${profileId}:${teamId}`;
export const chainId = (accountOf: string, kind: ChainKind): string => `${accountOf}:${kind}`;

const id = z.string().check(z.minLength(1));
const time = z.number().check(z.nonnegative());
const strings = z.array(z.string());

// Checked lazily: WXT evaluates modules at build time, where only plain globals are guaranteed.
const bytes = z.custom<Uint8Array<ArrayBuffer>>(
  (value) => value instanceof Uint8Array && value.buffer instanceof ArrayBuffer,
  'Expected bytes',
);

export const sealedSchema = z.object({
  iv: bytes.check(z.refine((iv) => iv.byteLength === 12, 'Expected a 12-byte IV')),
  data: bytes,
}) satisfies z.ZodMiniType<Sealed>;

const profileFields = {
  id,
  name: z.string().check(z.minLength(1)),
  baseUrl: z._default(z.url({ protocol: /^https?$/ }), DEFAULT_BASE_URL),
  clientType: z.enum(['confidential', 'public']),
  // Empty while the person has not pasted it yet; connecting checks it.
  clientId: z.string(),
  botScopes: strings,
  userScopes: strings,
  actions: strings,
  createdAt: time,
  updatedAt: time,
};

export const profileSchema = z
  .object({ ...profileFields, clientSecret: z.optional(z.string().check(z.minLength(1))) })
  .check(
    z.refine((profile) => profile.clientType === 'confidential' || profile.clientSecret === undefined, {
      message: 'A public client has no client secret',
      path: ['clientSecret'],
    }),
  );
/** `secretLost`: a client secret is stored but sealed under a key this browser no longer has. */
export type Profile = z.output<typeof profileSchema> & { secretLost?: true };
/** What callers hand to `profiles.put`; the repository stamps the times. */
export type ProfileDraft = Omit<z.input<typeof profileSchema>, 'createdAt' | 'updatedAt'>;

export const storedProfileSchema = z.object({ ...profileFields, sealedSecret: z.optional(sealedSchema) });
export type StoredProfile = z.output<typeof storedProfileSchema>;

export const accountStatusSchema = z.enum([
  'connected',
  'refreshing',
  'needs_reconnect',
]) satisfies z.ZodMiniType<AccountStatus>;

export const accountSchema = z
  .object({
    id,
    profileId: id,
    teamId: id,
    teamName: z.string(),
    teamUrl: z.optional(z.string()),
    enterpriseId: z.optional(z.string()),
    enterpriseName: z.optional(z.string()),
    appId: z.string(),
    botUserId: z.optional(z.string()),
    authedUserId: z.optional(z.string()),
    botScopes: strings,
    userScopes: strings,
    status: accountStatusSchema,
    reason: z.optional(z.string()),
    /** The sign-in end (lib/auth/run-out.ts) last warned about, so each end is warned about once. */
    runOutWarnedFor: z.optional(time),
    linkedAt: time,
    updatedAt: time,
  })
  .check(
    z.refine((account) => account.id === accountId(account.profileId, account.teamId), {
      message: 'An account id is its profile id and team id',
      path: ['id'],
    }),
  );
export type Account = z.output<typeof accountSchema>;
/** What the link step hands to `accounts.upsert`; the repository stamps the times. */
export type AccountDraft = Omit<Account, 'linkedAt' | 'updatedAt'>;

export const chainKindSchema = z.enum(['bot', 'user']);
export type ChainKind = z.output<typeof chainKindSchema>;

const chainMetaFields = {
  id,
  accountId: id,
  kind: chainKindSchema,
  /** Absent: the token does not expire (token rotation is off for this app). */
  expiresAt: z.optional(time),
  /** The `expires_in` the token was issued with, so the refresh margin can scale with it. */
  lifetimeMs: z.optional(z.number().check(z.positive())),
  scopes: strings,
  /** Bumped on every write; a refresh only writes if the version it read is still current. */
  version: z.int().check(z.nonnegative()),
  refreshedAt: time,
  /**
   * When the current refresh token runs out: set for public clients (PKCE), whose refresh tokens
   * Slack ends 30 days after issue (lib/auth/run-out.ts). Absent for confidential clients, and for
   * chains stored before Courier kept it: those are unknown until their next refresh, which the
   * daily floor (lib/auth/margin.ts) brings within a day. Being optional, it needs no migration.
   */
  refreshExpiresAt: z.optional(time),
  /** Set on a terminal refresh failure; the account then needs a reconnect. */
  dead: z.optional(z.object({ code: z.string(), at: time })),
};

const chainIdMatches = {
  check: (chain: { id: string; accountId: string; kind: ChainKind }) =>
    chain.id === chainId(chain.accountId, chain.kind),
  params: { message: 'A chain id is its account id and kind', path: ['id'] },
};

export const chainTokensSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  /** Absent for tokens that do not rotate. */
  refreshToken: z.optional(z.string().check(z.minLength(1))),
});
export type ChainTokens = z.output<typeof chainTokensSchema>;

export const chainMetaSchema = z.object(chainMetaFields).check(z.refine(chainIdMatches.check, chainIdMatches.params));
/** A chain without its tokens: enough to schedule refreshes without decrypting anything. */
export type ChainMeta = z.output<typeof chainMetaSchema>;

export const chainSchema = z
  .object({ ...chainMetaFields, ...chainTokensSchema.shape })
  .check(z.refine(chainIdMatches.check, chainIdMatches.params));
export type Chain = z.output<typeof chainSchema>;
/** What callers write; the repository sets the version. */
export type ChainDraft = Omit<Chain, 'version'>;

export const storedChainSchema = z
  .object({ ...chainMetaFields, sealedTokens: sealedSchema })
  .check(z.refine(chainIdMatches.check, chainIdMatches.params));
export type StoredChain = z.output<typeof storedChainSchema>;

export const keyRecordSchema = z.object({
  id,
  key: z.custom<CryptoKey>(
    (value) => value instanceof CryptoKey && value.algorithm.name === 'AES-GCM' && !value.extractable,
    'Expected a non-extractable AES-GCM key',
  ),
  createdAt: time,
  /** A value sealed under the key when it was made: if it no longer opens, the key is not that one. */
  check: z.optional(sealedSchema),
});
export type KeyRecord = z.output<typeof keyRecordSchema>;

/** A stored record failed its schema: a bug or a foreign write, never a person's mistake. */
export class StoredRecordError extends Error {
  constructor(store: string, cause: unknown) {
    super(`A record in the ${store} store does not have the expected shape.`, { cause });
    this.name = 'StoredRecordError';
  }
}

export function readRecord<T>(schema: z.ZodMiniType<T>, store: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredRecordError(store, result.error);
  return result.data;
}
