import { requiredHostPermission } from '@/lib/auth/profile';
import { requestSiteAccess } from '@/lib/platform/site-access';

/**
 * Asks the browser for the host a base URL outside the manifest's Slack hosts needs. Call it first
 * in the click: browsers prompt only there. Resolves to the refused host ("http://127.0.0.5"), or
 * null when nothing is missing.
 */
export async function requestBaseUrlHost(baseUrl: string): Promise<string | null> {
  const host = requiredHostPermission(baseUrl);
  if (!host || (await requestSiteAccess([host]))) return null;
  return host.replace('/*', '');
}
