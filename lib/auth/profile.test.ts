// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, requiredHostPermission, validateProfileInput } from './profile';

const LOOPBACK_OFF = { allowLoopback: false };
const LOOPBACK_ON = { allowLoopback: true };

const form = {
  name: '  Acme  ',
  baseUrl: 'https://slack.com',
  clientType: 'confidential',
  clientId: '1234567890.1234567890',
  clientSecret: ' 0123456789abcdef0123456789abcdef ',
  botScopes: 'chat:write, channels:read\nchat:write.public',
  userScopes: 'users:write users.profile:read',
  actions: ['send', 'files', 'send'],
};

function errorsOf(input: unknown, options = LOOPBACK_OFF) {
  const result = validateProfileInput(input, options);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateProfileInput', () => {
  it('trims, splits scopes, drops repeats and unknown fields', () => {
    expect(validateProfileInput({ ...form, id: 'p1', extra: true }, LOOPBACK_OFF)).toStrictEqual({
      ok: true,
      value: {
        name: 'Acme',
        baseUrl: 'https://slack.com',
        clientType: 'confidential',
        clientId: '1234567890.1234567890',
        clientSecret: '0123456789abcdef0123456789abcdef',
        botScopes: ['chat:write', 'channels:read', 'chat:write.public'],
        userScopes: ['users:write', 'users.profile:read'],
        actions: ['send', 'files'],
      },
    });
  });

  it('accepts scope lists as arrays and defaults a missing or empty base URL', () => {
    for (const baseUrl of [undefined, '', '   ']) {
      const result = validateProfileInput(
        { ...form, baseUrl, botScopes: ['files:write'], userScopes: [] },
        LOOPBACK_OFF,
      );
      expect(result).toMatchObject({ ok: true, value: { baseUrl: 'https://slack.com', botScopes: ['files:write'] } });
    }
  });

  it('drops the secret of a public client and does not check it', () => {
    const result = validateProfileInput({ ...form, clientType: 'public', clientSecret: 'x y' }, LOOPBACK_OFF);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).not.toHaveProperty('clientSecret');
  });

  it('requires a well-formed secret from a confidential client', () => {
    expect(errorsOf({ ...form, clientSecret: undefined }).clientSecret).toMatch(/^Enter the Client secret/);
    expect(errorsOf({ ...form, clientSecret: '   ' }).clientSecret).toMatch(/^Enter the Client secret/);
    expect(errorsOf({ ...form, clientSecret: 'short' }).clientSecret).toMatch(/at least 8/);
    expect(errorsOf({ ...form, clientSecret: 'abcd efgh ijkl' }).clientSecret).toMatch(/without spaces/);
    expect(validateProfileInput({ ...form, clientSecret: 'S3cr3t!#' }, LOOPBACK_OFF).ok).toBe(true);
  });

  it('says what a Client ID looks like', () => {
    expect(errorsOf({ ...form, clientId: '' }).clientId).toMatch(/^Enter the Client ID/);
    expect(errorsOf({ ...form, clientId: 'A0KRD7HC3' }).clientId).toMatch(/1234567890\.1234567890/);
    expect(errorsOf({ ...form, clientId: '12345.678.9' }).clientId).toMatch(/two numbers joined by a dot/);
  });

  it('names the scopes that are not scopes', () => {
    expect(errorsOf({ ...form, botScopes: 'chat:write, Chat:Write, chat:' }).botScopes).toBe(
      '"Chat:Write", "chat:" aren\'t Slack scopes. Scopes look like chat:write or users:read.email.',
    );
    expect(errorsOf({ ...form, userScopes: 'users:write xoxp-123' }).userScopes).toMatch(
      /^"xoxp-123" isn't a Slack scope/,
    );
    expect(errorsOf({ ...form, userScopes: 'a1 b2 c3 d4 e5' }).userScopes).toMatch(
      /^"a1", "b2", "c3" and 2 more aren't/,
    );
  });

  it('asks for at least one scope', () => {
    expect(errorsOf({ ...form, botScopes: ' , ', userScopes: [] }).botScopes).toBe(
      'Add at least one bot or user scope.',
    );
  });

  it('reports every field at once', () => {
    const errors = errorsOf({
      clientType: 'confidential',
      clientId: 'x',
      baseUrl: 'http://example.com',
      botScopes: '',
    });
    expect(Object.keys(errors).sort()).toEqual(['baseUrl', 'botScopes', 'clientId', 'clientSecret', 'name']);
    expect(errors.name).toBe('Enter a profile name.');
  });

  it('reads a missing form as empty, never as a crash', () => {
    const errors = errorsOf(null);
    expect(errors.name).toBe('Enter a profile name.');
    expect(errors.clientType).toMatch(/^Choose/);
  });

  it('refuses names longer than 80 characters and unknown client types', () => {
    expect(errorsOf({ ...form, name: 'x'.repeat(81) }).name).toMatch(/80 characters/);
    expect(errorsOf({ ...form, clientType: 'secret' }).clientType).toMatch(/confidential client.*public client/);
  });
});

