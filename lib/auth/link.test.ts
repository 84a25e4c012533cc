// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { DEMO_APP, startEmulator } from '../../test/emulator';
import { CourierFailure, toWireError } from '../errors';
import type { FormValue, Transport } from '../slack/transport';
import { createTransport } from '../slack/transport';
import type { ProfileDraft } from '../store/records';
import { openStore } from '../store/store';
import { fragments, rawDump } from '../store/testing/raw-dump';
import { linkWorkspace } from './link';
import { PKCE_REFRESH_LIFETIME_MS } from './run-out';
import type { ConsentChoice } from './testing/consent-browser';
import { consentBrowser } from './testing/consent-browser';

// The real linkWorkspace against the real emulator over HTTP: a test browser submits the consent
// form, the real transport exchanges the code, a real (fake-IndexedDB) store keeps the result.

const REDIRECT_URI = 'https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/';
const ACME = 'T0ACME001';
const GLOBEX = 'T0GLOBEX1';
const BOT_SCOPES = ['chat:write', 'channels:read'];
const USER_SCOPES = ['users:write'];
const NAMES: Record<string, string> = { [ACME]: 'Acme Corp', [GLOBEX]: 'Globex' };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

interface ApiCall {
  method: string;
  params: Record<string, FormValue>;
  answer?: Record<string, unknown>;
}

interface TransportTweaks {
  /** Changes what is sent, as an attacker or a bug between Courier and Slack would. */
  rewrite?: (method: string, params: Record<string, FormValue>) => Record<string, FormValue>;
  timeoutMs?: number;
}

/** The real transport, recording every call and its ok answer. */
function recordingTransport(baseUrl: string, calls: ApiCall[], tweaks: TransportTweaks): Transport {
  const real = createTransport(baseUrl);
  return {
    async call(method, params, options = {}) {
      const call: ApiCall = { method, params: tweaks.rewrite ? tweaks.rewrite(method, params) : params };
      calls.push(call);
      const timeout = tweaks.timeoutMs === undefined ? {} : { timeoutMs: tweaks.timeoutMs };
      call.answer = await real.call(method, call.params, { ...options, ...timeout });
      return call.answer;
    },
  };
}

let databases = 0;

/** A store holding one profile (confidential, on the shared emulator unless `draft` says otherwise). */
async function harness(draft: Partial<ProfileDraft> = {}) {
  const dbName = `link-test-${++databases}`;
  const store = await openStore(dbName);
  const profile = await store.profiles.put({
    id: 'p1',
    name: 'Test app',
    baseUrl: emulator.url,
    clientType: 'confidential',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    botScopes: BOT_SCOPES,
    userScopes: USER_SCOPES,
    actions: [],
    ...draft,
  });
  const calls: ApiCall[] = [];
  const tweaks: TransportTweaks = {};

  /** Connects through a browser whose person makes `choice`; `team` is the reconnect hint. */
  function connect(choice: ConsentChoice = {}, team?: string) {
    const browser = consentBrowser(REDIRECT_URI, choice);
    const linking = linkWorkspace(
      {
        redirectUri: REDIRECT_URI,
        launchAuthFlow: browser.launchAuthFlow,
        transport: (baseUrl) => recordingTransport(baseUrl, calls, tweaks),
        saveLinked: async (account, chains) => {
          await store.chains.saveLinked(account, chains);
        },
        now: () => emulator.state.now(),
      },
      profile,
      team ? { teamId: team, teamName: NAMES[team] ?? team } : undefined,
    );
    return { browser, linking };
  }

  return {
    store,
    profile,
    dbName,
    calls,
    tweaks,
    connect,
    /** Connects and expects success. */
    async link(choice: ConsentChoice = {}, team?: string) {
      const { browser, linking } = connect(choice, team);
      return { browser, account: await linking };
    },
    /** Connects and expects the CourierFailure a person would read. */
    async fail(choice: ConsentChoice = {}, team?: string) {
      const { browser, linking } = connect(choice, team);
      const error = await linking.then(
        () => expect.unreachable('the link succeeded'),
        (error: unknown) => error,
      );
      if (!(error instanceof CourierFailure)) throw error;
      return { browser, error: { kind: error.kind, message: error.message } };
    },
    async stored() {
      return { accounts: await store.accounts.list(), chains: await store.chains.listMeta() };
    },
    async chain(kind: 'bot' | 'user', teamId = ACME) {
      return store.chains.get(`p1:${teamId}:${kind}`);
    },
    exchanges: () => calls.filter((call) => call.method === 'oauth.v2.access'),
  };
}

const NOTHING = { accounts: [], chains: [] };

