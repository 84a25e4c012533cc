import type { ApiRequest, Params } from '../envelope';
import type { TokenType, User, Workspace } from '../model';
import type { EmulatorState } from '../state';
import type { AccessToken, Chain } from '../tokens';

export type Tier = 1 | 2 | 3 | 4 | 'special';

/** For methods that authenticate themselves (oauth.v2.access, auth.revoke). */
export interface OpenContext {
  state: EmulatorState;
  params: Params;
  request: ApiRequest;
}

export interface MethodContext extends OpenContext {
  ws: Workspace;
  chain: Chain;
  token: AccessToken;
  /** The bot user for bot tokens, the authed user for user tokens. */
  caller: User;
}

export type MethodResult = Record<string, unknown>;

interface BaseMethod {
  name: string;
  tier: Tier;
}

export interface OpenMethod extends BaseMethod {
  auth: 'none';
  handler(ctx: OpenContext): MethodResult;
}

export interface TokenMethod extends BaseMethod {
  auth: 'token';
  tokenTypes?: TokenType[];
  /** Every scope this call needs, given its arguments and the kind of token. */
  scopes(params: Params, type: TokenType): string[];
  /**
   * For methods whose scope depends on the conversation (channels:history vs groups:history …): a
   * token holding none of these fails up front, naming them all; the handler then checks the one the
   * conversation needs (access.ts requireScope).
   */
  anyOf?(type: TokenType): string[];
  /** What the x-accepted-oauth-scopes header lists. */
  accepted: string[];
  handler(ctx: MethodContext): MethodResult;
}

export type MethodDef = OpenMethod | TokenMethod;
