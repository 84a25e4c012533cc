// Turning a consent into tokens: the install record, the bot and user chains, and the response
// bodies of oauth.v2.access for both grants.
import type { App } from './model';
import { union } from './scopes';
import { ensureBotUser } from './workspace';
import type { EmulatorState } from './state';
import type { Chain, IssuedPair } from './tokens';

export interface InstallRequest {
  /** Defaults to the first registered app. */
  clientId?: string;
  /** Defaults to the first workspace. */
  teamId?: string;
  /** The installing person; defaults to the workspace's signed-in user. */
  userId?: string;
  botScopes?: string[];
  userScopes?: string[];
  /** Issued through PKCE: later refreshes may omit the client secret. */
  publicClient?: boolean;
}

export type OAuthAccessResponse = Record<string, unknown> & {
  ok: true;
  access_token?: string;
  refresh_token?: string;
  bot_user_id?: string;
  authed_user: { id: string; access_token?: string; refresh_token?: string; scope?: string };
};

function teamJson(state: EmulatorState, teamId: string): { id: string; name: string } {
  return { id: teamId, name: state.workspaces.get(teamId)?.name ?? '' };
}

export function install(state: EmulatorState, request: InstallRequest): OAuthAccessResponse {
  const app: App | undefined = request.clientId ? state.apps.get(request.clientId) : state.apps.values().next().value;
  const ws = request.teamId ? state.workspaces.get(request.teamId) : state.firstWorkspace();
  if (!app || !ws) throw new Error('install: unknown app or workspace');
  const userId = request.userId ?? ws.signedInUserId;
  const grantKey = `${ws.id}:${app.appId}`;
  const grant = state.grants.get(grantKey) ?? { bot: [], users: new Map<string, string[]>() };
  state.grants.set(grantKey, grant);
  const now = state.now();
  const lifetime = state.config.tokenLifetimeSeconds;
  const base = { teamId: ws.id, appId: app.appId, clientId: app.clientId, publicClient: request.publicClient ?? false };

  let response: Record<string, unknown> = { ok: true };
  if (request.botScopes?.length) {
    grant.bot = union(grant.bot, request.botScopes);
    const bot = ensureBotUser(ws, app);
    const chain = state.tokens.createChain({
      ...base,
      type: 'bot',
      userId: bot.id,
      botId: bot.botId,
      scopes: grant.bot,
    });
    const pair = state.tokens.issue(chain, now, lifetime, state.refreshLifetimeFor(chain));
    response = {
      ok: true,
      access_token: pair.access.value,
      token_type: 'bot',
      scope: chain.scopes.join(','),
      bot_user_id: bot.id,
      app_id: app.appId,
      expires_in: lifetime,
      refresh_token: pair.refresh.value,
    };
  } else {
    response.app_id = app.appId;
  }
  const authedUser: Record<string, unknown> = { id: userId };
  if (request.userScopes?.length) {
    const scopes = union(grant.users.get(userId) ?? [], request.userScopes);
    grant.users.set(userId, scopes);
    const chain = state.tokens.createChain({ ...base, type: 'user', userId, scopes });
    const pair = state.tokens.issue(chain, now, lifetime, state.refreshLifetimeFor(chain));
    Object.assign(authedUser, {
      scope: scopes.join(','),
      access_token: pair.access.value,
      token_type: 'user',
      expires_in: lifetime,
      refresh_token: pair.refresh.value,
    });
  }
  return {
    ...response,
    ok: true,
    team: teamJson(state, ws.id),
    enterprise: null,
    is_enterprise_install: false,
    authed_user: authedUser as OAuthAccessResponse['authed_user'],
  };
}

/** The flat body Slack returns for grant_type=refresh_token, one token per call. */
export function refreshResponse(state: EmulatorState, chain: Chain, pair: IssuedPair): Record<string, unknown> {
  return {
    ok: true,
    app_id: chain.appId,
    scope: chain.scopes.join(','),
    token_type: chain.type,
    access_token: pair.access.value,
    expires_in: state.config.tokenLifetimeSeconds,
    refresh_token: pair.refresh.value,
    ...(chain.type === 'bot' ? { bot_user_id: chain.userId } : { user_id: chain.userId }),
    team: teamJson(state, chain.teamId),
    enterprise: null,
    is_enterprise_install: false,
  };
}
