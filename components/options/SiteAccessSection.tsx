import { useEffect, useState } from 'preact/hooks';
import { requiredHostPermission } from '@/lib/auth/profile';
import { ask } from '@/lib/messaging/ask';
import {
  ALL_SITES,
  grantedSites,
  onSiteAccessChanged,
  removeSiteAccess,
  requestSiteAccess,
} from '@/lib/platform/site-access';
import { siteHost } from '@/lib/share/site';
import { useRequest } from '../useRequest';

/** The sites granted for sharing; a profile's own Slack host is managed with its profile. */
async function sharingSites(): Promise<string[]> {
  const [sites, profiles] = await Promise.all([grantedSites(), ask('profiles.list', {})]);
  const slack = new Set(profiles.map((profile) => requiredHostPermission(profile.baseUrl)));
  return sites.filter((site) => !slack.has(site));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Which sites Courier may download shared images and files from: "Allow sharing from all sites"
 * (one request for every http and https site), and each site granted, removable.
 */
export function SiteAccessSection() {
  const [sites, reload] = useRequest(sharingSites, ['outbox']);
  const [notice, setNotice] = useState({ text: '', failed: false });
  useEffect(() => onSiteAccessChanged(reload), [reload]);
  const all = sites.status === 'done' && ALL_SITES.every((site) => sites.value.includes(site));
  const listed = sites.status === 'done' ? sites.value.filter((site) => !ALL_SITES.includes(site)) : [];

  const allowAll = () => {
    // First in the click: the browser shows its prompt only inside it.
    requestSiteAccess(ALL_SITES).then(
      (granted) =>
        setNotice(
          granted
            ? { text: 'Courier may download what you share from any site.', failed: false }
            : { text: 'Nothing changed: Courier still asks site by site.', failed: true },
        ),
      (error: unknown) => setNotice({ text: messageOf(error), failed: true }),
    );
  };
  const remove = (remove: string[], what: string) =>
    void removeSiteAccess(remove).then(
      (removed) =>
        setNotice(
          removed
            ? { text: `Removed ${what}. Courier will ask again when a share needs it.`, failed: false }
            : { text: `The browser kept ${what}.`, failed: true },
        ),
      (error: unknown) => setNotice({ text: messageOf(error), failed: true }),
    );

  return (
    <section id="site-access" aria-labelledby="site-access-title">
      <h2 id="site-access-title">Site access</h2>
      <p class="muted">
        Courier downloads the images and files you share and uploads them to Slack. Files that a site serves to anyone
        need no permission. For a site that does not, or a file behind your sign-in there, your browser asks you once
        for that site. Courier uses that access only to download what you share; it never reads the pages.
      </p>
      {sites.status === 'failed' && <p class="error">{sites.message}</p>}
      {sites.status === 'done' && (
        <>
          {all ? (
            <p>
              Sharing is allowed from all sites.{' '}
              <button type="button" onClick={() => remove(ALL_SITES, 'access to all sites')}>
                Remove access to all sites
              </button>
            </p>
          ) : (
            <button type="button" class="primary" onClick={allowAll}>
              Allow sharing from all sites
            </button>
          )}
          {listed.length === 0 ? (
            !all && <p class="muted">No site is allowed yet. Courier asks when a share needs one.</p>
          ) : (
            <>
              <h3 id="site-list-title">Sites you allowed</h3>
              <ul class="site-list" aria-labelledby="site-list-title">
                {listed.map((site) => (
                  <li key={site}>
                    <span>{siteHost(site)}</span>
                    {site.startsWith('http:') && <span class="muted">(http, not encrypted)</span>}
                    <button
                      type="button"
                      aria-label={`Remove access to ${siteHost(site)}`}
                      onClick={() => remove([site], `access to ${siteHost(site)}`)}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </section>
  );
}
