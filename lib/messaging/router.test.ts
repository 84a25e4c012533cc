// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CourierFailure, toWireError } from '../errors';
import type { Handlers } from './router';
import { createRouter } from './router';

const ORIGIN = 'chrome-extension://abc/';
// Only the handlers these tests call; the router never looks at the others.
const handlers = {
  ping: () => Promise.resolve({ startedAt: 1 }),
  'accounts.list': () => Promise.reject(new CourierFailure('needs_reconnect', 'Reconnect Acme.')),
  'diagnostics.get': () => Promise.reject(new Error('token xoxe.xoxb-secret leaked in a stack')),
} as Partial<Handlers> as Handlers;
const route = createRouter({ runtimeId: 'abc', extensionOrigin: ORIGIN, handlers, toWireError });
const page = { id: 'abc', url: `${ORIGIN}options.html`, frameId: 0, tab: {} };

describe('message router', () => {
  it('answers its own pages', async () => {
    await expect(route({ courier: 1, type: 'ping', payload: {} }, page)).resolves.toEqual({
      ok: true,
      value: { startedAt: 1 },
    });
  });

  it('ignores messages that are not Courier envelopes', () => {
    expect(route({ hello: 'world' }, page)).toBeUndefined();
    expect(route('ping', page)).toBeUndefined();
  });

  it.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }],
    ['a content script in a web page', { id: 'abc', url: 'https://evil.example/', frameId: 0, tab: {} }],
    ['our page framed inside a web page', { id: 'abc', url: `${ORIGIN}options.html`, frameId: 3, tab: {} }],
    ['a sender without a URL', { id: 'abc' }],
  ])('refuses %s', async (_name, sender) => {
    const reply = await route({ courier: 1, type: 'ping', payload: {} }, sender);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses unknown message types, including inherited names', async () => {
    for (const type of ['nope', 'toString', '__proto__']) {
      const reply = await route({ courier: 1, type, payload: {} }, page);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
  });

  it('passes CourierFailure sentences through and hides everything else', async () => {
    await expect(route({ courier: 1, type: 'accounts.list', payload: {} }, page)).resolves.toEqual({
      ok: false,
      error: { kind: 'needs_reconnect', message: 'Reconnect Acme.' },
    });
    const hidden = await route({ courier: 1, type: 'diagnostics.get', payload: {} }, page);
    expect(JSON.stringify(hidden)).not.toContain('xoxe');
    expect(hidden).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
