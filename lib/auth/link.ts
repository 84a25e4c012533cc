import { CourierFailure } from '../errors';
import { AuthFlowCancelled, AuthFlowUnreachable } from '../platform/identity';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import type { Transport } from '../slack/transport';
import type { Account, Chain, Profile } from '../store/records';
import { buildAuthorizeUrl, codeExchangeParams } from './authorize';
import { explain } from './classify';
import { linkFromExchange, parseAuthTest, parseExchangeResponse, UnexpectedResponse } from './exchange';
import { challengeFor, createVerifier } from './pkce';
import { revokeTokens } from './revoke';
import { refreshLifetimeMs } from './run-out';
import { checkState, createState } from './state';

export interface LinkDeps {
  redirectUri: string;
  /** Opens Slack's consent page and resolves with the URL Slack redirected back to. */
  launchAuthFlow(url: string): Promise<string>;
  transport(baseUrl: string): Transport;
  saveLinked(account: Account, chains: Chain[]): Promise<void>;
  now(): number;
}

/** The linked workspace a Reconnect button is for. */
export interface Reconnecting {
  teamId: string;
  teamName: string;
}

/**
 * Links (or re-links) a workspace with a profile: consent, state check, code exchange, auth.test,
 * then the account and its chains are stored together. Every failure becomes a sentence.
 */
export async function linkWorkspace(deps: LinkDeps, profile: Profile, reconnect?: Reconnecting): Promise<Account> {
  const state = createState();
  const verifier = profile.clientType === 'public' ? createVerifier() : undefined;
  const url = buildAuthorizeUrl({
    baseUrl: profile.baseUrl,
    clientId: profile.clientId,
    botScopes: profile.botScopes,
    userScopes: profile.userScopes,
    redirectUri: deps.redirectUri,
    state,
    ...(reconnect ? { team: reconnect.teamId } : {}),
    ...(verifier ? { codeChallenge: await challengeFor(verifier) } : {}),
  });

  let returned: string;
  try {
    returned = await deps.launchAuthFlow(url);
  } catch (error) {
    if (error instanceof AuthFlowUnreachable) throw fail('offline', 'network', deps, profile);
    // Not access_denied: that comes back as a redirect when Cancel is pressed. A window closed by
    // hand is also how the flow ends when Slack shows an error page instead of the consent page,
    // which it does for an unknown client_id or an unlisted redirect URL.
    if (error instanceof AuthFlowCancelled) throw new CourierFailure('slack_error', windowClosed(deps.redirectUri));
    throw error;
  }

  const outcome = checkState(state, returned);
  switch (outcome.kind) {
    case 'code':
      break;
    case 'denied':
      throw fail('slack_error', 'access_denied', deps, profile);
    case 'error':
      throw fail('slack_error', outcome.code, deps, profile);
    case 'forged':
      throw fail('forbidden', 'state_mismatch', deps, profile);
    case 'malformed':
      throw fail('slack_error', 'garbage', deps, profile);
  }

  const transport = deps.transport(profile.baseUrl);
  try {
    const params = codeExchangeParams({
      clientId: profile.clientId,
      clientSecret: profile.clientType === 'confidential' ? profile.clientSecret : undefined,
      code: outcome.code,
      redirectUri: deps.redirectUri,
      codeVerifier: verifier,
    });
    const exchange = parseExchangeResponse(await transport.call('oauth.v2.access', Object.fromEntries(params)));
    // team= only preselects: the person may still allow another workspace, which must not pass
    // for the one being reconnected. Its tokens are ended, not kept.
    const allowed = exchange.team;
    if (reconnect && allowed && allowed.id !== reconnect.teamId) {
      const user = exchange.authed_user;
      await revokeTokens(transport, [
        exchange.access_token,
        exchange.refresh_token,
        user?.access_token,
        user?.refresh_token,
      ]);
      const { teamName } = reconnect;
      throw new CourierFailure(
        'slack_error',
        `You allowed ${allowed.name || allowed.id}, but this button reconnects ${teamName}. Choose ${teamName} in Slack's window and try again.`,
      );
    }
    const testToken = exchange.access_token ?? exchange.authed_user?.access_token;
    const authTest = parseAuthTest(await transport.call('auth.test', {}, testToken ? { token: testToken } : {}));
    const lifetime = refreshLifetimeMs(profile.clientType);
    const { account, chains } = linkFromExchange(exchange, authTest, profile.id, deps.now(), lifetime);
    await deps.saveLinked(account, chains);
    return account;
  } catch (error) {
    if (error instanceof CourierFailure) throw error;
    if (error instanceof SlackApiError) throw fail('slack_error', error.code, deps, profile);
    if (error instanceof SlackTransportError) throw transportFailure(error, deps, profile);
    // A body that parsed as JSON but not as Slack's answer.
    if (error instanceof UnexpectedResponse) throw fail('slack_error', 'garbage', deps, profile);
    // Anything else (the store, a bug) is not Slack's doing and must not be explained as if it were.
    throw error;
  }
}

function windowClosed(redirectUri: string): string {
  return `The Slack window was closed before connecting finished, so nothing was connected. If Slack showed an error there, check the profile's Client ID and that your Slack app lists this redirect URL: ${redirectUri} (OAuth & Permissions → Redirect URLs).`;
}

/** Each way the transport can fail keeps its own sentence; a 5xx page is Slack's trouble, not a bad base URL. */
function transportFailure(error: SlackTransportError, deps: LinkDeps, profile: Profile): CourierFailure {
  switch (error.failure) {
    case 'network':
    case 'timeout':
      return fail('offline', error.failure, deps, profile);
    case 'rate_limited':
      return fail('rate_limited', 'rate_limited', deps, profile);
    case 'http_error':
      return fail('slack_error', error.status ?? 'http_error', deps, profile);
    case 'garbage':
      return fail('slack_error', 'garbage', deps, profile);
  }
}

function fail(kind: CourierFailure['kind'], code: string | number, deps: LinkDeps, profile: Profile): CourierFailure {
  return new CourierFailure(
    kind,
    explain(code, {
      redirectUri: deps.redirectUri,
      baseUrl: profile.baseUrl,
      scopes: [...profile.botScopes, ...profile.userScopes],
    }),
  );
}
