export interface AuthorizeRequest {
  baseUrl: string;
  clientId: string;
  botScopes: readonly string[];
  userScopes: readonly string[];
  redirectUri: string;
  state: string;
  /** A team ID: preselects the workspace when reconnecting. */
  team?: string;
  /** Present for public clients (PKCE); the method is always S256, the only one Slack supports. */
  codeChallenge?: string;
}

/** Slack's consent page URL (`/oauth/v2/authorize`); empty scope lists are left out. */
export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const params = new URLSearchParams({ client_id: request.clientId });
  if (request.botScopes.length > 0) params.set('scope', request.botScopes.join(','));
  if (request.userScopes.length > 0) params.set('user_scope', request.userScopes.join(','));
  params.set('redirect_uri', request.redirectUri);
  params.set('state', request.state);
  if (request.team) params.set('team', request.team);
  if (request.codeChallenge) {
    params.set('code_challenge', request.codeChallenge);
    params.set('code_challenge_method', 'S256');
  }
  return `${request.baseUrl.replace(/\/+$/, '')}/oauth/v2/authorize?${params.toString()}`;
}

export interface CodeExchange {
  clientId: string;
  /** Confidential clients only. */
  clientSecret?: string | undefined;
  code: string;
  /** Sent to authorize, so Slack requires the same value here (else bad_redirect_uri). */
  redirectUri: string;
  /** Public clients only: PKCE replaces the secret. */
  codeVerifier?: string | undefined;
}

/**
 * The form for `oauth.v2.access` trading a code for tokens. Exactly one of secret and verifier:
 * Slack documents the secret-less PKCE exchange and the classic one, not a mix, and with neither
 * Slack could only refuse.
 */
export function codeExchangeParams(exchange: CodeExchange): URLSearchParams {
  const { clientSecret, codeVerifier } = exchange;
  if (Boolean(clientSecret) === Boolean(codeVerifier)) {
    throw new TypeError('A code exchange needs either a client secret (confidential) or a code verifier (public).');
  }
  const params = new URLSearchParams({ client_id: exchange.clientId });
  if (clientSecret) params.set('client_secret', clientSecret);
  params.set('code', exchange.code);
  params.set('redirect_uri', exchange.redirectUri);
  if (codeVerifier) params.set('code_verifier', codeVerifier);
  return params;
}

export interface Refresh {
  clientId: string;
  /** Absent for public (PKCE) clients, whose refreshes Slack documents without it. */
  clientSecret?: string | undefined;
  refreshToken: string;
}

/** The form for `oauth.v2.access` with `grant_type=refresh_token`; PKCE values are never sent here. */
export function refreshParams(refresh: Refresh): URLSearchParams {
  const params = new URLSearchParams({ client_id: refresh.clientId });
  if (refresh.clientSecret) params.set('client_secret', refresh.clientSecret);
  params.set('grant_type', 'refresh_token');
  params.set('refresh_token', refresh.refreshToken);
  return params;
}
