// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed, SlackBody } from './helpers';
import { callApi, control, installDemo, refresh } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
let tokens: Installed;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  tokens = await installDemo(emu);
});

function authTest(): Promise<Response> {
  return fetch(`${emu.url}/api/auth.test`, {
    method: 'POST',
    body: new URLSearchParams({ token: tokens.access_token }),
  });
}

describe('fault injection', () => {
  it('http500 answers 500 once, then the method works again', async () => {
    await control(emu, 'POST', '/faults', { method: 'auth.test', kind: 'http500' });
    expect((await authTest()).status).toBe(500);
    expect((await authTest()).status).toBe(200);
  });

  it('ratelimit answers 429 with Retry-After and Slack error body', async () => {
    await control(emu, 'POST', '/faults', { method: 'auth.test', kind: 'ratelimit', retryAfter: 7 });
    const res = await authTest();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('rewrite sets one field of a successful answer, once', async () => {
    await control(emu, 'POST', '/faults', {
      method: 'auth.test',
      kind: 'rewrite',
      field: 'url',
      value: 'http://evil.test/',
    });
    expect(((await (await authTest()).json()) as SlackBody).url).toBe('http://evil.test/');
    expect(((await (await authTest()).json()) as SlackBody).url).toMatch(/^https:\/\/.+\.slack\.com\/$/);
  });

  it('drop destroys the connection without a response', async () => {
    await control(emu, 'POST', '/faults', { kind: 'drop' });
    await expect(authTest()).rejects.toThrow();
    expect((await authTest()).status).toBe(200);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    await control(emu, 'POST', '/faults', { kind: 'malformed' });
    const res = await authTest();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    await expect(res.json()).rejects.toThrow();
  });

  it('latency delays the normal response', async () => {
    await control(emu, 'POST', '/faults', { kind: 'latency', ms: 300 });
    const started = performance.now();
    const res = await authTest();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(((await res.json()) as SlackBody).ok).toBe(true);
  });

  it('revoke kills the caller’s chain: calls fail and its refresh token is dead', async () => {
    await control(emu, 'POST', '/faults', { method: 'auth.test', kind: 'revoke' });
    expect(((await (await authTest()).json()) as SlackBody).error).toBe('token_revoked');
    expect((await refresh(emu, tokens.refresh_token)).error).toBe('invalid_refresh_token');
    // The user chain is another authorization.
    expect((await callApi(emu, 'auth.test', {}, tokens.authed_user.access_token)).ok).toBe(true);
  });

  it('consumes count-limited faults in order and only for matching methods', async () => {
    await control(emu, 'POST', '/faults', { method: 'chat.postMessage', kind: 'http500', count: 2 });
    await control(emu, 'POST', '/faults', { method: '*', kind: 'ratelimit' });
    expect((await authTest()).status).toBe(429);
    expect((await authTest()).status).toBe(200);
    const post = () =>
      fetch(`${emu.url}/api/chat.postMessage`, {
        method: 'POST',
        body: new URLSearchParams({ token: tokens.access_token, channel: 'general', text: 'x' }),
      });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
    expect(emu.state.stats().faultsApplied).toBe(3);
  });

  it('applies to oauth.v2.access too, and DELETE clears everything', async () => {
    await control(emu, 'POST', '/faults', { kind: 'http500', count: -1 });
    const res = await fetch(`${emu.url}/api/oauth.v2.access`, { method: 'POST', body: 'grant_type=refresh_token' });
    expect(res.status).toBe(500);
    expect((await authTest()).status).toBe(500);
    expect((await control<{ faults: unknown[] }>(emu, 'GET', '/faults')).faults).toHaveLength(1);
    await control(emu, 'DELETE', '/faults');
    expect((await authTest()).status).toBe(200);
  });

  it('rejects unknown kinds with HTTP 400', async () => {
    const res = await fetch(`${emu.url}/_control/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) });
    expect(res.status).toBe(400);
  });
});

describe('otherTeam', () => {
  it("runs the method, then names another workspace as the answer's team", async () => {
    await control(emu, 'POST', '/faults', { method: 'oauth.v2.access', kind: 'otherTeam' });
    const renewed = (await refresh(emu, tokens.refresh_token)) as SlackBody & { team?: { id: string } };
    expect(renewed.ok).toBe(true);
    expect(renewed.team?.id).not.toBe('T0ACME001');
    expect(emu.state.workspaces.has(renewed.team?.id ?? '')).toBe(true);
    expect(emu.state.refreshLog('T0ACME001').map((entry) => entry.outcome)).toEqual(['ok']);
  });
});

describe('dropAfter', () => {
  it('stores the message, then drops the connection before answering', async () => {
    const emulator = await startEmulator();
    try {
      const { access_token: token } = emulator.state.install({
        teamId: 'T0ACME001',
        botScopes: ['chat:write', 'chat:write.public'],
        userScopes: [],
      });
      emulator.state.faults.add({ method: 'chat.postMessage', kind: 'dropAfter' });
      const general = emulator.state.workspaces.get('T0ACME001')!.conversations.find((c) => c.name === 'general')!;
      await expect(
        fetch(`${emulator.url}/api/chat.postMessage`, {
          method: 'POST',
          body: new URLSearchParams({ token: String(token), channel: general.id, text: 'stored anyway' }),
        }),
      ).rejects.toThrow();
      expect(emulator.state.listMessages({ channel: general.id }).map((m) => m.text)).toContain('stored anyway');
    } finally {
      await emulator.close();
    }
  });
});
