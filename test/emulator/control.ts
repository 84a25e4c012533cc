// /_control: test-only endpoints (JSON in, JSON out) over the same operations EmulatorState offers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChaosPatch, ChaosRates } from './chaos';
import { CHAOS_EFFECTS } from './chaos';
import type { FaultSpec } from './faults';
import { FAULT_KINDS, isFaultKind } from './faults';
import { HttpError, readBody, sendJson } from './http';
import type { FileRecord, Message, TokenType } from './model';
import type { InstallRequest } from './installs';
import type { EmulatorConfig, EmulatorState, SeedSpec } from './state';

type Json = Record<string, unknown>;
type Route = (state: EmulatorState, body: Json, url: URL) => unknown;

function bad(message: string): never {
  throw new HttpError(400, message);
}

function optionalNumber(body: Json, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) bad(`${key} must be a number`);
  return value;
}

function optionalBoolean(body: Json, key: string): boolean | undefined {
  const value = body[key];
  if (value !== undefined && typeof value !== 'boolean') bad(`${key} must be a boolean`);
  return value;
}

function parseConfig(body: Json): Partial<EmulatorConfig> {
  const patch: Partial<EmulatorConfig> = {};
  const lifetime = optionalNumber(body, 'tokenLifetimeSeconds');
  const grace = optionalNumber(body, 'refreshGraceSeconds');
  const pkceRefreshLifetime = optionalNumber(body, 'pkceRefreshLifetimeSeconds');
  if (lifetime !== undefined) patch.tokenLifetimeSeconds = lifetime;
  if (pkceRefreshLifetime !== undefined) patch.pkceRefreshLifetimeSeconds = pkceRefreshLifetime;
  if (grace !== undefined) patch.refreshGraceSeconds = grace;
  const autoApprove = optionalBoolean(body, 'autoApprove');
  const rateLimits = optionalBoolean(body, 'rateLimits');
  if (autoApprove !== undefined) patch.autoApprove = autoApprove;
  if (rateLimits !== undefined) patch.rateLimits = rateLimits;
  return patch;
}

function parseFault(body: Json): FaultSpec {
  if (!isFaultKind(body.kind)) bad(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (body.method !== undefined && typeof body.method !== 'string') bad('method must be a string');
  const count = optionalNumber(body, 'count');
  if (body.kind === 'rewrite' && typeof body.field !== 'string') bad('rewrite needs a field');
  if (count !== undefined && !(Number.isInteger(count) && (count >= 1 || count === -1))) {
    bad('count must be a positive integer, or -1 for unlimited');
  }
  return {
    kind: body.kind,
    method: body.method,
    count,
    ms: optionalNumber(body, 'ms'),
    retryAfter: optionalNumber(body, 'retryAfter'),
    status: optionalNumber(body, 'status'),
    ...(typeof body.field === 'string' ? { field: body.field, value: body.value } : {}),
  };
}

function parseChaos(body: Json): ChaosPatch {
  const patch: ChaosPatch = {};
  const enabled = optionalBoolean(body, 'enabled');
  if (enabled !== undefined) patch.enabled = enabled;
  const seed = optionalNumber(body, 'seed');
  if (seed !== undefined) patch.seed = seed;
  const latencyMs = optionalNumber(body, 'latencyMs');
  if (latencyMs !== undefined) patch.latencyMs = latencyMs;
  const retryAfter = optionalNumber(body, 'retryAfter');
  if (retryAfter !== undefined) patch.retryAfter = retryAfter;
  const methods = stringList(body, 'methods');
  if (methods !== undefined) patch.methods = methods;
  if (body.rates !== undefined) {
    if (typeof body.rates !== 'object' || body.rates === null || Array.isArray(body.rates))
      bad('rates must be an object');
    const rates: Partial<ChaosRates> = {};
    for (const [effect, rate] of Object.entries(body.rates as Json)) {
      if (!(CHAOS_EFFECTS as readonly string[]).includes(effect)) bad(`unknown chaos effect ${effect}`);
      if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) bad(`rates.${effect} must be a number in [0, 1]`);
      rates[effect as keyof ChaosRates] = rate;
    }
    patch.rates = rates;
  }
  return patch;
}

function parseSeed(body: Json): SeedSpec {
  if (!Array.isArray(body.workspaces)) bad('workspaces must be an array');
  for (const ws of body.workspaces as Json[]) {
    if (typeof ws?.teamId !== 'string' || typeof ws.name !== 'string') bad('each workspace needs teamId and name');
  }
  if (body.apps !== undefined && !Array.isArray(body.apps)) bad('apps must be an array');
  return body as unknown as SeedSpec;
}

function stringList(body: Json, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) bad(`${key} must be an array of strings`);
  return value;
}

function optionalString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value !== undefined && typeof value !== 'string') bad(`${key} must be a string`);
  return value;
}

function requiredString(body: Json, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) bad(`${key} is required`);
  return value;
}

function parseRevoke(state: EmulatorState, body: Json): { team: string; type?: TokenType } {
  const team = requiredString(body, 'team');
  if (!state.workspaces.has(team)) bad(`unknown team ${team}`);
  const type = body.type;
  if (type !== undefined && type !== 'bot' && type !== 'user') bad("type must be 'bot' or 'user'");
  return { team, type };
}

