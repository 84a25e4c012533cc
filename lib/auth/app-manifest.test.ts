// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { slackAppManifest, toYaml } from './app-manifest';

const source = {
  name: 'Courier (Acme)',
  clientType: 'confidential' as const,
  botScopes: ['chat:write', 'channels:read'],
  userScopes: ['users:write'],
  redirectUrl: 'https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/',
};

describe('Slack app manifest', () => {
  it('carries the redirect URL, scopes and token rotation', () => {
    const manifest = slackAppManifest(source);
    expect(manifest.oauth_config.redirect_urls).toEqual([source.redirectUrl]);
    expect(manifest.oauth_config.scopes).toEqual({ bot: ['chat:write', 'channels:read'], user: ['users:write'] });
    expect(manifest.oauth_config.token_rotation_enabled).toBe(true);
    expect(manifest.oauth_config).not.toHaveProperty('pkce_enabled');
  });

  it('enables PKCE for public clients and omits empty scope lists', () => {
    const manifest = slackAppManifest({ ...source, clientType: 'public', botScopes: [] });
    expect(manifest.oauth_config.pkce_enabled).toBe(true);
    expect(manifest.oauth_config.scopes).toEqual({ user: ['users:write'] });
  });

  it('writes YAML that quotes what YAML would misread', () => {
    const yaml = toYaml(slackAppManifest(source));
    expect(yaml).toContain('  redirect_urls:\n    - "https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/"');
    expect(yaml).toContain('    bot:\n      - "chat:write"\n      - "channels:read"');
    expect(yaml).toContain('  token_rotation_enabled: true');
    expect(yaml).toContain('  name: "Courier (Acme)"');
    expect(toYaml({ a: 'yes', b: '12', c: 'plain text' })).toBe('a: "yes"\nb: "12"\nc: plain text');
  });
});