describe('checkBaseUrl', () => {
  it.each([
    ['https://slack.com', 'https://slack.com'],
    ['https://slack.com/', 'https://slack.com'],
    ['  HTTPS://Slack-Gov.com  ', 'https://slack-gov.com'],
    ['https://slack.com:443/', 'https://slack.com'],
    ['https://emulator.test:8443', 'https://emulator.test:8443'],
  ])('normalizes %j to its origin', (text, origin) => {
    expect(checkBaseUrl(text, false)).toEqual({ ok: true, origin });
  });

  it.each([
    ['slack.com', /full address/],
    ['http://slack.com', /https:\/\//],
    ['ftp://slack.com', /https:\/\//],
    ['https://slack.com/api', /without a path/],
    ['https://slack.com/?team=T1', /without a path/],
    ['https://slack.com/#top', /without a path/],
    ['https://slack.com?', /without a path/],
    ['https://me:pw@slack.com', /user name and password/],
    ['http://127.0.0.1:4567', /development builds/],
  ])('refuses %j', (text, message) => {
    const checked = checkBaseUrl(text, false);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });

  it('allows a loopback emulator only when asked to', () => {
    expect(checkBaseUrl('http://127.0.0.1:4567/', true)).toEqual({ ok: true, origin: 'http://127.0.0.1:4567' });
    expect(checkBaseUrl('http://localhost:4567', true)).toEqual({ ok: true, origin: 'http://localhost:4567' });
    expect(checkBaseUrl('http://192.168.1.5:4567', true).ok).toBe(false);
    expect(validateProfileInput({ ...form, baseUrl: 'http://127.0.0.1:4567' }, LOOPBACK_ON)).toMatchObject({
      ok: true,
      value: { baseUrl: 'http://127.0.0.1:4567' },
    });
  });
});

describe('requiredHostPermission', () => {
  it('asks nothing for hosts the manifest covers', () => {
    expect(requiredHostPermission('https://slack.com')).toBeNull();
    expect(requiredHostPermission('')).toBeNull();
  });

  it('asks for other origins, without the port', () => {
    expect(requiredHostPermission('https://slack-gov.com')).toBe('https://slack-gov.com/*');
    // The manifest holds slack.com and files.slack.com only, not every *.slack.com tab.
    expect(requiredHostPermission('https://acme.enterprise.slack.com/')).toBe('https://acme.enterprise.slack.com/*');
    expect(requiredHostPermission('https://notslack.com')).toBe('https://notslack.com/*');
    expect(requiredHostPermission('http://127.0.0.1:4567')).toBe('http://127.0.0.1/*');
    expect(requiredHostPermission('https://emulator.test:8443/')).toBe('https://emulator.test/*');
  });

  it('asks nothing for an address that will not validate', () => {
    expect(requiredHostPermission('slack-gov')).toBeNull();
    expect(requiredHostPermission('http://slack.com')).toBeNull();
    expect(requiredHostPermission('https://slack-gov.com/api')).toBeNull();
  });
});
