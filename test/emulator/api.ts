// /api/<method>: parse, inject faults (queued or chaos), enforce rate limits, authenticate, check token type and scopes, run, wrap.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest } from './envelope';
import { SlackError, errorEnvelope, okEnvelope, parseApiRequest, str } from './envelope';
import { applyFault } from './faults';
import { sendJson } from './http';
import { METHODS } from './methods';
import { checkRateLimit } from './ratelimits';
import type { MethodContext, MethodResult, TokenMethod } from './methods/types';
import type { EmulatorState } from './state';

// Slack itself does not send Access-Control-Allow-Origin for arbitrary origins (slack-api.md §4.5);
// the extension calls from privileged contexts where that does not matter. The emulator allows any
// origin so that tests may also call it from plain pages.
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-expose-headers': 'Retry-After, X-OAuth-Scopes, X-Accepted-OAuth-Scopes',
  'access-control-max-age': '600',
};

function tokenContext(state: EmulatorState, request: ApiRequest): Omit<MethodContext, 'params' | 'request'> {
  if (!request.token) throw new SlackError('not_authed');
  const found = state.tokens.lookupAccess(request.token, state.now());
  if (!found.ok) throw new SlackError(found.error);
  const ws = state.workspaces.get(found.chain.teamId);
  const caller = ws?.usersById.get(found.chain.userId);
  if (!ws || !caller) throw new SlackError('account_inactive');
  if (caller.deleted) throw new SlackError(found.chain.type === 'bot' ? 'account_inactive' : 'token_revoked');
  return { state, ws, caller, chain: found.chain, token: found.token };
}

function runTokenMethod(
  state: EmulatorState,
  def: TokenMethod,
  request: ApiRequest,
  headers: Record<string, string>,
): MethodResult {
  const ctx: MethodContext = { ...tokenContext(state, request), params: request.params, request };
  const granted = ctx.chain.scopes;
  headers['x-oauth-scopes'] = granted.join(',');
  if (def.accepted.length > 0) headers['x-accepted-oauth-scopes'] = def.accepted.join(',');
  if (def.tokenTypes && !def.tokenTypes.includes(ctx.chain.type)) throw new SlackError('not_allowed_token_type');
  const missing = def.scopes(request.params, ctx.chain.type).filter((s) => !granted.includes(s));
  if (missing.length > 0) {
    throw new SlackError('missing_scope', { needed: missing.join(','), provided: granted.join(',') });
  }
  const alternatives = def.anyOf?.(ctx.chain.type) ?? [];
  if (alternatives.length > 0 && !alternatives.some((s) => granted.includes(s))) {
    throw new SlackError('missing_scope', { needed: alternatives.join(','), provided: granted.join(',') });
  }
  return def.handler(ctx);
}

/** The chain behind whatever token the call carries: an access token, or a refresh token being traded. */
function revokeCaller(state: EmulatorState, request: ApiRequest): void {
  const chain = state.tokens.chainOf(request.token ?? str(request.params, 'refresh_token') ?? '');
  if (chain) state.tokens.revokeChain(chain.id);
}

/** The answer as if Slack had given it for another workspace than the one it names. */
function fromOtherTeam(state: EmulatorState, body: Record<string, unknown>): Record<string, unknown> {
  const named = (body.team as { id?: string } | undefined)?.id;
  const other = [...state.workspaces.values()].find((ws) => ws.id !== named);
  return other ? { ...body, team: { id: other.id, name: other.name } } : body;
}

export async function handleApi(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
): Promise<void> {
  state.countCall(method);
  state.housekeep();
  const request = await parseApiRequest(req, url);
  const fault = state.faults.take(method) ?? state.chaosFault(method);
  if (fault) {
    const outcome = await applyFault(fault, {
      req,
      res,
      corsHeaders: CORS_HEADERS,
      revokeCaller: () => revokeCaller(state, request),
    });
    if (outcome === 'handled') return;
  }
  const def = METHODS.get(method);
  const retryAfter = def && checkRateLimit(state, def, request);
  if (retryAfter !== undefined) {
    // A throttled refresh is still an attempt the client made; the log should show it.
    if (method === 'oauth.v2.access' && str(request.params, 'grant_type') === 'refresh_token') {
      state.logRefresh(str(request.params, 'refresh_token') ?? '', 'ratelimited');
    }
    state.countRateLimited(method);
    const limitHeaders = { ...CORS_HEADERS, 'retry-after': String(retryAfter) };
    return sendJson(res, 429, { ok: false, error: 'ratelimited' }, limitHeaders);
  }
  const headers: Record<string, string> = { ...CORS_HEADERS };
  let body: Record<string, unknown>;
  try {
    if (!def) throw new SlackError('unknown_method', { req_method: method });
    if (request.bodyError) throw new SlackError(request.bodyError);
    const result =
      def.auth === 'none'
        ? def.handler({ state, params: request.params, request })
        : runTokenMethod(state, def, request, headers);
    body = okEnvelope(result, request.warnings);
  } catch (error) {
    if (!(error instanceof SlackError)) throw error;
    body = errorEnvelope(error, request.warnings);
  }
  if (fault?.kind === 'otherTeam' && body.ok) body = fromOtherTeam(state, body);
  if (fault?.kind === 'rewrite' && body.ok && fault.field) body = { ...body, [fault.field]: fault.value };
  if (fault?.kind === 'dropAfter') {
    req.socket.destroy();
    return;
  }
  // Slack reports its errors with HTTP 200; only rate limiting uses another status.
  sendJson(res, 200, body, headers);
}
