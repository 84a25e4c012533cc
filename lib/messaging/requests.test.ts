// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { toWireError } from '../errors';
import type { MessageType } from '../protocol';
import { REQUESTS } from './requests';
import type { Handlers } from './router';
import { createRouter } from './router';

const ORIGIN = 'chrome-extension://abc/';
const page = { id: 'abc', url: `${ORIGIN}popup.html`, frameId: 0, tab: {} };
const target = { key: 'a:C1', accountId: 'a', id: 'C1', label: '#general' };
const pageShare = { kind: 'page', title: 'T', url: 'https://example.com/' };
const image = { kind: 'image', srcUrl: 'https://example.com/a.png' };

/** Per request: a payload its handler accepts, and a malformed one with the field at fault. */
const CASES: Record<MessageType, { good: unknown; bad: unknown; field?: string }> = {
  ping: { good: {}, bad: 'ping' },
  'accounts.list': { good: {}, bad: [] },
  'diagnostics.get': { good: {}, bad: 7 },
  'profiles.list': { good: {}, bad: 'x' },
  'profiles.save': {
    good: { name: 'A', baseUrl: '', clientType: 'public', clientId: '1.2', botScopes: '', userScopes: '', actions: [] },
    bad: { name: 'A', baseUrl: '', clientType: 'root', clientId: '1.2', botScopes: '', userScopes: '', actions: [] },
    field: 'clientType',
  },
  'profiles.remove': { good: { id: 'p' }, bad: { id: 3 }, field: 'id' },
  'workspaces.connect': { good: { profileId: 'p', team: 'T1' }, bad: { profileId: '' }, field: 'profileId' },
  'workspaces.disconnect': { good: { accountId: 'a' }, bad: {}, field: 'accountId' },
  'workspaces.check': { good: { accountId: 'a', kind: 'user' }, bad: { accountId: 'a', kind: 'admin' }, field: 'kind' },
  'actions.list': { good: {}, bad: true },
  'actions.run': {
    good: { accountId: 'a', actionId: 'chat.postMessage', input: { text: 'hi' } },
    bad: { accountId: 'a', actionId: 'chat.postMessage', input: 'text=hi' },
    field: 'input',
  },
  send: {
    good: { targets: [target], share: pageShare, unfurl: true },
    bad: { targets: [target], share: { ...pageShare, url: 'javascript:alert(1)' }, unfurl: true },
    field: 'share',
  },
  'upload.start': {
    good: { uploadId: 'u1', share: image, targets: [target] },
    bad: { uploadId: 'u1', share: pageShare, targets: [target] },
    field: 'share',
  },
  'upload.cancel': { good: { uploadId: 'u1' }, bad: { uploadId: ['u1'] }, field: 'uploadId' },
  'screenshot.take': { good: { area: 'region', tabId: 7 }, bad: { area: 'whole page' }, field: 'area' },
  'message.update': {
    good: { accountId: 'a', channel: 'C1', ts: '1.2', text: 'new' },
    bad: { accountId: 'a', channel: 'C1', ts: '1.2', text: { toString: 'x' } },
    field: 'text',
  },
  'message.delete': {
    good: { accountId: 'a', channel: 'C1', ts: '1.2' },
    bad: { accountId: 'a', channel: 'C1' },
    field: 'ts',
  },
  'conversation.join': {
    good: { accountId: 'a', channel: 'C1' },
    bad: { accountId: 'a', channel: 1 },
    field: 'channel',
  },
  'presence.list': { good: {}, bad: 'all' },
  'presence.set': {
    good: { accountId: 'a', presence: 'away' },
    bad: { accountId: 'a', presence: 'busy' },
    field: 'presence',
  },
  'status.list': { good: {}, bad: 'mine' },
  'status.set': {
    good: {
      accountIds: ['a', 'b'],
      status: { emoji: ':calendar:', text: 'In a meeting', expiration: 0 },
      away: false,
      pause: true,
    },
    bad: { accountIds: [], status: { emoji: '', text: '', expiration: 0 }, away: false, pause: false },
    field: 'accountIds',
  },
  'scheduled.list': { good: {}, bad: 0 },
  'scheduled.cancel': {
    good: { accountId: 'a', channel: 'C1', id: 'Q1' },
    bad: { accountId: 'a', id: 'Q1' },
    field: 'channel',
  },
  'outbox.list': { good: {}, bad: 'x' },
  'outbox.retry': { good: { id: 'o1' }, bad: { id: null }, field: 'id' },
  'outbox.retryNow': { good: {}, bad: [1] },
  'outbox.discard': { good: { id: 'o1' }, bad: { id: '' }, field: 'id' },
  'outbox.edit': {
    good: { id: 'o1', text: 'hi', target },
    bad: { id: 'o1', text: 'hi', target: { ...target, accountId: 5 } },
    field: 'target',
  },
  'history.list': { good: { query: 'x' }, bad: { query: /x/ }, field: 'query' },
  'history.delete': { good: { id: 'h1' }, bad: { id: 1 }, field: 'id' },
  'history.clear': { good: {}, bad: 'all' },
  'history.retention': { good: { days: 30 }, bad: { days: -1 }, field: 'days' },
  'directory.refresh': { good: { force: true }, bad: { force: 'yes' }, field: 'force' },
};

const handlers = Object.fromEntries(
  Object.keys(REQUESTS).map((type) => [type, vi.fn((payload: unknown) => Promise.resolve(payload))]),
) as unknown as Handlers & Record<MessageType, ReturnType<typeof vi.fn>>;
const route = createRouter({ runtimeId: 'abc', extensionOrigin: ORIGIN, handlers, toWireError });
const ask = (type: MessageType, payload: unknown) => route({ courier: 1, type, payload }, page);

describe('request validation at the router', () => {
  it('has a case for every request', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it.each(Object.entries(CASES))('%s: a malformed payload is refused before its handler runs', async (type, c) => {
    const reply = await ask(type as MessageType, c.bad);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const error = (reply as { error: { message: string; field?: string } }).error;
    expect(error.message).toContain(`Courier refused the request "${type}"`);
    expect(error.field).toBe(c.field);
    expect(handlers[type as MessageType]).not.toHaveBeenCalled();
  });

  it.each(Object.entries(CASES))('%s: a well-formed payload reaches its handler', async (type, c) => {
    await expect(ask(type as MessageType, c.good)).resolves.toMatchObject({ ok: true });
    expect(handlers[type as MessageType]).toHaveBeenCalledOnce();
  });

  it('takes a screenshot share only as an upload, and only its page and capture id: never bytes', async () => {
    const screenshot = { kind: 'screenshot', pageUrl: 'https://example.com/a', pageTitle: 'A', captureId: 'c1' };
    const sent = await ask('send', { targets: [target], share: screenshot, unfurl: false });
    expect(sent).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'share' } });
    const reply = await ask('upload.start', {
      uploadId: 'u1',
      share: { ...screenshot, blob: 'AAAA', width: 10 },
      targets: [target],
    });
    expect(reply).toEqual({ ok: true, value: { uploadId: 'u1', share: screenshot, targets: [target] } });
  });

  it('hands the handler only the fields its type names, addresses as a menu click gives them', async () => {
    const reply = await ask('send', {
      targets: [{ ...target, token: 'xoxb-1' }],
      share: { ...pageShare, url: 'https://me:pw@example.com/', script: 'x' },
      unfurl: false,
      extra: 1,
    });
    expect(reply).toEqual({
      ok: true,
      value: { targets: [target], share: { ...pageShare, url: 'https://example.com/' }, unfurl: false },
    });
  });
});