function parseInstall(body: Json): InstallRequest {
  return {
    clientId: optionalString(body, 'clientId'),
    teamId: optionalString(body, 'teamId'),
    userId: optionalString(body, 'userId'),
    botScopes: stringList(body, 'botScopes'),
    userScopes: stringList(body, 'userScopes'),
    publicClient: body.publicClient === true,
  };
}

export function messageRecord(m: Message): Json {
  return {
    team: m.team,
    channel: m.channel,
    ts: m.ts,
    text: m.text,
    user: m.user,
    bot_id: m.botId ?? null,
    thread_ts: m.threadTs ?? null,
    metadata: m.metadata ?? null,
    blocks: m.blocks ?? null,
    subtype: m.subtype ?? null,
    files: m.files ?? null,
  };
}

function fileRecord(f: FileRecord): Json {
  return {
    id: f.id,
    team: f.teamId,
    name: f.name,
    title: f.title,
    user: f.user,
    size: f.size,
    channels: f.shares.map((s) => s.channel),
    public_url_shared: f.publicUrlShared,
    deleted: f.deleted,
    text: f.mimetype.startsWith('text/') ? f.bytes.toString('utf8') : null,
  };
}

function query(url: URL, key: string): string | undefined {
  return url.searchParams.get(key) ?? undefined;
}

const ROUTES: Record<string, Route> = {
  'POST /reset': (state) => {
    state.reset();
    return {};
  },
  'POST /seed': (state, body) => {
    state.seed(parseSeed(body));
    return { workspaces: [...state.workspaces.keys()] };
  },
  'GET /messages': (state, _body, url) => ({
    messages: state
      .listMessages({
        team: query(url, 'team'),
        channel: query(url, 'channel'),
        includeSeeded: url.searchParams.get('seeded') === 'true',
      })
      .map(messageRecord),
  }),
  'GET /ephemeral': (state, _body, url) => ({
    messages: state.ephemeral
      .filter(
        (m) =>
          (!query(url, 'team') || m.team === query(url, 'team')) &&
          (!query(url, 'channel') || m.channel === query(url, 'channel')),
      )
      .map((m) => ({ ...messageRecord(m), recipient: m.recipient })),
  }),
  'GET /scheduled': (state, _body, url) => {
    state.housekeep();
    return {
      scheduled: state.scheduled
        .filter((s) => !query(url, 'team') || s.team === query(url, 'team'))
        .map((s) => ({ id: s.id, team: s.team, channel: s.channel, user: s.user, post_at: s.postAt, text: s.text })),
    };
  },
  'GET /files': (state, _body, url) => ({
    files: [...state.workspaces.values()]
      .filter((ws) => !query(url, 'team') || ws.id === query(url, 'team'))
      .flatMap((ws) => ws.files.map(fileRecord)),
  }),
  'GET /config': (state) => ({ config: state.config }),
  'POST /config': (state, body) => ({ config: state.configure(parseConfig(body)) }),
  'GET /faults': (state) => ({ faults: state.faults.list() }),
  'POST /faults': (state, body) => ({ fault: state.faults.add(parseFault(body)) }),
  'DELETE /faults': (state) => {
    state.faults.clear();
    return {};
  },
  'GET /chaos': (state) => ({ chaos: state.chaos.snapshot() }),
  'POST /chaos': (state, body) => {
    try {
      return { chaos: state.setChaos(parseChaos(body)) };
    } catch (error) {
      return bad(error instanceof Error ? error.message : 'bad chaos settings');
    }
  },
  'POST /expire-tokens': (state, body) => {
    return { expired: state.expireTokens(optionalString(body, 'team')) };
  },
  'GET /stats': (state) => state.stats(),
  'POST /clock': (state, body) => {
    state.advanceClock(optionalNumber(body, 'advanceSeconds') ?? 0);
    return { now: state.now() };
  },
  'POST /regenerate-secret': (state, body) => {
    const clientId = requiredString(body, 'clientId');
    if (!state.apps.has(clientId)) bad(`unknown clientId ${clientId}`);
    return { clientSecret: state.regenerateClientSecret(clientId) };
  },
  'GET /refresh-log': (state, _body, url) => ({ log: state.refreshLog(url.searchParams.get('team') ?? undefined) }),
  'POST /revoke': (state, body) => {
    const { team, type } = parseRevoke(state, body);
    return { chains: state.revokeTeam(team, type) };
  },
  'POST /install': (state, body) => {
    const request = parseInstall(body);
    try {
      return state.install(request);
    } catch (error) {
      return bad(error instanceof Error ? error.message : 'install failed');
    }
  },
};

export async function handleControl(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = ROUTES[`${req.method ?? 'GET'} ${url.pathname.slice('/_control'.length)}`];
  if (!route) return sendJson(res, 404, { ok: false, error: 'unknown control route' });
  try {
    const text = await readBody(req);
    let body: unknown = {};
    try {
      body = text ? (JSON.parse(text) as unknown) : {};
    } catch {
      bad('body must be JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) bad('body must be a JSON object');
    const result = route(state, body as Json, url);
    sendJson(res, 200, { ok: true, ...(result as Json) });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, { ok: false, error: error.message });
  }
}
