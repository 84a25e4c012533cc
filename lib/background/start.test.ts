// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_FULL } from '../errors';
import type { Diagnostics } from '../protocol';
import { setupMessages } from './messages';
import { createServices } from './services';
import { startOnDemand } from './start';

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Asks the background as the options page would, through the registered listener. */
async function ask(type: string): Promise<unknown> {
  const origin = fakeBrowser.runtime.getURL('/');
  const sender = { id: fakeBrowser.runtime.id, url: `${origin}options.html`, frameId: 0, tab: {} };
  // Typed with two parameters, but it hands every argument on: the third is sendResponse.
  const { onMessage } = fakeBrowser.runtime as unknown as {
    onMessage: { trigger(...args: unknown[]): Promise<unknown> };
  };
  return new Promise((resolve) => {
    void onMessage.trigger({ courier: 1, type, payload: {} }, sender, resolve);
  });
}

const fakeIdentity = fakeBrowser.identity;
afterEach(() => {
  Object.defineProperty(fakeBrowser, 'identity', { value: fakeIdentity, configurable: true });
});

describe('the background start', () => {
  it('is tried again on the next request after it failed, and the failure is kept with its time', async () => {
    const start = vi.fn<() => Promise<string>>().mockRejectedValueOnce(full()).mockResolvedValue('services');
    const { services, lastFailure } = startOnDemand(start, () => 42);
    await expect(services()).rejects.toThrow('quota');
    expect(lastFailure()).toEqual({ message: STORAGE_FULL, at: 42 });
    await expect(services()).resolves.toBe('services');
    await expect(services()).resolves.toBe('services');
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('says what failed in words when it is not the disk', async () => {
    const { services, lastFailure } = startOnDemand(() =>
      Promise.reject(new DOMException('Version 3 is older', 'VersionError')),
    );
    await expect(services()).rejects.toThrow();
    expect(lastFailure()?.message).toBe(
      'The background could not start (VersionError: Version 3 is older); it tries again on the next request.',
    );
  });

  it('a database that refused to open once: Diagnostics say why, and the next request works', async () => {
    Object.defineProperty(fakeBrowser, 'identity', {
      value: { getRedirectURL: () => 'https://abc.chromiumapp.org/', launchWebAuthFlow: () => Promise.resolve() },
      configurable: true,
    });
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw full();
    });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Courier',
      version: '1.0.0',
    });
    vi.spyOn(fakeBrowser.runtime.onMessageExternal, 'addListener').mockImplementation(() => undefined);
    const { services, lastFailure } = startOnDemand(createServices);
    setupMessages(1, services, lastFailure);

    const failed = (await ask('diagnostics.get')) as { ok: true; value: Diagnostics };
    expect(failed).toMatchObject({ ok: true });
    expect(failed.value.lastStartError).toMatchObject({ message: STORAGE_FULL });
    expect(failed.value.accounts).toBeUndefined();

    // The next request starts again instead of getting the cached failure.
    await expect(ask('profiles.list')).resolves.toEqual({ ok: true, value: [] });
    const answered = (await ask('diagnostics.get')) as { ok: true; value: Diagnostics };
    expect(answered.value).toMatchObject({ accounts: 0, profiles: 0, lastStartError: { message: STORAGE_FULL } });
    expect(open).toHaveBeenCalledTimes(2);
  });
});
