// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlackTransportError } from './errors';
import { createTransport } from './transport';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const ok = () => new Response(JSON.stringify({ ok: true }), { status: 200 });

/** A fetch that never answers, and rejects with the signal's reason once aborted, as fetch does. */
const hanging = vi.fn(
  (_url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      if (init?.signal?.aborted) reject(init.signal.reason as Error);
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), { once: true });
    }),
);

describe('transport: timeout and cancelling', () => {
  it('leaves no timeout timer behind once a call is answered, with or without a caller signal', async () => {
    const transport = createTransport('https://slack.test', () => Promise.resolve(ok()));
    const caller = new AbortController();
    for (let i = 0; i < 3; i++) {
      await transport.call('auth.test', {}, { token: 't' });
      await transport.call('auth.test', {}, { token: 't', signal: caller.signal });
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails with a timeout when the answer takes longer than timeoutMs, and clears its timer on failure too', async () => {
    const transport = createTransport('https://slack.test', hanging);
    const pending = transport.call('users.list', {}, { token: 't', timeoutMs: 5_000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rethrows the caller's abort as is, whether it comes during the call or before it", async () => {
    const transport = createTransport('https://slack.test', hanging);
    const caller = new AbortController();
    const pending = transport.call('users.list', {}, { signal: caller.signal }).catch((error: unknown) => error);
    caller.abort(new Error('closed by the user'));
    expect(await pending).toMatchObject({ message: 'closed by the user' });
    const early = transport.call('users.list', {}, { signal: AbortSignal.abort(new Error('already gone')) });
    await expect(early).rejects.toThrow('already gone');
    expect(vi.getTimerCount()).toBe(0);
  });
});
