// Everything the emulator knows: apps, workspaces, tokens, codes, messages, scheduled messages, upload
// tickets, faults, rate windows, the refresh log and counters.
import { randomBytes } from 'node:crypto';
import type { ChaosEffect, ChaosPatch, ChaosSettings } from './chaos';
import { Chaos } from './chaos';
import { DEMO_APP_RECORD, DEMO_WORKSPACES } from './demo';
import type { Fault } from './faults';
import { FaultQueue } from './faults';
import type { InstallRequest, OAuthAccessResponse } from './installs';
import { install } from './installs';
import { housekeep } from './housekeeping';
import type { App, Message, PendingUpload, ScheduledMessage, TokenType, Workspace } from './model';
import { RateLimiter } from './ratelimits';
import type { RefreshLogEntry } from './refresh-log';
import { RefreshLog } from './refresh-log';
import type { WorkspaceSpec } from './seed';
import { seedWorkspace } from './seed';
import { seedContent } from './seed-content';
import type { Chain } from './tokens';
import { TokenStore } from './tokens';

export interface EmulatorConfig {
  tokenLifetimeSeconds: number;
  /**
   * How long a refresh token of a PKCE (public client) chain lives from its issue: 30 days at
   * Slack. Other chains' refresh tokens never expire.
   */
  pkceRefreshLifetimeSeconds: number;
  refreshGraceSeconds: number;
  autoApprove: boolean;
  /** Enforce Slack's per-method rate limits (ratelimits.ts); off so other tests are never throttled. */
  rateLimits: boolean;
  /** The largest upload body taken (413 beyond): small by default, raised by the upload benchmark. */
  maxUploadBytes: number;
}

export interface AppSpec {
  clientId: string;
  clientSecret?: string;
  appId?: string;
  name?: string;
  redirectUris?: string[];
  pkceEnabled?: boolean;
}

export interface SeedSpec {
  /** Replaces the registered apps when given; otherwise the current apps stay. */
  apps?: AppSpec[];
  workspaces: WorkspaceSpec[];
}

export interface AuthCode {
  code: string;
  clientId: string;
  teamId: string;
  userId: string;
  botScopes: string[];
  userScopes: string[];
  /** The redirect_uri sent to authorize, if one was sent: oauth.v2.access must then repeat it. */
  redirectUri?: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

export interface MessageFilter {
  team?: string;
  channel?: string;
  /** Also the seeded history (left out by default: the list shows what clients posted). */
  includeSeeded?: boolean;
}

export interface EphemeralMessage extends Message {
  /** The one person who sees it. */
  recipient: string;
}

export interface EmulatorStats {
  calls: Record<string, number>;
  /** Calls answered 429 by the rate limits (ratelimits.ts), per method; faults and chaos not counted. */
  rateLimited: Record<string, number>;
  refreshes: Record<string, { team: string; type: string; user: string; refreshes: number }>;
  /** Successful refresh_token grants over every chain. */
  refreshesTotal: number;
  /** Messages posted through the API (seeded history not counted). */
  messagesStored: number;
  scheduledPending: number;
  uploadsPending: number;
  faultsApplied: number;
  /** Effects chaos mode injected (chaos.ts), in all and per effect. */
  chaosApplied: number;
  chaosEffects: Record<ChaosEffect, number>;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;

export const DEFAULT_CONFIG: EmulatorConfig = {
  tokenLifetimeSeconds: 43_200,
  pkceRefreshLifetimeSeconds: 30 * 86_400,
  refreshGraceSeconds: 10,
  autoApprove: false,
  rateLimits: false,
  maxUploadBytes: 64 * 1024 * 1024,
};

function appFromSpec(spec: AppSpec, index: number): App {
  return {
    appId: spec.appId ?? `A0APP${String(index + 1).padStart(5, '0')}`,
    clientId: spec.clientId,
    clientSecret: spec.clientSecret,
    name: spec.name ?? 'Test App',
    redirectUris: spec.redirectUris,
    pkceEnabled: spec.pkceEnabled ?? true,
  };
}

export class EmulatorState {
  config: EmulatorConfig;
  readonly apps = new Map<string, App>();
  readonly workspaces = new Map<string, Workspace>();
  tokens = new TokenStore();
  readonly codes = new Map<string, AuthCode>();
  /** Scopes granted so far per `${team}:${app}`, since Slack scopes add up across installs. */
  readonly grants = new Map<string, { bot: string[]; users: Map<string, string[]> }>();
  messages: Message[] = [];
  /** chat.scheduleMessage entries not yet due; housekeeping posts them once the clock passes post_at. */
  scheduled: ScheduledMessage[] = [];
  /** files.getUploadURLExternal tickets by ticket, until completed or discarded (housekeeping.ts). */
  uploads = new Map<string, PendingUpload>();
  /** chat.postEphemeral: never in history; /_control/ephemeral lists them. */
  ephemeral: EphemeralMessage[] = [];
  faults = new FaultQueue();
  chaos = new Chaos();
  rateLimiter = new RateLimiter();
  private readonly refreshAttempts = new RefreshLog();
  private calls = new Map<string, number>();
  private rateLimited = new Map<string, number>();
  private clockOffsetMs = 0;
  private lastTsMicros = 0;

