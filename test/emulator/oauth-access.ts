// oauth.v2.access: the authorization_code and refresh_token grants.
import { createHash } from 'node:crypto';
import { SlackError, str } from './envelope';
import { install, refreshResponse } from './installs';
import type { App } from './model';
import type { MethodResult, OpenContext, OpenMethod } from './methods/types';

function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function clientCredentials(ctx: OpenContext): { app: App; secret?: string } {
  const clientId = ctx.request.basicAuth?.clientId ?? str(ctx.params, 'client_id');
  const app = clientId ? ctx.state.apps.get(clientId) : undefined;
  if (!app) throw new SlackError('invalid_client_id');
  return { app, secret: ctx.request.basicAuth?.clientSecret ?? str(ctx.params, 'client_secret') };
}

function checkSecret(app: App, secret: string | undefined): void {
  if (!app.clientSecret || secret !== app.clientSecret) throw new SlackError('bad_client_secret');
}

function codeGrant(ctx: OpenContext): MethodResult {
  const { state, params } = ctx;
  const { app, secret } = clientCredentials(ctx);
  const code = state.codes.get(str(params, 'code') ?? '');
  if (!code || code.used || code.expiresAt <= state.now() || code.clientId !== app.clientId) {
    throw new SlackError('invalid_code');
  }
  const verifier = str(params, 'code_verifier');
  if (code.codeChallenge) {
    if (!app.pkceEnabled) throw new SlackError('pkce_not_allowed');
    if (!verifier || pkceChallenge(verifier) !== code.codeChallenge) throw new SlackError('invalid_code_verifier');
    // The verifier stands in for the secret; a secret that is sent anyway must still be right.
    if (secret !== undefined) checkSecret(app, secret);
  } else {
    checkSecret(app, secret);
  }
  const redirectUri = str(params, 'redirect_uri');
  if (code.redirectUri !== undefined && redirectUri !== code.redirectUri) throw new SlackError('bad_redirect_uri');
  code.used = true;
  return install(state, {
    clientId: app.clientId,
    teamId: code.teamId,
    userId: code.userId,
    botScopes: code.botScopes,
    userScopes: code.userScopes,
    publicClient: code.codeChallenge !== undefined,
  });
}

function rotate(ctx: OpenContext, value: string): MethodResult {
  const { state } = ctx;
  const { app, secret } = clientCredentials(ctx);
  const found = state.tokens.lookupRefresh(value);
  if (!found || found.chain.clientId !== app.clientId) throw new SlackError('invalid_refresh_token');
  // Chains born from PKCE refresh without the secret (the public-client case in slack-api.md §1.2).
  if (!(found.chain.publicClient && secret === undefined)) checkSecret(app, secret);
  const result = state.tokens.rotate(
    value,
    state.now(),
    state.config.tokenLifetimeSeconds,
    state.config.refreshGraceSeconds,
    state.refreshLifetimeFor(found.chain),
  );
  if ('error' in result) throw new SlackError(result.error);
  return refreshResponse(state, result.chain, result);
}

/** Every attempt goes to the refresh log, whatever it answers. */
function refreshGrant(ctx: OpenContext): MethodResult {
  const value = str(ctx.params, 'refresh_token') ?? '';
  try {
    const result = rotate(ctx, value);
    ctx.state.logRefresh(value, 'ok');
    return result;
  } catch (error) {
    if (error instanceof SlackError) ctx.state.logRefresh(value, error.code);
    throw error;
  }
}

export const oauthAccess: OpenMethod = {
  name: 'oauth.v2.access',
  tier: 'special',
  auth: 'none',
  handler: (ctx) => {
    const grantType = str(ctx.params, 'grant_type') ?? 'authorization_code';
    if (grantType === 'authorization_code') return codeGrant(ctx);
    if (grantType === 'refresh_token') return refreshGrant(ctx);
    clientCredentials(ctx);
    throw new SlackError('invalid_grant_type');
  },
};
