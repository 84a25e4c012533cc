import { CourierFailure } from '../errors';
import type { WithLock } from '../platform/locks';
import { codeMeaning } from '../slack/codes';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import type { Transport } from '../slack/transport';
import { KEY_LOST_CODE, KeyLostError } from '../store/key-lost';
import type { Chain, ChainKind } from '../store/records';
import { refreshParams } from './authorize';
import { classifyFailure, explain } from './classify';
import { chainFromRefresh, parseRefreshResponse, UnexpectedResponse } from './exchange';
import { isDue } from './margin';
import { hasRunOut, PKCE_REFRESH_LIFETIME_MS, RAN_OUT_CODE, runOutSoon } from './run-out';

export interface ClientCredentials {
  baseUrl: string;
  /** The account's workspace: a refresh may only renew a token of it. */
  teamId: string;
  clientId: string;
  clientSecret?: string;
  /** PKCE: every refresh token Slack issues runs out 30 days later (run-out.ts). */
  publicClient: boolean;
}

export interface RefresherDeps {
  chains: {
    get(id: string): Promise<Chain | undefined>;
    /** Writes `next` only if the stored version is still `expectedVersion`; false otherwise. */
    replace(next: Chain, expectedVersion: number): Promise<boolean>;
    markDead(id: string, code: string): Promise<void>;
    /** Every chain without its tokens (nothing decrypted), or only `accountId`'s chains. */
    listAll(
      accountId?: string,
    ): Promise<
      Pick<
        Chain,
        | 'id'
        | 'accountId'
        | 'kind'
        | 'expiresAt'
        | 'lifetimeMs'
        | 'refreshedAt'
        | 'refreshExpiresAt'
        | 'version'
        | 'dead'
      >[]
    >;
  };
  credentials(accountId: string): Promise<ClientCredentials>;
  transport(baseUrl: string): Transport;
  withLock: WithLock;
  now(): number;
  /** A fraction in [0, 1) that spreads refreshes out; fixed in tests. */
  jitter(): number;
  /** A chain died: the account needs a reconnect. */
  onTerminal(accountId: string, kind: ChainKind, code: string): Promise<void>;
  /**
   * A refresh of a chain whose sign-in runs out within the warning window failed (time to warn),
   * or succeeded (time to stop warning, unless another chain of the account still runs out).
   */
  onRunningOut(accountId: string, refreshFailed: boolean): Promise<void>;
  /** A refresh of one of the account's chains started (true) or ended (false). */
  onRefreshing(accountId: string, active: boolean): void;
  /** Waits between transient retries; instant in tests. */
  sleep(ms: number): Promise<void>;
}

/** Pauses before the 2nd and 3rd attempt when Slack or the network fails transiently. */
const TRANSIENT_BACKOFF_MS = [500, 2_000];
/** A longer Retry-After fails the call now rather than holding the caller and the chain's lock. */
const MAX_RETRY_AFTER_MS = 30_000;

export const chainId = (accountId: string, kind: ChainKind) => `${accountId}:${kind}`;

/** What identifies one stored state of a chain: every write bumps the version; a new link, the time. */
type ChainStamp = Pick<Chain, 'version' | 'refreshedAt' | 'expiresAt'>;
const sameStamp = (a: ChainStamp, b: ChainStamp) =>
  a.version === b.version && a.refreshedAt === b.refreshedAt && a.expiresAt === b.expiresAt;

