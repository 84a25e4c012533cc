import { browser } from 'wxt/browser';
import { redirectUrl } from '../platform/identity';
import { toWireError } from '../errors';
import { DB_VERSION } from '../store/db';
import { actionHandlers } from './action-handlers';
import { historyHandlers } from './history-handlers';
import { profileHandlers } from './profile-handlers';
import { quickHandlers } from './quick-handlers';
import { sendHandlers } from './send-handlers';
import { uploadHandlers } from './upload-handlers';
import { createRouter } from './router';
import type { StartFailure } from '../protocol';
import type { Services } from './services';
import { workspaceHandlers } from './workspace-handlers';

/** Registers the message router; called synchronously from the background's main(). */
export function setupMessages(
  startedAt: number,
  services: () => Promise<Services>,
  lastStartError: () => StartFailure | undefined,
): void {
  const listener = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    toWireError,
    handlers: {
      ping: () => Promise.resolve({ startedAt }),
      ...profileHandlers(services),
      ...workspaceHandlers(services),
      ...actionHandlers(services),
      ...sendHandlers(services),
      ...uploadHandlers(services),
      ...quickHandlers(services),
      ...historyHandlers(services),
      'diagnostics.get': async () => {
        // Diagnostics answer even when the start fails: that failure is what they are asked for.
        const db = await services().then(
          ({ store }) => store.db,
          () => undefined,
        );
        const manifest = browser.runtime.getManifest();
        const failed = lastStartError();
        return {
          version: manifest.version,
          browser: import.meta.env.BROWSER,
          manifestVersion: manifest.manifest_version,
          extensionId: browser.runtime.id,
          redirectUrl: redirectUrl(),
          databaseVersion: DB_VERSION,
          ...(db && { accounts: await db.count('accounts'), profiles: await db.count('profiles') }),
          workerStartedAt: startedAt,
          ...(failed && { lastStartError: failed }),
        };
      },
    },
  });
  // sendResponse + `return true` keeps the channel open in Chrome and Firefox alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = listener(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  });
  // Other extensions and web pages get nothing: Courier has no external API.
  browser.runtime.onMessageExternal.addListener(() => undefined);
}
