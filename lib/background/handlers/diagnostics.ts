import { browser } from 'wxt/browser';
import type { Handlers } from '../../messaging/router';
import { redirectUrl } from '../../platform/identity';
import type { StartFailure } from '../../protocol';
import { DB_VERSION } from '../../store/db';
import type { Services } from '../services';

export function diagnosticsHandlers(
  startedAt: number,
  services: () => Promise<Services>,
  lastStartError: () => StartFailure | undefined,
): Pick<Handlers, 'ping' | 'diagnostics.get'> {
  return {
    ping: () => Promise.resolve({ startedAt }),
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
  };
}
