// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../actions/catalog';
import { describeAction } from '../actions/describe';
import { sdkScopes } from '../actions/testing/sdk-arguments';
import { scopesForActionViews } from '../../components/options/action-scopes';
import { appSettingsOrigin, createAppUrl, slackAppManifest, toYaml } from './app-manifest';

const REDIRECT = 'https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/';
const source = {
  name: 'Courier (Acme)',
  botScopes: ['chat:write', 'channels:read'],
  userScopes: ['users:write'],
  redirectUrl: REDIRECT,
};

const views = ACTIONS.map(describeAction);
const everything = scopesForActionViews(
  views,
  views.map((view) => view.id),
);

describe('Slack app manifest', () => {
  it('registers the redirect URL this browser uses, the scopes asked for, and token rotation in settings', () => {
    const manifest = slackAppManifest(source);
    expect(manifest.oauth_config).toEqual({
      redirect_urls: [REDIRECT],
      scopes: { bot: ['chat:write', 'channels:read'], user: ['users:write'] },
    });
    expect(manifest.settings.token_rotation_enabled).toBe(true);
    expect(manifest.display_information.name).toBe('Courier (Acme)');
  });

  it('leaves out empty scope lists, and names the bot as Slack allows (a-z, 0-9, - _ .)', () => {
    const manifest = slackAppManifest({ ...source, botScopes: [], name: '  Courier for Slack (Acme Ops) ' });
    expect(manifest.oauth_config.scopes).toEqual({ user: ['users:write'] });
    expect(manifest.features.bot_user.display_name).toBe('courier-for-slack-acme-ops');
    expect(slackAppManifest({ ...source, name: '' }).display_information.name).toBe('Courier for Slack');
    expect(slackAppManifest({ ...source, name: '🙂' }).features.bot_user.display_name).toBe('courier');
    expect(slackAppManifest({ ...source, name: 'x'.repeat(50) }).display_information.name).toHaveLength(35);
  });

  it("asks only for scopes Slack's SDK knows, for every action, by the token kind each uses", () => {
    expect(views).toHaveLength(ACTIONS.length);
    const bot = sdkScopes('bot');
    const user = sdkScopes('user');
    expect(bot.size).toBeGreaterThan(40);
    expect(everything.bot.filter((scope) => !bot.has(scope))).toEqual([]);
    expect(everything.user.filter((scope) => !user.has(scope))).toEqual([]);
  });

  it('writes YAML that quotes what YAML would misread', () => {
    const yaml = toYaml(slackAppManifest(source));
    expect(yaml).toContain(`  redirect_urls:\n    - "${REDIRECT}"`);
    expect(yaml).toContain('    bot:\n      - "chat:write"\n      - "channels:read"');
    expect(yaml).toContain(
      'settings:\n  org_deploy_enabled: false\n  socket_mode_enabled: false\n  token_rotation_enabled: true',
    );
    expect(yaml).toContain('  name: "Courier (Acme)"');
    expect(toYaml({ a: 'yes', b: '12', c: 'plain text' })).toBe('a: "yes"\nb: "12"\nc: plain text');
  });
});

describe('the "Create Slack app" link', () => {
  it("opens Slack's new-app page (GovSlack's for GovSlack) with the manifest in it", () => {
    const manifest = slackAppManifest(source);
    const url = new URL(createAppUrl('https://slack.com', manifest));
    expect(url.origin).toBe('https://api.slack.com');
    expect(url.pathname).toBe('/apps');
    expect(url.searchParams.get('new_app')).toBe('1');
    expect(JSON.parse(url.searchParams.get('manifest_json') ?? '')).toEqual(manifest);
    expect(appSettingsOrigin('https://acme.enterprise.slack.com')).toBe('https://api.slack.com');
    expect(appSettingsOrigin('https://slack-gov.com')).toBe('https://api.slack-gov.com');
    expect(appSettingsOrigin('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
  });

  it('stays far below what browsers and Slack take with every action enabled', () => {
    const url = createAppUrl('https://slack.com', slackAppManifest({ ...source, ...toSource(everything) }));
    // Measured: printed for the note. Chrome takes 2 MB in a URL; Slack's app page is served by a
    // web server whose common limit for the request line is 8 KB.
    console.info(`Create Slack app URL with all ${ACTIONS.length} actions: ${url.length} characters`);
    expect(url.length).toBeLessThan(8_000);
  });
});

function toSource(scopes: { bot: string[]; user: string[] }) {
  return { botScopes: scopes.bot, userScopes: scopes.user };
}
