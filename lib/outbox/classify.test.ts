// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CourierFailure } from '../errors';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import { backoffMs, classifyAttempt } from './classify';

describe('classifyAttempt', () => {
  it.each([
    [
      new SlackTransportError('chat.postMessage', 'rate_limited', { status: 429, retryAfter: 7 }),
      { kind: 'retry', afterMs: 7000 },
    ],
    [new SlackTransportError('chat.postMessage', 'timeout'), { kind: 'unclear' }],
    [new SlackTransportError('chat.postMessage', 'network'), { kind: 'unclear' }],
    [new SlackTransportError('chat.postMessage', 'http_error', { status: 502 }), { kind: 'unclear' }],
    [new SlackApiError('chat.postMessage', 'internal_error'), { kind: 'retry' }],
    [new SlackApiError('chat.postMessage', 'token_expired'), { kind: 'retry' }],
    [new SlackApiError('chat.postMessage', 'channel_not_found'), { kind: 'terminal', code: 'channel_not_found' }],
    [new SlackApiError('chat.postMessage', 'is_archived'), { kind: 'terminal', code: 'is_archived' }],
    [new SlackApiError('chat.postMessage', 'not_in_channel'), { kind: 'terminal', code: 'not_in_channel' }],
    [new CourierFailure('needs_reconnect', 'Reconnect.'), { kind: 'terminal', code: 'needs_reconnect' }],
    [new CourierFailure('offline', 'Offline.'), { kind: 'retry' }],
  ])('%s', (error, expected) => {
    expect(classifyAttempt(error)).toEqual(expected);
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4, 10, 20].map((n) => backoffMs(n))).toEqual([5000, 10000, 20000, 40000, 300000, 300000]);
  });

  it('starts at seconds after a server error, keeping the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, 2_000))).toEqual([2000, 4000, 8000, 16000, 32000, 300000]);
  });
});
