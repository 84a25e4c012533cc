// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Installed } from './helpers';
import { callApi, control, installDemo, refresh } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
let acme: Installed;
let globex: Installed;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  acme = await installDemo(emu);
  globex = await installDemo(emu, { team: 'T0GLOBEX1' });
});

async function authError(token: string): Promise<string | undefined> {
  return (await callApi(emu, 'auth.test', {}, token)).error;
}

function revoke(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${emu.url}/_control/revoke`, { method: 'POST', body: JSON.stringify(body) });
}

describe('POST /_control/revoke', () => {
  it("revokes every token of the team's chains, and no other team's", async () => {
    // A refresh leaves two live access tokens on the bot chain; both must go.
    const renewed = await refresh(emu, acme.refresh_token);
    const result = await control<{ chains: string[] }>(emu, 'POST', '/revoke', { team: 'T0ACME001' });
    expect(result.ok).toBe(true);
    expect(result.chains).toHaveLength(2);
    for (const token of [acme.access_token, renewed.access_token, acme.authed_user.access_token]) {
      expect(await authError(token)).toBe('token_revoked');
    }
    for (const token of [renewed.refresh_token, acme.authed_user.refresh_token]) {
      expect((await refresh(emu, token)).error).toBe('invalid_refresh_token');
    }
    expect(await authError(globex.access_token)).toBeUndefined();
    expect((await refresh(emu, globex.refresh_token)).ok).toBe(true);
  });

  it('revokes only one token type when asked', async () => {
    const result = await control<{ chains: string[] }>(emu, 'POST', '/revoke', { team: 'T0ACME001', type: 'user' });
    expect(result.chains.map((id) => emu.state.tokens.chains.get(id)?.type)).toEqual(['user']);
    expect(await authError(acme.authed_user.access_token)).toBe('token_revoked');
    expect((await refresh(emu, acme.authed_user.refresh_token)).error).toBe('invalid_refresh_token');
    expect(await authError(acme.access_token)).toBeUndefined();
    expect((await refresh(emu, acme.refresh_token)).ok).toBe(true);
  });

  it('is the same operation as state.revokeTeam', async () => {
    expect(emu.state.revokeTeam('T0GLOBEX1', 'bot')).toHaveLength(1);
    expect(await authError(globex.access_token)).toBe('token_revoked');
    expect(await authError(globex.authed_user.access_token)).toBeUndefined();
  });

  it('refuses a missing or unknown team and an unknown type with HTTP 400', async () => {
    expect((await revoke({})).status).toBe(400);
    expect((await revoke({ team: 'T0NOPE000' })).status).toBe(400);
    expect((await revoke({ team: 'T0ACME001', type: 'admin' })).status).toBe(400);
    expect(await authError(acme.access_token)).toBeUndefined();
  });
});
