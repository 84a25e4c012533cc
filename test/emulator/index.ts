import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener } from './server';
import { DEFAULT_CONFIG, EmulatorState } from './state';

export { DEMO_APP } from './demo';
export { EmulatorState } from './state';
export type { EmulatorConfig, EmulatorStats, SeedSpec, AppSpec, MessageFilter } from './state';
export type { WorkspaceSpec, ChannelSpec, UserSpec } from './seed';
export type { FaultSpec, FaultKind } from './faults';
export { UPLOAD_FAULT_METHOD } from './faults';
export { UPLOAD_TTL_SECONDS } from './housekeeping';
export type { Plan } from './model';
export type { InstallRequest, OAuthAccessResponse } from './installs';
export type { RefreshLogEntry } from './refresh-log';
export type { RateRule } from './ratelimits';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  seed?: 'demo' | 'none';
  tokenLifetimeSeconds?: number;
  /** Refresh tokens of PKCE chains expire this long after issue (default 30 days, as at Slack). */
  pkceRefreshLifetimeSeconds?: number;
  refreshGraceSeconds?: number;
  autoApprove?: boolean;
  /** Enforce Slack's rate limits (default false; see ratelimits.ts). */
  rateLimits?: boolean;
  /** The largest upload body taken (default 64 MB). */
  maxUploadBytes?: number;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43123, no trailing slash. */
  url: string;
  close(): Promise<void>;
  /** Direct access for in-process tests. */
  state: EmulatorState;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState(opts.seed ?? 'demo', {
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? DEFAULT_CONFIG.tokenLifetimeSeconds,
    pkceRefreshLifetimeSeconds: opts.pkceRefreshLifetimeSeconds ?? DEFAULT_CONFIG.pkceRefreshLifetimeSeconds,
    refreshGraceSeconds: opts.refreshGraceSeconds ?? DEFAULT_CONFIG.refreshGraceSeconds,
    autoApprove: opts.autoApprove ?? DEFAULT_CONFIG.autoApprove,
    rateLimits: opts.rateLimits ?? DEFAULT_CONFIG.rateLimits,
    maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_CONFIG.maxUploadBytes,
  });
  const server = createServer(createRequestListener(state));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch reuses them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
