import type { Emulator } from '../../../test/emulator';
import { DEMO_APP } from '../../../test/emulator';
import { createHealth } from '../../background/health';
import { createLocks } from '../../platform/locks';
import { createTransport } from '../../slack/transport';
import type { Account, Chain, ChainKind, Profile, ProfileDraft } from '../../store/records';
import type { CourierStore } from '../../store/store';
import { openStore } from '../../store/store';
import { linkFromExchange, parseAuthTest, parseExchangeResponse } from '../exchange';
import { refreshLifetimeMs } from '../run-out';
import type { Refresher, RefresherDeps } from '../refresher';
import { chainId, createRefresher } from '../refresher';

/** A confidential profile pointing at a Slack (usually the emulator) at `baseUrl`. */
export function testProfile(baseUrl: string, app: { clientId: string; clientSecret: string }): ProfileDraft {
  return {
    id: 'p1',
    name: 'Test app',
    baseUrl,
    clientType: 'confidential',
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    botScopes: [],
    userScopes: [],
    actions: [],
  };
}

/**
 * Links a workspace from an oauth.v2.access body (the emulator's `install()` gives one without the
 * browser flow) the way the connect flow does: parse, auth.test with its token, store together.
 */
export async function linkFromBody(
  store: CourierStore,
  profile: Profile,
  body: unknown,
  now: number,
): Promise<Account> {
  const exchange = parseExchangeResponse(body);
  const token = exchange.access_token ?? exchange.authed_user?.access_token;
  const authTest = parseAuthTest(await createTransport(profile.baseUrl).call('auth.test', {}, token ? { token } : {}));
  const lifetime = refreshLifetimeMs(profile.clientType);
  const { account, chains } = linkFromExchange(exchange, authTest, profile.id, now, lifetime);
  return store.chains.saveLinked(account, chains);
}

export async function storedChain(store: CourierStore, accountId: string, kind: ChainKind): Promise<Chain> {
  const chain = await store.chains.get(chainId(accountId, kind));
  if (!chain) throw new Error(`No ${kind} chain for ${accountId}`);
  return chain;
}

/**
 * A refresher wired to the store as the background wires it (services.ts), with a real transport,
 * an in-memory lock, no jitter and instant sleeps unless `overrides` say otherwise.
 */
export function storeRefresher(
  store: CourierStore,
  overrides: Partial<RefresherDeps> & Pick<RefresherDeps, 'now'>,
): Refresher {
  return createRefresher({
    chains: {
      get: (id) => store.chains.get(id),
      replace: (next, expectedVersion) => store.chains.replace(next, expectedVersion),
      markDead: async (id, code) => {
        await store.chains.markDead(id, code);
      },
      listAll: () => store.chains.listMeta(),
    },
    async credentials(accountId) {
      const account = await store.accounts.get(accountId);
      const profile = account && (await store.profiles.get(account.profileId));
      if (!profile) throw new Error(`No profile for ${accountId}`);
      return {
        baseUrl: profile.baseUrl,
        teamId: account.teamId,
        clientId: profile.clientId,
        clientSecret: profile.clientSecret,
        publicClient: profile.clientType === 'public',
      };
    },
    transport: (baseUrl) => createTransport(baseUrl),
    withLock: createLocks(undefined),
    jitter: () => 0,
    onTerminal: () => Promise.resolve(),
    onRunningOut: () => Promise.resolve(),
    onRefreshing: () => undefined,
    sleep: () => Promise.resolve(),
    ...overrides,
  });
}

let databases = 0;

/**
 * A workspace installed on the emulator (bot and user chains) and linked into a fresh store, with
 * the real health service behind onTerminal/onRunningOut/onRefreshing. `make()` builds another
 * context's refresher on the same store: its own in-flight map and, unless given one, its own lock.
 * `publicClient` links through a PKCE profile (no secret) and a PKCE install.
 */
export async function linkedHarness(emulator: Emulator, teamId = 'T0ACME001', { publicClient = false } = {}) {
  const store = await openStore(`refresher-test-${++databases}`);
  const confidential = testProfile(emulator.url, DEMO_APP);
  const draft: ProfileDraft = publicClient
    ? { ...confidential, clientType: 'public', clientSecret: undefined }
    : confidential;
  const profile = await store.profiles.put(draft);
  const now = () => emulator.state.now();
  const scopes = { botScopes: ['chat:write'], userScopes: ['users:write'] };
  const body = emulator.state.install({ teamId, ...scopes, publicClient });
  const account = await linkFromBody(store, profile, body, now());
  const health = createHealth(store, now);
  const sleeps: number[] = [];
  const terminal: string[] = [];
  const make = (overrides: Partial<RefresherDeps> = {}) =>
    storeRefresher(store, {
      now,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      onTerminal: async (id, kind, code) => {
        terminal.push(`${kind}:${code}`);
        await health.chainDied(id, code);
      },
      onRunningOut: (id, failed) => health.checkRunOut(id, failed),
      onRefreshing: (id, active) => health.setRefreshing(id, active),
      ...overrides,
    });
  return {
    store,
    profile,
    account,
    health,
    sleeps,
    terminal,
    make,
    refresher: make(),
    chain: (kind: ChainKind) => storedChain(store, account.id, kind),
    /** A call Slack only answers for a live access token. */
    authTest: (token: string) => createTransport(emulator.url).call('auth.test', {}, { token }),
    /** Every refresh_token grant the emulator saw for this team, as 'bot:ok', 'user:invalid_refresh_token'… */
    refreshes: () => emulator.state.refreshLog(teamId).map((entry) => `${entry.type}:${entry.outcome}`),
    status: async () => (await store.accounts.get(account.id))?.status,
  };
}

export type Harness = Awaited<ReturnType<typeof linkedHarness>>;
