import { browser } from 'wxt/browser';
import { CourierFailure } from '../errors';

/**
 * Firefox for Android (like Safari) has no identity API, so no window in which Slack's consent
 * page can hand its code back to an extension. Courier says so instead of failing later.
 */
export const NO_IDENTITY_MESSAGE =
  'This browser cannot open Slack’s sign-in window for extensions (Firefox for Android has no identity API), so Courier cannot link a workspace here. Use Courier in Firefox, Chrome, Edge or Brave on a computer to link and use your workspaces.';

export function identityAvailable(): boolean {
  const identity = (browser as { identity?: Partial<typeof browser.identity> }).identity;
  return typeof identity?.launchWebAuthFlow === 'function' && typeof identity.getRedirectURL === 'function';
}

/** Thrown when the auth window closed without a redirect: the person cancelled or closed it. */
export class AuthFlowCancelled extends Error {
  constructor() {
    super('The Slack authorization window was closed before it finished.');
    this.name = 'AuthFlowCancelled';
  }
}

/** Thrown when the authorize page could not be loaded at all (offline, wrong base URL). */
export class AuthFlowUnreachable extends Error {
  constructor() {
    super('The Slack authorization page could not be loaded.');
    this.name = 'AuthFlowUnreachable';
  }
}

/** The URL to register in the Slack app; a CourierFailure saying what to do where there is none. */
export function redirectUrl(): string {
  if (!identityAvailable()) throw new CourierFailure('forbidden', NO_IDENTITY_MESSAGE);
  return browser.identity.getRedirectURL();
}

/**
 * Runs the interactive web auth flow and resolves with the URL Slack redirected to. Chrome and
 * Firefox report cancellation and load failures only as message strings, so they are sorted here.
 */
export async function launchAuthFlow(url: string): Promise<string> {
  if (!identityAvailable()) throw new CourierFailure('forbidden', NO_IDENTITY_MESSAGE);
  try {
    const result = await browser.identity.launchWebAuthFlow({ url, interactive: true });
    if (!result) throw new AuthFlowCancelled();
    return result;
  } catch (error) {
    if (error instanceof AuthFlowCancelled) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/could not be loaded|net::|failed to load/i.test(message)) throw new AuthFlowUnreachable();
    throw new AuthFlowCancelled();
  }
}
