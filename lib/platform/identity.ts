import { browser } from 'wxt/browser';

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

export function redirectUrl(): string {
  return browser.identity.getRedirectURL();
}

/**
 * Runs the interactive web auth flow and resolves with the URL Slack redirected to. Chrome and
 * Firefox report cancellation and load failures only as message strings, so they are sorted here.
 */
export async function launchAuthFlow(url: string): Promise<string> {
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