/** An emulator that was listening on a port and is now gone. */
async function deadEmulator(): Promise<string> {
  const gone = await startEmulator();
  await gone.close();
  return gone.url;
}

describe('linking a workspace', () => {
  it('links a confidential client: the account and its bot and user chains, tokens sealed', async () => {
    const h = await harness();
    const { account, browser } = await h.link();

    expect(browser.opened).toHaveLength(1);
    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(authorize.searchParams.has('code_challenge')).toBe(false);
    expect(authorize.searchParams.has('team')).toBe(false);

    const [exchange, ...others] = h.exchanges();
    expect(others).toEqual([]);
    expect(exchange?.params).toMatchObject({ client_secret: DEMO_APP.clientSecret, redirect_uri: REDIRECT_URI });
    expect(exchange?.params).not.toHaveProperty('code_verifier');

    expect(account).toMatchObject({
      id: `p1:${ACME}`,
      teamId: ACME,
      teamName: 'Acme Corp',
      appId: 'A0COURIER1',
      botScopes: BOT_SCOPES,
      userScopes: USER_SCOPES,
      status: 'connected',
    });
    const { accounts, chains } = await h.stored();
    expect(accounts).toEqual([expect.objectContaining({ id: account.id, teamName: 'Acme Corp' })]);
    expect(chains.map((chain) => [chain.kind, chain.version])).toEqual(
      expect.arrayContaining([
        ['bot', 1],
        ['user', 1],
      ]),
    );
    expect(chains).toHaveLength(2);

    // The stored tokens are the ones Slack issued, and Slack accepts them.
    const issued = exchange?.answer as { access_token: string; refresh_token: string; authed_user: Issued };
    const bot = await h.chain('bot');
    const user = await h.chain('user');
    expect(bot).toMatchObject({ accessToken: issued.access_token, refreshToken: issued.refresh_token });
    expect(user).toMatchObject({
      accessToken: issued.authed_user.access_token,
      refreshToken: issued.authed_user.refresh_token,
    });
    const me = await createTransport(emulator.url).call('auth.test', {}, { token: bot?.accessToken ?? '' });
    expect(me.team_id).toBe(ACME);

    // Someone reading the database file sees the account, not a single token.
    h.store.db.close();
    const dump = await rawDump(h.dbName);
    expect(dump).toContain('Acme Corp');
    expect(dump).toContain('sealedTokens');
    const tokens = [issued.access_token, issued.refresh_token, issued.authed_user.access_token];
    for (const token of [...tokens, issued.authed_user.refresh_token]) {
      expect(fragments(token).filter((fragment) => dump.includes(fragment))).toEqual([]);
    }
  });

  it('updates the same team in place on a second link: one account, new tokens, versions bumped', async () => {
    const h = await harness();
    const first = await h.link();
    const firstBot = await h.chain('bot');

    const second = await h.link();

    expect(second.account.id).toBe(first.account.id);
    const { accounts, chains } = await h.stored();
    expect(accounts).toHaveLength(1);
    expect(chains.map((chain) => chain.version)).toEqual([2, 2]);
    const [, secondExchange] = h.exchanges();
    const bot = await h.chain('bot');
    expect(bot?.accessToken).toBe(secondExchange?.answer?.access_token);
    expect(bot?.accessToken).not.toBe(firstBot?.accessToken);
  });

  it('links a public client with PKCE: a verifier that matches the challenge, no secret', async () => {
    const h = await harness({ clientType: 'public', clientSecret: undefined });
    const { account, browser } = await h.link();

    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const [exchange] = h.exchanges();
    expect(exchange?.params).not.toHaveProperty('client_secret');
    const verifier = String(exchange?.params.code_verifier);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize.searchParams.get('code_challenge'),
    );

    expect(account.teamId).toBe(ACME);
    expect((await h.stored()).chains).toHaveLength(2);
  });

  it('stores when a PKCE link’s refresh tokens run out: 30 days on; a confidential link’s never', async () => {
    const pkce = await harness({ clientType: 'public', clientSecret: undefined });
    await pkce.link();
    const [bot, user] = [await pkce.chain('bot'), await pkce.chain('user')];
    expect(bot?.refreshExpiresAt).toBe((bot?.refreshedAt ?? 0) + PKCE_REFRESH_LIFETIME_MS);
    expect(user?.refreshExpiresAt).toBe((user?.refreshedAt ?? 0) + PKCE_REFRESH_LIFETIME_MS);

    const confidential = await harness();
    await confidential.link();
    expect((await confidential.stored()).chains.map((chain) => chain.refreshExpiresAt)).toEqual([undefined, undefined]);
  });

  it("refuses a public client's code when the verifier was swapped on the way", async () => {
    const h = await harness({ clientType: 'public', clientSecret: undefined });
    h.tweaks.rewrite = (method, params) =>
      method === 'oauth.v2.access' ? { ...params, code_verifier: 'A'.repeat(43) } : params;

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'slack_error',
      message:
        "Slack couldn't match this sign-in to the request Courier started (PKCE verifier mismatch). Connect again from the start.",
    });
    expect(await h.stored()).toEqual(NOTHING);
  });
});

