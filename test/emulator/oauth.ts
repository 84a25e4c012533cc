// GET /oauth/v2/authorize (consent page) and POST /oauth/v2/authorize/decision (Allow / Cancel).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { consentPage, errorPage } from './consent';
import { readBody, redirect, sendHtml } from './http';
import type { App } from './model';
import { invalidScopes, parseScopeList } from './scopes';
import type { EmulatorState } from './state';

const CARRIED_PARAMS = [
  'client_id',
  'scope',
  'user_scope',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
];

interface AuthorizeRequest {
  app: App;
  botScopes: string[];
  userScopes: string[];
  /** Where to send the browser back: the redirect_uri sent, else the app's first configured one. */
  redirectUri: string;
  redirectUriSent?: string;
  state?: string;
  codeChallenge?: string;
}

type Checked = { ok: true; request: AuthorizeRequest } | { ok: false; respond(res: ServerResponse): void };

function withQuery(uri: string, query: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

function failPage(message: string): Checked {
  return { ok: false, respond: (res) => sendHtml(res, 400, errorPage(message)) };
}

function isAllowedRedirect(app: App, uri: URL): boolean {
  if (!app.redirectUris?.length) return true;
  return app.redirectUris.some((allowed) => {
    const base = new URL(allowed);
    return base.origin === uri.origin && uri.pathname.startsWith(base.pathname);
  });
}

function checkAuthorize(state: EmulatorState, params: URLSearchParams): Checked {
  const app = state.apps.get(params.get('client_id') ?? '');
  // Like Slack, problems with the client or the redirect are shown here rather than redirected.
  if (!app) return failPage('Invalid client_id parameter');
  const redirectUriSent = params.get('redirect_uri') || undefined;
  const redirectUri = redirectUriSent ?? app.redirectUris?.[0];
  if (!redirectUri) return failPage('Missing redirect_uri parameter');
  let parsed: URL;
  try {
    parsed = new URL(redirectUri);
  } catch {
    return failPage('Invalid redirect_uri parameter');
  }
  if (!/^https?:$/.test(parsed.protocol) || redirectUri.includes('#'))
    return failPage('Invalid redirect_uri parameter');
  if (!isAllowedRedirect(app, parsed)) return failPage('redirect_uri did not match any configured URIs');
  const codeChallenge = params.get('code_challenge') || undefined;
  if (codeChallenge && params.get('code_challenge_method') !== 'S256') {
    return failPage('code_challenge_method must be S256');
  }
  const oauthState = params.get('state') ?? undefined;
  const botScopes = parseScopeList(params.get('scope') ?? undefined);
  const userScopes = parseScopeList(params.get('user_scope') ?? undefined);
  const badScopes =
    botScopes.length + userScopes.length === 0 ||
    invalidScopes(botScopes, 'bot').length > 0 ||
    invalidScopes(userScopes, 'user').length > 0;
  if (badScopes) {
    const location = withQuery(redirectUri, { error: 'invalid_scope', state: oauthState });
    return { ok: false, respond: (res) => redirect(res, location) };
  }
  return {
    ok: true,
    request: { app, botScopes, userScopes, redirectUri, redirectUriSent, state: oauthState, codeChallenge },
  };
}

function chooseTeam(state: EmulatorState, team: string | null): string | undefined {
  if (team && state.workspaces.has(team)) return team;
  return state.firstWorkspace()?.id;
}

function approve(state: EmulatorState, res: ServerResponse, request: AuthorizeRequest, teamId: string): void {
  const ws = state.workspaces.get(teamId);
  if (!ws) return sendHtml(res, 400, errorPage('Unknown workspace'));
  const code = state.createCode({
    clientId: request.app.clientId,
    teamId,
    userId: ws.signedInUserId,
    botScopes: request.botScopes,
    userScopes: request.userScopes,
    redirectUri: request.redirectUriSent,
    codeChallenge: request.codeChallenge,
  });
  redirect(res, withQuery(request.redirectUri, { code: code.code, state: request.state }));
}

export function handleAuthorize(state: EmulatorState, res: ServerResponse, url: URL): void {
  const checked = checkAuthorize(state, url.searchParams);
  if (!checked.ok) return checked.respond(res);
  const selectedTeam = chooseTeam(state, url.searchParams.get('team'));
  if (!selectedTeam) return sendHtml(res, 400, errorPage('There are no workspaces to install into'));
  if (state.config.autoApprove) return approve(state, res, checked.request, selectedTeam);
  const hidden: Record<string, string> = {};
  for (const name of CARRIED_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) hidden[name] = value;
  }
  sendHtml(
    res,
    200,
    consentPage({
      app: checked.request.app,
      workspaces: [...state.workspaces.values()],
      selectedTeam,
      botScopes: checked.request.botScopes,
      userScopes: checked.request.userScopes,
      hidden,
    }),
  );
}

export async function handleDecision(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const checked = checkAuthorize(state, form);
  if (!checked.ok) return checked.respond(res);
  if (form.get('decision') !== 'allow') {
    const location = withQuery(checked.request.redirectUri, { error: 'access_denied', state: checked.request.state });
    return redirect(res, location);
  }
  approve(state, res, checked.request, form.get('team') ?? '');
}
