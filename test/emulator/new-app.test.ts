// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackAppManifest } from '../../lib/auth/app-manifest';
import type { Emulator } from './index';
import { startEmulator } from './index';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

const REDIRECT = 'https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/';
const manifest = slackAppManifest({
  name: 'Courier',
  botScopes: ['chat:write'],
  userScopes: [],
  redirectUrl: REDIRECT,
});
const newAppPage = (value: unknown) =>
  fetch(`${emu.url}/apps?new_app=1&manifest_json=${encodeURIComponent(JSON.stringify(value))}`);

describe('the new-app page', () => {
  it('creates the app from the manifest in the URL and shows its credentials', async () => {
    const shown = await newAppPage(manifest);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<span id="app-name">Courier</span>');
    const created = await fetch(`${emu.url}/apps/create`, {
      method: 'POST',
      body: new URLSearchParams({ manifest_json: JSON.stringify(manifest), team: 'T0ACME001' }),
    });
    const html = await created.text();
    const clientId = /id="client-id">([^<]+)</.exec(html)?.[1] ?? '';
    const app = emu.state.apps.get(clientId);
    expect(app?.redirectUris).toEqual([REDIRECT]);
    expect(app?.pkceEnabled).toBe(false);
    expect(html).toContain(`id="client-secret">${app?.clientSecret}<`);
  });

  it("refuses a field outside Slack's manifest schema, naming it", async () => {
    const old = { ...manifest, oauth_config: { ...manifest.oauth_config, pkce_enabled: true } };
    const refused = await newAppPage(old);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('oauth_config.pkce_enabled');
    expect((await newAppPage('nope')).status).toBe(400);
  });
});
