import { browser } from 'wxt/browser';
import { toWireError } from '../errors';
import { listAccountSummaries } from '../store/accounts';
import { DB_VERSION, openCourierDB } from '../store/db';
import { createRouter } from './router';

/** Registers the message router; called synchronously from the background's main(). */
export function setupMessages(startedAt: number): void {
  const dbPromise = openCourierDB();
  const listener = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    toWireError,
    handlers: {
      ping: () => Promise.resolve({ startedAt }),
      'accounts.list': async () => listAccountSummaries(await dbPromise),
      'diagnostics.get': async () => {
        const db = await dbPromise;
        const manifest = browser.runtime.getManifest();
        return {
          version: manifest.version,
          browser: import.meta.env.BROWSER,
          manifestVersion: manifest.manifest_version,
          extensionId: browser.runtime.id,
          redirectUrl: browser.identity.getRedirectURL(),
          databaseVersion: DB_VERSION,
          accounts: await db.count('accounts'),
          profiles: await db.count('profiles'),
          workerStartedAt: startedAt,
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
