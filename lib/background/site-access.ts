import { clearAccessNotification } from '../platform/feedback';
import { hasSiteAccess, onSiteAccessChanged, readSiteMemory } from '../platform/site-access';
import type { Services } from './services';

/**
 * Shares that waited for access to their site go out by themselves once the person grants it:
 * when the browser says so (permissions.onAdded wakes the worker), and at every start (a grant
 * made while no worker listened, or an update that brought the host along).
 */
export function setupSiteAccess(services: () => Promise<Services>): void {
  void readSiteMemory().catch(() => undefined);
  onSiteAccessChanged(() => {
    void readSiteMemory().catch(() => undefined);
    void resumeWaiting(services);
  });
}

export async function resumeWaiting(services: () => Promise<Services>): Promise<number> {
  const { outbox } = await services();
  return outbox.resumeAccess(async (site) => {
    const held = await hasSiteAccess(site);
    if (held) await clearAccessNotification(site).catch(() => undefined);
    return held;
  });
}
