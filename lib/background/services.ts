import { browser } from 'wxt/browser';
import type { Refresher } from '../auth/refresher';
import { createRefresher } from '../auth/refresher';
import { CourierFailure } from '../errors';
import { createLocks } from '../platform/locks';
import type { DownloadOptions } from '../share/download';
import { createBudget } from '../slack/budget';
import type { SlackClient } from '../slack/client';
import { createSlackClient } from '../slack/client';
import type { Transport } from '../slack/transport';
import { createTransport } from '../slack/transport';
import type { CourierStore } from '../store/store';
import { openStore } from '../store/store';
import type { Health } from './health';
import { createHealth } from './health';
import { accountContext } from '../actions/account-context';
import type { Outbox } from '../outbox/outbox';
import { createOutbox } from '../outbox/outbox';
import type { DirectoryDeps } from '../directory/refresh';
import { bumpRevision, revisionRun } from '../platform/revision';
import { publishStamp } from '../directory/stamp';
import { sharedReads } from '../store/shared-read';

/**
 * The background wires the rooms together and does nothing else: this builds each once per worker
 * start (the store, the refresher, the clients with their shared budget, the outbox, the
 * directory's refresh), and the handlers (handlers/, one file per protocol prefix) and the setup
 * of messages, alarms, menus, commands and notifications only pass them on.
 */
export interface Services {
  store: CourierStore;
  health: Health;
  transport: (baseUrl: string) => Transport;
  refresher: Refresher;
  /** The Slack client of a workspace (by its profile's base URL and team). */
  clientFor: (baseUrl: string, team: string) => SlackClient;
  outbox: Outbox;
  /** What directory refreshes read and write (lib/directory/refresh.ts). */
  directories: DirectoryDeps;
  /** Limits of a file share's download (Slack's file size, the stall timeout); tests lower them. */
  downloads: Pick<DownloadOptions, 'maxBytes' | 'stallMs' | 'fetch'>;
}

/** Tests only: the network and the waits of every client (the budget's clock goes with its sleep). */
export interface ServicesOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  downloads?: Services['downloads'];
}

/** Everything the background's handlers share, built once per worker start. */
export async function createServices(options: ServicesOptions = {}): Promise<Services> {
  const store = await openStore();
  const health = createHealth(store);
  const transport = (baseUrl: string) => createTransport(baseUrl, options.fetch);
  const withLock = createLocks();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Every token use reads its chain's stamp; the uses of a fan-out share one read.
  const chainStamps = sharedReads((accountId) => store.chains.listMeta(accountId));
  const refresher = createRefresher({
    chains: {
      get: (id) => store.chains.get(id),
      replace: async (next, expectedVersion) => {
        const replaced = await store.chains.replace(next, expectedVersion);
        // A renewed token: sends that waited for it go now (not awaited: this runs under the chain's lock).
        if (replaced) services.outbox.afterRefresh(next.accountId);
        return replaced;
      },
      markDead: async (id, code) => {
        await store.chains.markDead(id, code);
      },
      listAll: (accountId) => (accountId === undefined ? store.chains.listMeta() : chainStamps(accountId)),
    },
    credentials: (accountId) => credentialsFor(store, accountId),
    transport,
    withLock,
    now: Date.now,
    jitter: Math.random,
    onTerminal: (accountId, kind, code) => health.chainDied(accountId, code),
    onRunningOut: (accountId, failed) => health.checkRunOut(accountId, failed),
    onRefreshing: (accountId, active) => health.setRefreshing(accountId, active),
    sleep,
  });

  // One budget for every workspace: its keys carry the team, so bursts wait per workspace and method.
  const budget = createBudget({ now: options.now ?? Date.now, sleep });
  const clients = new Map<string, SlackClient>();
  const clientFor = (baseUrl: string, team: string): SlackClient => {
    const key = `${baseUrl} ${team}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = createSlackClient({ baseUrl, team, budget, sleep, fetch: options.fetch })));
    return client;
  };
  const downloads = { ...options.downloads };
  const services: Services = { store, health, transport, refresher, clientFor, downloads } as Services;
  const contextOf = (accountId: string) => accountContext(services, accountId);
  // The popup shows its copy of the directory only under the stamp published here, after each
  // write (and after an update, whose migrations may have changed the cache: background/index.ts).
  const publish = () => publishStamp(store.directory, browser.storage.local);
  services.directories = {
    accounts: store.accounts,
    directory: store.directory,
    contextOf,
    changed: async () => {
      await publish();
      await bumpRevision('directory');
    },
    now: Date.now,
  };
  services.outbox = createOutbox({
    items: store.outbox,
    history: store.history,
    contextOf,
    withLock,
    now: Date.now,
    downloads,
    pages: { bump: () => bumpRevision('outbox'), run: () => revisionRun('outbox') },
  });
  return services;
}

async function credentialsFor(store: CourierStore, accountId: string) {
  const account = await store.accounts.get(accountId);
  const profile = account && (await store.profiles.get(account.profileId));
  if (!profile) {
    throw new CourierFailure(
      'needs_reconnect',
      'The connector profile of this workspace was deleted. Link it again with a profile.',
    );
  }
  return {
    baseUrl: profile.baseUrl,
    teamId: account.teamId,
    clientId: profile.clientId,
    publicClient: profile.clientType === 'public',
    ...(profile.clientType === 'confidential' && profile.clientSecret ? { clientSecret: profile.clientSecret } : {}),
  };
}
