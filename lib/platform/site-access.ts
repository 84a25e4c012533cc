// Host permissions for the sites files are shared from (optional_host_permissions). The browser
// asks the person; Courier only asks from a click, and remembers nothing but what the browser holds
// and which sites refused it before (so a later click on such a site can ask at once).
import { browser } from 'wxt/browser';
import { sitesNeedingAccess } from '../store/settings';

/** "Allow sharing from all sites": one request for both schemes. */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** How many sites the sites-needing-access setting keeps (lib/store/settings.ts), newest last. */
const NEEDED_MAX = 50;

/** Whether a held origin pattern covers a site pattern ("https://cdn.example.com/*"). */
export function covers(held: string, site: string): boolean {
  if (held === site || held === '<all_urls>') return true;
  const [scheme] = site.split('://');
  return held === `${scheme}://*/*` || (held === '*://*/*' && (scheme === 'http' || scheme === 'https'));
}

export const hasSiteAccess = (site: string): Promise<boolean> => browser.permissions.contains({ origins: [site] });

/** Must be called inside a click's handler, before anything is awaited: browsers insist. */
export const requestSiteAccess = (sites: string[]): Promise<boolean> => browser.permissions.request({ origins: sites });

export const removeSiteAccess = (sites: string[]): Promise<boolean> => browser.permissions.remove({ origins: sites });

/** The sites the person granted: optional host permissions held, not the manifest's own (Slack). */
export async function grantedSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const required = new Set<string>((browser.runtime.getManifest().host_permissions as string[] | undefined) ?? []);
  return origins.filter((origin) => !required.has(origin));
}

/** Calls back when the browser grants or removes a host permission; returns the way to stop. */
export function onSiteAccessChanged(listener: () => void): () => void {
  const changed = () => listener();
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}

/**
 * What a click handler may know without awaiting: the origins held and the sites that needed
 * access before, as last read. Empty until the first read of a worker's life completes.
 */
const known = { held: [] as string[], needed: new Set<string>() };

export async function readSiteMemory(): Promise<void> {
  const [{ origins = [] }, needed] = await Promise.all([browser.permissions.getAll(), sitesNeedingAccess.getValue()]);
  known.held = origins;
  known.needed = new Set(needed);
}

/** A download from `site` was refused for lack of access: a later click on it asks at once. */
export async function rememberNeeded(site: string): Promise<void> {
  known.needed.delete(site);
  known.needed.add(site);
  await sitesNeedingAccess.setValue([...known.needed].slice(-NEEDED_MAX));
}

/** Whether `site` refused Courier before and is still not held, as far as the worker knows now. */
export function knownToNeedAccess(site: string): boolean {
  return known.needed.has(site) && !known.held.some((held) => covers(held, site));
}
