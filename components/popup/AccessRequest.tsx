import { useId } from 'preact/hooks';
import { AllowSiteButton } from '@/components/AllowSiteButton';
import { isSitePattern, siteHost } from '@/lib/share/site';

/** The site a notification's window asks for (`?access=<pattern>`), or null when it names none. */
export function accessFromQuery(search: string): string | null {
  const site = new URLSearchParams(search).get('access');
  return site && isSitePattern(site) ? site : null;
}

/** What the window a notification opens is for: the one button that asks the browser for a site. */
export function AccessRequest({ site }: { site: string }) {
  const id = useId();
  const host = siteHost(site);
  return (
    <section class="access-request" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Allow Courier to download from {host}</h2>
      <p id={`${id}-why`}>
        A file you shared is on {host}, which does not let other sites read it. Your browser asks you before Courier may
        download from a site; once you allow it, the share goes on by itself.
      </p>
      <div class="access-request__actions">
        <AllowSiteButton site={site} describedBy={`${id}-why`} />
      </div>
    </section>
  );
}