describe('the person on the consent page', () => {
  it('cancels: nothing is exchanged or stored', async () => {
    const h = await harness();

    const { error } = await h.fail({ decision: 'cancel' });

    expect(error).toEqual({
      kind: 'slack_error',
      message: "You cancelled on Slack's permission page, so nothing was connected. Connect again when you're ready.",
    });
    expect(h.calls).toEqual([]);
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('picks another workspace than the preselected one', async () => {
    const h = await harness();

    const { account } = await h.link({ team: GLOBEX });

    expect(account).toMatchObject({ id: `p1:${GLOBEX}`, teamId: GLOBEX, teamName: 'Globex' });
    expect((await h.stored()).accounts.map((stored) => stored.teamId)).toEqual([GLOBEX]);
  });

  it('is sent to the workspace being reconnected: team= preselects it', async () => {
    const h = await harness();

    // The person just presses Allow; only the team hint can make it Globex rather than Acme.
    const { account, browser } = await h.link({}, GLOBEX);

    expect(new URL(browser.opened[0] ?? '').searchParams.get('team')).toBe(GLOBEX);
    expect(account.teamId).toBe(GLOBEX);
  });

  it('refuses another workspace on Reconnect: its tokens are revoked, the linked one stays as it was', async () => {
    const h = await harness();
    await h.link();
    const before = await h.stored();

    // Reconnect Acme, but the person picks Globex in Slack's window.
    const { error } = await h.fail({ team: GLOBEX }, ACME);

    expect(error).toEqual({
      kind: 'slack_error',
      message:
        "You allowed Globex, but this button reconnects Acme Corp. Choose Acme Corp in Slack's window and try again.",
    });
    expect(await h.stored()).toEqual(before);
    const answer = h.exchanges().at(-1)?.answer as {
      team: { id: string };
      access_token: string;
      refresh_token: string;
      authed_user: { access_token: string; refresh_token: string };
    };
    expect(answer.team.id).toBe(GLOBEX);
    const issued = [
      answer.access_token,
      answer.refresh_token,
      answer.authed_user.access_token,
      answer.authed_user.refresh_token,
    ];
    expect(h.calls.filter((call) => call.method === 'auth.test')).toHaveLength(1);
    for (const token of issued) {
      const answered = await createTransport(emulator.url)
        .call('auth.revoke', { test: true }, { token })
        .catch((e: { code?: string }) => e.code);
      expect(answered).toBe('token_revoked');
    }
  });
});

describe('a profile that does not match the Slack app', () => {
  it('has a client secret Slack no longer accepts', async () => {
    const h = await harness();
    emulator.state.regenerateClientSecret(DEMO_APP.clientId);

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'slack_error',
      message:
        "Slack rejected the Client secret. Copy it again from your Slack app's Basic Information page into this profile; if it was regenerated, every workspace on this profile must reconnect.",
    });
    expect(h.exchanges()).toHaveLength(1);
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('keeps an already linked workspace as it was when a re-link fails', async () => {
    const h = await harness();
    await h.link();
    const before = await h.stored();
    emulator.state.regenerateClientSecret(DEMO_APP.clientId);

    await h.fail();

    expect(await h.stored()).toEqual(before);
  });

  it('has a client ID Slack does not know: Slack shows an error page, the person closes the window', async () => {
    const h = await harness({ clientId: '999.999' });

    const { error, browser } = await h.fail();

    expect(browser.errorPages).toEqual([expect.stringContaining('Invalid client_id parameter')]);
    expect(error).toEqual({
      kind: 'slack_error',
      message: `The Slack window was closed before connecting finished, so nothing was connected. If Slack showed an error there, check the profile's Client ID and that your Slack app lists this redirect URL: ${REDIRECT_URI} (OAuth & Permissions → Redirect URLs).`,
    });
    expect(h.calls).toEqual([]);
    expect(await h.stored()).toEqual(NOTHING);
  });

  it("is used from a browser whose redirect URL the app doesn't list: same page, same sentence", async () => {
    const h = await harness();
    const app = emulator.state.apps.get(DEMO_APP.clientId);
    if (app) app.redirectUris = ['https://someotherextensionid.chromiumapp.org/'];

    const { error, browser } = await h.fail();

    expect(browser.errorPages).toEqual([expect.stringContaining('redirect_uri did not match any configured URIs')]);
    expect(error.message).toContain(`lists this redirect URL: ${REDIRECT_URI}`);
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('asks for a scope Slack refuses (a user-only scope among the bot scopes)', async () => {
    const h = await harness({ botScopes: ['chat:write', 'search:read'] });

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'slack_error',
      message:
        "Slack refused one of the requested scopes for this app (chat:write, search:read, users:write). Check the profile's scopes against your Slack app and connect again.",
    });
    expect(h.calls).toEqual([]);
    expect(await h.stored()).toEqual(NOTHING);
  });
});

describe('a redirect that does not answer our request', () => {
  it('is refused as a possible forgery, before its code is redeemed', async () => {
    const h = await harness();
    const forge = (redirect: string) => {
      const url = new URL(redirect);
      url.searchParams.set('state', 'state-from-another-request');
      return url.toString();
    };

    const { error } = await h.fail({ onRedirect: forge });

    expect(error).toEqual({
      kind: 'forbidden',
      message:
        "Courier refused Slack's answer because it didn't match the request Courier sent, which can mean a forged sign-in. Try connecting again.",
    });
    expect(h.calls).toEqual([]);
    expect([...emulator.state.codes.values()].map((code) => code.used)).toEqual([false]);
    expect(await h.stored()).toEqual(NOTHING);
  });
});

describe('Slack out of reach or answering badly', () => {
  it('cannot load the consent page: offline', async () => {
    const url = await deadEmulator();
    const h = await harness({ baseUrl: url });

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'offline',
      message: `Courier can't reach ${new URL(url).host}. Check that you're online, then try again.`,
    });
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('goes away between the consent and the code exchange: offline', async () => {
    const own = await startEmulator();
    const h = await harness({ baseUrl: own.url });

    const { error } = await h.fail({
      onRedirect: async (redirect) => {
        await own.close();
        return redirect;
      },
    });

    expect(error).toEqual({
      kind: 'offline',
      message: `Courier can't reach ${new URL(own.url).host}. Check that you're online, then try again.`,
    });
    expect(h.exchanges()).toHaveLength(1);
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('answers the code exchange with something that is not JSON', async () => {
    const h = await harness();
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'malformed' });

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'slack_error',
      message: `Slack answered with something that isn't JSON. Check the profile's Slack base URL (${emulator.url}).`,
    });
    expect(await h.stored()).toEqual(NOTHING);
  });

  it.each([
    [503, 'Slack is having trouble right now (HTTP 503). Wait a moment and try again.'],
    [404, "Slack answered with HTTP 404. Check the profile's Slack base URL (BASE)."],
  ])('answers the code exchange with an HTTP %i error page', async (status, sentence) => {
    const h = await harness();
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'http500', status });

    const { error } = await h.fail();

    expect(error).toEqual({ kind: 'slack_error', message: sentence.replace('BASE', emulator.url) });
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('rate-limits the code exchange', async () => {
    const h = await harness();
    emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'ratelimit', retryAfter: 30 });

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'rate_limited',
      message: 'Slack is limiting how often Courier may call it. Wait a moment and try again.',
    });
    expect(await h.stored()).toEqual(NOTHING);
  });

  it('takes too long to answer auth.test', async () => {
    const h = await harness();
    h.tweaks.timeoutMs = 200;
    emulator.state.faults.add({ method: 'auth.test', kind: 'latency', ms: 1_000 });

    const { error } = await h.fail();

    expect(error).toEqual({
      kind: 'offline',
      message: `${new URL(emulator.url).host} took too long to answer. Wait a moment and try again.`,
    });
    expect(h.calls.map((call) => call.method)).toEqual(['oauth.v2.access', 'auth.test']);
    expect(await h.stored()).toEqual(NOTHING);
  });
});

describe('a failure that is not Slack’s', () => {
  it('is not blamed on Slack: the profile was removed while the consent window was open', async () => {
    const h = await harness();
    const removeProfile = async (redirect: string) => {
      await h.store.profiles.remove('p1');
      return redirect;
    };

    const error = await h.connect({ onRedirect: removeProfile }).linking.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CourierFailure);
    expect(toWireError(error).kind).toBe('internal');
    expect(await h.stored()).toEqual(NOTHING);
  });
});

interface Issued {
  access_token: string;
  refresh_token: string;
}