export function createRefresher(deps: RefresherDeps) {
  const inFlight = new Map<string, Promise<Chain>>();
  /**
   * The decrypted chains of this context, each with the stamp it was read at: a fan-out decrypts
   * its token once, not once per call. Every use checks the stored stamp first (no decryption), so
   * a chain rotated anywhere is read again; a rotation or death here drops the entry at once.
   */
  const opened = new Map<string, { stamp: ChainStamp; chain: Promise<Chain | undefined> }>();

  function needsReconnect(code: string): CourierFailure {
    return new CourierFailure('needs_reconnect', explain(code));
  }

  /** A chain sealed under a key this browser lost is as dead as one Slack refused: said once. */
  async function readChain(id: string): Promise<Chain | undefined> {
    try {
      return await deps.chains.get(id);
    } catch (error) {
      if (error instanceof KeyLostError && !error.chain.dead) {
        await deps.chains.markDead(id, KEY_LOST_CODE);
        await deps.onTerminal(error.chain.accountId, error.chain.kind, KEY_LOST_CODE);
      }
      throw error;
    }
  }

  /**
   * A call said the token is gone. Slack keeps only two live access tokens per chain, so an old
   * one may have been retired by a rotation elsewhere: use the stored one if the chain moved on,
   * otherwise the chain is dead and the account needs a reconnect.
   */
  async function retryOrBury<T>(chain: Chain, code: string, work: (token: string) => Promise<T>): Promise<T> {
    opened.delete(chain.id);
    const stored = await readChain(chain.id);
    if (stored && !stored.dead && stored.version !== chain.version) return work(stored.accessToken);
    if (!stored?.dead) {
      await deps.chains.markDead(chain.id, code);
      await deps.onTerminal(chain.accountId, chain.kind, code);
    }
    throw needsReconnect(stored?.dead?.code ?? code);
  }

  async function exchange(chain: Chain): Promise<Chain> {
    if (!chain.refreshToken) throw needsReconnect('invalid_refresh_token');
    const credentials = await deps.credentials(chain.accountId);
    const transport = deps.transport(credentials.baseUrl);
    const params = refreshParams({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      refreshToken: chain.refreshToken,
    });
    const answer = parseRefreshResponse(await transport.call('oauth.v2.access', Object.fromEntries(params)));
    // An answer like any other that is not Slack's: the chain stays as it was (see classify).
    if (answer.team && answer.team.id !== credentials.teamId) {
      throw new UnexpectedResponse('oauth.v2.access', 'renewed a token of another workspace');
    }
    const lifetime = credentials.publicClient ? PKCE_REFRESH_LIFETIME_MS : undefined;
    return chainFromRefresh(chain, answer, deps.now(), lifetime);
  }

  /** One attempt loop under the lock: re-read, skip if someone else already refreshed, else rotate. */
  async function rotate(id: string, seenVersion: number, force: boolean, aheadMs = 0): Promise<Chain> {
    return deps.withLock(`courier-chain:${id}`, async () => {
      const current = await readChain(id);
      if (!current) throw needsReconnect('invalid_auth');
      if (current.dead) throw needsReconnect(current.dead.code);
      if (current.version !== seenVersion) return current;
      if (!force && !isDue(current, deps.now() + aheadMs, deps.jitter())) return current;
      // Warning is best effort: it must never turn a stored refresh into a failure, or a retry.
      const runningOut = runOutSoon(current, deps.now()) !== undefined;
      const recheckRunOut = (failed: boolean) =>
        runningOut ? deps.onRunningOut(current.accountId, failed).catch(() => undefined) : undefined;
      for (let attempt = 0; ; attempt++) {
        try {
          const next = await exchange(current);
          // The new pair is stored before anyone uses it; the old refresh token dies after a grace.
          const replaced = await deps.chains.replace(next, current.version);
          await recheckRunOut(false);
          if (replaced) return next;
          return (await readChain(id)) ?? next;
        } catch (error) {
          const kind = classify(error);
          if (kind === 'terminal') {
            // A context that does not share this lock may have rotated meanwhile: then the token
            // sent had been traded already, and the chain it left behind is fine.
            const stored = await readChain(id);
            if (stored && stored.version !== current.version) {
              if (stored.dead) throw needsReconnect(stored.dead.code);
              return stored;
            }
            const refused = error instanceof SlackApiError ? error.code : 'invalid_refresh_token';
            // Slack names no reason; Courier knows when a PKCE refresh token's 30 days were up.
            const ranOut = refused === 'invalid_refresh_token' && hasRunOut(current, deps.now());
            const code = ranOut ? RAN_OUT_CODE : refused;
            await deps.chains.markDead(id, code);
            await deps.onTerminal(current.accountId, current.kind, code);
            throw needsReconnect(code);
          }
          const stillValid = current.expiresAt === undefined || current.expiresAt > deps.now();
          const backoff = TRANSIENT_BACKOFF_MS[attempt];
          // Slack's Retry-After is a floor; one beyond the cap is left to the next check.
          const asked = error instanceof SlackTransportError ? (error.retryAfter ?? 0) * 1000 : 0;
          const givingUp = (stillValid && !force) || backoff === undefined || asked > MAX_RETRY_AFTER_MS;
          if (givingUp) await recheckRunOut(true);
          // A token that still works is better than an error; the next check tries again.
          if (stillValid && !force) return current;
          if (backoff === undefined || asked > MAX_RETRY_AFTER_MS) throw transientFailure(error);
          await deps.sleep(Math.max(backoff, asked));
        }
      }
    });
  }

  /** Single flight per chain in this context; Web Locks extend it to every other context. */
  function refresh(id: string, seenVersion: number, force: boolean, accountId: string, aheadMs = 0): Promise<Chain> {
    const running = inFlight.get(id);
    if (running) return running;
    deps.onRefreshing(accountId, true);
    const started = rotate(id, seenVersion, force, aheadMs).finally(() => {
      opened.delete(id);
      inFlight.delete(id);
      deps.onRefreshing(accountId, false);
    });
    inFlight.set(id, started);
    return started;
  }

  /** The stored chain, decrypted only when its stamp changed since this context last read it. */
  async function storedChain(accountId: string, id: string): Promise<Chain | undefined> {
    const stamp = (await deps.chains.listAll(accountId)).find((meta) => meta.id === id);
    if (!stamp) {
      opened.delete(id);
      return undefined;
    }
    const cached = opened.get(id);
    if (cached && sameStamp(cached.stamp, stamp)) return cached.chain;
    const chain = readChain(id);
    const entry = { stamp, chain };
    opened.set(id, entry);
    // A failed read is not kept: the next use tries again.
    chain.catch(() => opened.get(id) === entry && opened.delete(id));
    return chain;
  }

  async function currentChain(accountId: string, kind: ChainKind): Promise<Chain> {
    const id = chainId(accountId, kind);
    const chain = await storedChain(accountId, id);
    if (!chain) {
      throw new CourierFailure(
        'needs_reconnect',
        kind === 'user'
          ? 'This workspace was linked without user scopes. Reconnect it with the user scopes this action needs.'
          : 'This workspace was linked without bot scopes. Reconnect it with the bot scopes this action needs.',
      );
    }
    if (chain.dead) throw needsReconnect(chain.dead.code);
    if (isDue(chain, deps.now(), deps.jitter())) return refresh(id, chain.version, false, accountId);
    return chain;
  }

  return {
    /**
     * Runs `work` with a fresh access token of the chain. A call that Slack answers with
     * token_expired refreshes once and retries once; nothing else is retried here.
     */
    async withToken<T>(accountId: string, kind: ChainKind, work: (token: string) => Promise<T>): Promise<T> {
      const chain = await currentChain(accountId, kind);
      try {
        return await work(chain.accessToken);
      } catch (error) {
        if (!(error instanceof SlackApiError)) throw error;
        // The token itself is gone, not the call wrong (lib/slack/codes.ts).
        if (codeMeaning(error.code)?.dead) return retryOrBury(chain, error.code, work);
        if (error.code !== 'token_expired') throw error;
        const renewed = await refresh(chain.id, chain.version, true, accountId);
        return work(renewed.accessToken);
      }
    },

    /**
     * The alarm's backstop: refresh every live chain that is due, one after another, or due within
     * `aheadMs` (the alarm's minimum delay: a chain due just after this wake would otherwise wait
     * for the next alarm, a minute later).
     */
    async refreshDue(aheadMs = 0): Promise<{ refreshed: number; failed: number }> {
      let refreshed = 0;
      let failed = 0;
      for (const meta of await deps.chains.listAll()) {
        if (meta.dead || !isDue(meta, deps.now() + aheadMs, deps.jitter())) continue;
        try {
          await refresh(meta.id, meta.version, false, meta.accountId, aheadMs);
          refreshed++;
        } catch {
          failed++;
        }
      }
      return { refreshed, failed };
    },
  };
}

export type Refresher = ReturnType<typeof createRefresher>;

function classify(error: unknown): 'terminal' | 'transient' {
  if (error instanceof SlackApiError) return classifyFailure(error.code) === 'terminal' ? 'terminal' : 'transient';
  if (error instanceof SlackTransportError) return 'transient';
  if (error instanceof CourierFailure) return 'terminal';
  // A response that passed the envelope but not the schema: treat as Slack misbehaving, try later.
  return 'transient';
}

function transientFailure(error: unknown): CourierFailure {
  if (error instanceof SlackTransportError && (error.failure === 'network' || error.failure === 'timeout')) {
    return new CourierFailure(
      'offline',
      'Slack could not be reached to renew the token. Check your connection; Courier will retry.',
    );
  }
  if (error instanceof SlackTransportError && error.failure === 'rate_limited') {
    return new CourierFailure(
      'rate_limited',
      `Slack is rate limiting token renewal. Courier will retry in ${error.retryAfter ?? 1} s.`,
    );
  }
  return new CourierFailure(
    'slack_error',
    'Slack is having trouble renewing the token right now. Courier will retry shortly.',
  );
}
