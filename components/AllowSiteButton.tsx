import { useState } from 'preact/hooks';
import { siteHost } from '@/lib/share/site';
import { requestSiteAccess } from '@/lib/platform/site-access';

/**
 * "Allow access to <host>": the browser's own permission prompt for one site. Once granted, the
 * background sends what waited for that site by itself; nothing more to press.
 */
export function AllowSiteButton({ site, describedBy }: { site: string; describedBy?: string }) {
  const host = siteHost(site);
  const [answer, setAnswer] = useState<{ text: string; failed: boolean } | null>(null);
  const ask = () => {
    // Called first in the click: the browser shows its prompt only inside the person's click.
    requestSiteAccess([site]).then(
      (granted) =>
        setAnswer(
          granted
            ? { text: `Courier may now download from ${host}; the share goes on by itself.`, failed: false }
            : {
                text: `Courier still can't download from ${host}. Press the button again and choose Allow, or discard the share.`,
                failed: true,
              },
        ),
      (error: unknown) => setAnswer({ text: error instanceof Error ? error.message : String(error), failed: true }),
    );
  };
  return (
    <>
      {answer?.failed !== false && (
        <button type="button" class="primary" aria-describedby={describedBy} onClick={ask}>
          Allow access to {host}
        </button>
      )}
      {answer && (
        <span role="status" class={answer.failed ? 'error' : 'muted'}>
          {answer.text}
        </span>
      )}
    </>
  );
}
