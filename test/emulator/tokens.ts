import { randomBytes } from 'node:crypto';
import type { TokenType } from './model';

/** One authorization's token lineage: the bot chain, or one user's chain, of one install. */
export interface Chain {
  id: string;
  teamId: string;
  appId: string;
  clientId: string;
  type: TokenType;
  /** The bot user for bot chains, the authed user for user chains. */
  userId: string;
  botId?: string;
  scopes: string[];
  /** Issued through PKCE: refreshes may then omit the client secret. */
  publicClient: boolean;
  refreshes: number;
  accessTokens: string[];
}

export interface AccessToken {
  value: string;
  chainId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  value: string;
  chainId: string;
  revoked: boolean;
  /** PKCE chains only: Slack refuses the token from then on, traded or not (slack-api.md §1.2). */
  expiresAt?: number;
  /** Set when first traded in; the token keeps working until retiredAt + grace. */
  retiredAt?: number;
}

export type AccessLookup =
  | { ok: true; chain: Chain; token: AccessToken }
  | { ok: false; error: 'invalid_auth' | 'token_revoked' | 'token_expired' };

export interface IssuedPair {
  chain: Chain;
  access: AccessToken;
  refresh: RefreshToken;
}

// Slack keeps at most two live access tokens per authorization and revokes the oldest extra one.
const MAX_LIVE_ACCESS_TOKENS = 2;

function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenStore {
  readonly chains = new Map<string, Chain>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private chainSeq = 0;

  createChain(init: Omit<Chain, 'id' | 'refreshes' | 'accessTokens'>): Chain {
    this.chainSeq += 1;
    const chain: Chain = { ...init, id: `${init.type}-${this.chainSeq}`, refreshes: 0, accessTokens: [] };
    this.chains.set(chain.id, chain);
    return chain;
  }

  /** `refreshLifetimeSeconds` is given for PKCE chains, whose refresh tokens expire. */
  issue(chain: Chain, now: number, lifetimeSeconds: number, refreshLifetimeSeconds?: number): IssuedPair {
    const prefix = chain.type === 'bot' ? 'xoxe.xoxb-1-' : 'xoxe.xoxp-1-';
    const access: AccessToken = {
      value: prefix + secret(36),
      chainId: chain.id,
      issuedAt: now,
      expiresAt: now + lifetimeSeconds * 1000,
      revoked: false,
    };
    const refresh: RefreshToken = {
      value: 'xoxe-1-' + secret(48),
      chainId: chain.id,
      revoked: false,
      ...(refreshLifetimeSeconds === undefined ? {} : { expiresAt: now + refreshLifetimeSeconds * 1000 }),
    };
    this.access.set(access.value, access);
    this.refresh.set(refresh.value, refresh);
    chain.accessTokens.push(access.value);
    this.enforceLiveLimit(chain, now);
    return { chain, access, refresh };
  }

  private enforceLiveLimit(chain: Chain, now: number): void {
    const live = chain.accessTokens
      .map((value) => this.access.get(value))
      .filter((t): t is AccessToken => t !== undefined && !t.revoked && t.expiresAt > now);
    for (const token of live.slice(0, Math.max(0, live.length - MAX_LIVE_ACCESS_TOKENS))) token.revoked = true;
  }

  lookupAccess(value: string, now: number): AccessLookup {
    const token = this.access.get(value);
    const chain = token && this.chains.get(token.chainId);
    if (!token || !chain) return { ok: false, error: 'invalid_auth' };
    if (token.revoked) return { ok: false, error: 'token_revoked' };
    if (token.expiresAt <= now) return { ok: false, error: 'token_expired' };
    return { ok: true, chain, token };
  }

  lookupRefresh(value: string): { token: RefreshToken; chain: Chain } | undefined {
    const token = this.refresh.get(value);
    const chain = token && this.chains.get(token.chainId);
    return token && chain ? { token, chain } : undefined;
  }

  /** Trades a refresh token for a new pair, or says why it cannot. */
  rotate(
    value: string,
    now: number,
    lifetimeSeconds: number,
    graceSeconds: number,
    refreshLifetimeSeconds?: number,
  ): IssuedPair | { error: 'invalid_refresh_token' } {
    const found = this.lookupRefresh(value);
    if (!found || found.token.revoked) return { error: 'invalid_refresh_token' };
    const { token, chain } = found;
    // An expired refresh token is as dead as a revoked one, grace or not: Slack answers the same.
    if (token.expiresAt !== undefined && now >= token.expiresAt) return { error: 'invalid_refresh_token' };
    if (token.retiredAt !== undefined && now > token.retiredAt + graceSeconds * 1000) {
      token.revoked = true;
      return { error: 'invalid_refresh_token' };
    }
    // A second trade inside the grace window succeeds too (Slack does the same; see I-2504), but the
    // grace is counted from the first trade.
    token.retiredAt ??= now;
    chain.refreshes += 1;
    return this.issue(chain, now, lifetimeSeconds, refreshLifetimeSeconds);
  }

  /** Revokes one token, access or refresh. Returns false for unknown tokens. */
  revokeToken(value: string): boolean {
    const token = this.access.get(value) ?? this.refresh.get(value);
    if (!token) return false;
    token.revoked = true;
    return true;
  }

  /** The chain behind an access or refresh token, whatever state the token is in. */
  chainOf(value: string): Chain | undefined {
    const token = this.access.get(value) ?? this.refresh.get(value);
    return token && this.chains.get(token.chainId);
  }

  /**
   * Revokes the tokens of every chain `pick` selects; kinds 'refresh' leaves access tokens working
   * (what regenerating the client secret does). Returns how many tokens changed.
   */
  revokeWhere(pick: (chain: Chain) => boolean, kinds: 'all' | 'refresh' = 'all'): number {
    let count = 0;
    const stores = kinds === 'all' ? [this.access, this.refresh] : [this.refresh];
    for (const store of stores) {
      for (const token of store.values()) {
        const chain = this.chains.get(token.chainId);
        if (token.revoked || !chain || !pick(chain)) continue;
        token.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** Revokes every token of a chain, as when a user removes the app. */
  revokeChain(chainId: string): void {
    for (const token of this.access.values()) if (token.chainId === chainId) token.revoked = true;
    for (const token of this.refresh.values()) if (token.chainId === chainId) token.revoked = true;
  }

  /** Makes live access tokens expire now; returns how many changed. */
  expireAccessTokens(now: number, teamId?: string): number {
    let count = 0;
    for (const token of this.access.values()) {
      const chain = this.chains.get(token.chainId);
      if (token.revoked || token.expiresAt <= now || (teamId && chain?.teamId !== teamId)) continue;
      token.expiresAt = now;
      count += 1;
    }
    return count;
  }

  /** A token for a chain that is live right now, if any (for in-process tests). */
  liveAccessToken(chainId: string, now: number): string | undefined {
    const chain = this.chains.get(chainId);
    const values = chain ? [...chain.accessTokens].reverse() : [];
    return values.find((value) => this.lookupAccess(value, now).ok);
  }
}