  constructor(
    private readonly initialSeed: 'demo' | 'none',
    private readonly initialConfig: EmulatorConfig,
  ) {
    this.config = { ...initialConfig };
    this.reset();
  }

  /** The emulator's clock: wall time plus whatever advanceClock added. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
  }

  /**
   * An app made on the new-app page: a fresh client id, PKCE off until its settings turn it on
   * (Slack's manifest has no field for it).
   */
  createApp(spec: Omit<AppSpec, 'clientId' | 'appId' | 'pkceEnabled'>): App {
    const index = this.apps.size;
    const clientId = `${1000000000 + index}.${Date.now()}`;
    const app = appFromSpec({ ...spec, clientId, pkceEnabled: false }, index);
    this.apps.set(clientId, app);
    return app;
  }

  /** Back to the initial seed and configuration; tokens, codes, messages, faults and counters go. */
  reset(): void {
    this.config = { ...this.initialConfig };
    this.apps.clear();
    this.clockOffsetMs = 0;
    this.faults = new FaultQueue();
    this.chaos = new Chaos();
    this.rateLimiter = new RateLimiter();
    this.calls = new Map();
    this.rateLimited = new Map();
    if (this.initialSeed === 'demo') {
      this.apps.set(DEMO_APP_RECORD.clientId, { ...DEMO_APP_RECORD });
      this.seed({ workspaces: DEMO_WORKSPACES });
    } else {
      this.seed({ workspaces: [] });
    }
  }

  /** Replaces the workspaces (and the apps, if given); issued tokens and stored messages are dropped. */
  seed(spec: SeedSpec): void {
    if (spec.apps) {
      this.apps.clear();
      spec.apps.forEach((app, i) => this.apps.set(app.clientId, appFromSpec(app, i)));
    }
    this.workspaces.clear();
    this.tokens = new TokenStore();
    // Chain ids restart with the new store; old entries would name chains that no longer exist.
    this.refreshAttempts.clear();
    this.codes.clear();
    this.grants.clear();
    this.messages = [];
    this.scheduled = [];
    this.uploads.clear();
    this.ephemeral = [];
    const apps = [...this.apps.values()];
    for (const wsSpec of spec.workspaces) {
      const ws = seedWorkspace(wsSpec, apps);
      this.workspaces.set(ws.id, ws);
      if (wsSpec.content !== false) seedContent(this, ws);
    }
  }

  /** Posts scheduled messages that are due and discards upload tickets never completed in time. */
  housekeep(): void {
    housekeep(this);
  }

  configure(patch: Partial<EmulatorConfig>): EmulatorConfig {
    this.config = { ...this.config, ...patch };
    return { ...this.config };
  }

  firstWorkspace(): Workspace | undefined {
    return this.workspaces.values().next().value;
  }

  appById(appId: string): App | undefined {
    return [...this.apps.values()].find((a) => a.appId === appId);
  }

