import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CourierFailure } from '@/lib/errors';
import { launchAuthFlow, NO_IDENTITY_MESSAGE, redirectUrl } from '@/lib/platform/identity';
import { RedirectUrl } from './RedirectUrl';

const FIREFOX_REDIRECT = 'https://7156ae4651f87d68ba77a2bea095e01282143ae8.extensions.allizom.org/';

const fakeIdentity = fakeBrowser.identity;
afterEach(() => {
  cleanup();
  Object.defineProperty(fakeBrowser, 'identity', { value: fakeIdentity, configurable: true });
});

/** What Firefox for Android offers: no identity namespace at all. */
function withoutIdentityApi() {
  Object.defineProperty(fakeBrowser, 'identity', { value: undefined, configurable: true });
}

function withIdentityApi() {
  Object.defineProperty(fakeBrowser, 'identity', {
    value: { getRedirectURL: () => FIREFOX_REDIRECT, launchWebAuthFlow: () => Promise.resolve(undefined) },
    configurable: true,
  });
}

describe('the redirect URL in the Profiles section', () => {
  it('shows the browser’s redirect URL to register, with a copy button', () => {
    withIdentityApi();
    render(<RedirectUrl />);
    expect(screen.getByTestId('redirect-url').textContent).toBe(FIREFOX_REDIRECT);
    expect(screen.getByRole('button', { name: 'Copy redirect URL' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what to do where the browser has no identity API (Firefox for Android)', () => {
    withoutIdentityApi();
    render(<RedirectUrl />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(NO_IDENTITY_MESSAGE);
    expect(alert.textContent).toContain('Firefox for Android');
    expect(alert.textContent).toContain('on a computer');
    expect(screen.queryByTestId('redirect-url')).toBeNull();
  });

  it('turns a connect attempt there into that message rather than a closed-window error', async () => {
    withoutIdentityApi();
    expect(() => redirectUrl()).toThrow(CourierFailure);
    expect(() => redirectUrl()).toThrow(NO_IDENTITY_MESSAGE);
    await expect(launchAuthFlow('https://slack.com/oauth/v2/authorize')).rejects.toThrow(NO_IDENTITY_MESSAGE);
  });
});
