// Every refresh_token grant attempt, in order, so a test (or a person) can read how a client rotated:
// which chain, when on the emulator's clock, with which refresh token, and what Slack answered.
import type { TokenType } from './model';
import type { Chain } from './tokens';

export interface RefreshLogEntry {
  /** Emulator clock, ms. */
  at: number;
  /** Null when the refresh token belongs to no chain the emulator knows. */
  team: string | null;
  chainId: string | null;
  type: TokenType | null;
  /** 'ok', or the error code the call answered with ('ratelimited' for a real 429). */
  outcome: string;
  /** Enough to tell tokens apart in a log without printing a usable secret. */
  refreshTokenSuffix: string;
}

export class RefreshLog {
  private entries: RefreshLogEntry[] = [];

  append(at: number, chain: Chain | undefined, refreshToken: string, outcome: string): void {
    this.entries.push({
      at,
      team: chain?.teamId ?? null,
      chainId: chain?.id ?? null,
      type: chain?.type ?? null,
      outcome,
      refreshTokenSuffix: refreshToken.slice(-6),
    });
  }

  list(team?: string): RefreshLogEntry[] {
    return this.entries.filter((e) => !team || e.team === team).map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