  createCode(init: Omit<AuthCode, 'code' | 'expiresAt' | 'used'>): AuthCode {
    const code: AuthCode = {
      ...init,
      code: `${Math.floor(this.now() / 1000)}.${this.codes.size + 1}.${Math.random().toString(16).slice(2, 14)}`,
      expiresAt: this.now() + CODE_LIFETIME_MS,
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /**
   * The lifetime of the refresh tokens issued to a chain, or undefined when they do not expire.
   * Keyed on the chain, not the app: the emulator's pkceEnabled only says an app accepts PKCE, while
   * a chain born from a PKCE exchange is what Slack's public-client app issues.
   */
  refreshLifetimeFor(chain: Pick<Chain, 'publicClient'>): number | undefined {
    return chain.publicClient ? this.config.pkceRefreshLifetimeSeconds : undefined;
  }

  /** Installs without the browser round trip; returns what oauth.v2.access would. */
  install(request: InstallRequest): OAuthAccessResponse {
    return install(this, request);
  }

  /** Unique, increasing message timestamps in Slack's 'seconds.micros' form. */
  nextTs(): string {
    this.lastTsMicros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    const seconds = Math.floor(this.lastTsMicros / 1_000_000);
    return `${seconds}.${String(this.lastTsMicros % 1_000_000).padStart(6, '0')}`;
  }

  listMessages(filter: MessageFilter = {}): Message[] {
    this.housekeep();
    return this.messages.filter(
      (m) =>
        (filter.includeSeeded || !m.seeded) &&
        (!filter.team || m.team === filter.team) &&
        (!filter.channel || m.channel === filter.channel),
    );
  }

  expireTokens(teamId?: string): number {
    return this.tokens.expireAccessTokens(this.now(), teamId);
  }

  /**
   * A new secret for the app. As in Slack, every refresh token issued to the app stops working while
   * access tokens live on until they expire: after that, only a new install helps.
   */
  regenerateClientSecret(clientId: string): string {
    const app = this.apps.get(clientId);
    if (!app) throw new Error(`unknown clientId ${clientId}`);
    app.clientSecret = randomBytes(16).toString('hex');
    this.tokens.revokeWhere((chain) => chain.clientId === clientId, 'refresh');
    return app.clientSecret;
  }

  /** Revokes every token of a team's chains (or only its bot or user chains); returns their ids. */
  revokeTeam(teamId: string, type?: TokenType): string[] {
    const picked = (chain: Chain): boolean => chain.teamId === teamId && (!type || chain.type === type);
    this.tokens.revokeWhere(picked);
    return [...this.tokens.chains.values()].filter(picked).map((chain) => chain.id);
  }

  /** Records one refresh_token grant attempt against whichever chain the token belongs to. */
  logRefresh(refreshToken: string, outcome: string): void {
    this.refreshAttempts.append(this.now(), this.tokens.chainOf(refreshToken), refreshToken, outcome);
  }

  refreshLog(team?: string): RefreshLogEntry[] {
    return this.refreshAttempts.list(team);
  }

  /** Turns chaos mode on or off or changes its rates; the seed restarts its draws. */
  setChaos(patch: ChaosPatch): ChaosSettings {
    return this.chaos.configure(patch);
  }

  /** The fault chaos mode draws for this call, if any; an 'expire' draw expires the tokens at once. */
  chaosFault(method: string): Fault | undefined {
    const effect = this.chaos.draw(method);
    if (effect === undefined) return undefined;
    if (effect === 'expire') {
      this.expireTokens();
      return undefined;
    }
    return this.chaos.fault(effect, method);
  }

  countCall(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  countRateLimited(method: string): void {
    this.rateLimited.set(method, (this.rateLimited.get(method) ?? 0) + 1);
  }

  stats(): EmulatorStats {
    this.housekeep();
    const refreshes: EmulatorStats['refreshes'] = {};
    let refreshesTotal = 0;
    for (const chain of this.tokens.chains.values()) {
      refreshes[chain.id] = { team: chain.teamId, type: chain.type, user: chain.userId, refreshes: chain.refreshes };
      refreshesTotal += chain.refreshes;
    }
    return {
      calls: Object.fromEntries(this.calls),
      rateLimited: Object.fromEntries(this.rateLimited),
      refreshes,
      refreshesTotal,
      messagesStored: this.messages.filter((m) => !m.seeded).length,
      scheduledPending: this.scheduled.length,
      uploadsPending: this.uploads.size,
      faultsApplied: this.faults.applied,
      chaosApplied: this.chaos.applied,
      chaosEffects: { ...this.chaos.byEffect },
    };
  }
}
