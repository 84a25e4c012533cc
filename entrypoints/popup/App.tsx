import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccessRequest, accessFromQuery } from '@/components/popup/AccessRequest';
import { Composer } from '@/components/popup/Composer';
import { currentPage, shareFromQuery, withSelection } from '@/components/popup/current-share';
import { ScreenshotTools } from '@/components/popup/Screenshot';
import type { QuickActionsProps } from '@/components/popup/QuickActions';
import { useDirectory } from '@/components/popup/useDirectory';
import { useRequest } from '@/components/useRequest';
import { ask } from '@/lib/messaging/ask';
import type { ScreenshotTaken } from '@/lib/protocol';
import type { Share } from '@/lib/share/share';
import type { FirstRead } from '@/lib/directory/mirror';

function openOptions() {
  void browser.runtime.openOptionsPage().then(() => window.close());
}

type OpenedOn = ReturnType<typeof currentPage>;

/**
 * `?share=` (the compose window, tests) wins; otherwise the current tab: its page at once, then its
 * selection once the page has answered (which can take a moment on a busy page).
 */
function useShare(started?: OpenedOn): { ready: boolean; share: Share | null; tabId?: number } {
  const [state, setState] = useState<{ ready: boolean; share: Share | null; tabId?: number }>(() => {
    const fromQuery = shareFromQuery(location.search);
    return { ready: fromQuery !== null, share: fromQuery };
  });
  // A layout effect: when the lookup has already answered, the composer shows in the first paint.
  useLayoutEffect(() => {
    if (state.ready) return;
    const done = (share: Share | null, tabId?: number) =>
      setState({ ready: true, share, ...(tabId === undefined ? {} : { tabId }) });
    (started ?? currentPage()).then(
      async (page) => {
        done(page?.share ?? null, page?.tabId);
        if (page) done(await withSelection(page.share, page.tabId), page.tabId);
      },
      () => done(null),
    );
    // Runs once: the share is read when the popup opens.
  }, []);
  return state;
}

/**
 * The quick actions (presence, scheduled messages, the outbox) sit below the composer: their code
 * loads, and their requests go out, once the composer has been shown, so they never hold up the
 * picker.
 */
function useQuickActions(wanted: boolean): { Loaded?: ComponentType<QuickActionsProps>; failed?: string } {
  const [state, setState] = useState<{ Loaded?: ComponentType<QuickActionsProps>; failed?: string }>({});
  useEffect(() => {
    if (!wanted) return;
    import('@/components/popup/QuickActions').then(
      ({ QuickActions }) => setState({ Loaded: QuickActions }),
      (error: unknown) => setState({ failed: error instanceof Error ? error.message : String(error) }),
    );
  }, [wanted]);
  return state;
}

export interface AppProps {
  /** Reads started before the UI's code loaded (main.tsx): the cached directory, the current tab. */
  cachedDirectory?: FirstRead;
  openedOn?: OpenedOn;
}

export function App({ cachedDirectory, openedOn }: AppProps) {
  // The directory is read from the cache at once, alongside the accounts: never after them.
  const directory = useDirectory(cachedDirectory);
  const [accounts] = useRequest(() => ask('accounts.list', {}), ['accounts']);
  const { ready, share, tabId } = useShare(openedOn);
  // A screenshot taken from here replaces the page's share until it is removed.
  const [taken, setTaken] = useState<ScreenshotTaken | null>(null);
  const [revision, setRevision] = useState(0);
  const linked = accounts.status === 'done' ? accounts.value : [];
  // A cached directory means a workspace is linked: compose at once, before the worker answers.
  const cached = directory.status === 'ready' && directory.workspaces > 0;
  const composing = linked.length > 0 || (accounts.status === 'loading' && cached);
  // An effect runs after the frame it was rendered in: by then the picker, if any, is on screen.
  const quick = useQuickActions(linked.length > 0 && directory.status !== 'loading');
  const [access] = useState(() => accessFromQuery(location.search));
  return (
    <main>
      <header class="popup__header">
        <img src="/icon/48.png" alt="" width={24} height={24} />
        <h1>Courier for Slack</h1>
      </header>
      {access && <AccessRequest site={access} />}
      {accounts.status === 'loading' && !cached && <p class="muted">Loading workspaces…</p>}
      {accounts.status === 'failed' && (
        <p class="error" role="alert">
          {accounts.message}
        </p>
      )}
      {accounts.status === 'done' && linked.length === 0 && (
        <>
          <p>
            Courier sends the page you are on, links, selections, images and files to Slack, and sets your presence,
            from this button or a right-click.
          </p>
          <p>
            No Slack workspace is linked yet. Setting up takes a few minutes: a Slack app of your own, then one click.
          </p>
          <button type="button" class="primary" onClick={openOptions}>
            Set up Courier
          </button>
        </>
      )}
      {composing && ready && !access && (
        <Composer
          share={taken?.share ?? share}
          directory={directory}
          accounts={linked}
          onSent={() => setRevision((n) => n + 1)}
          {...(taken ? { shareSize: taken } : {})}
          tools={
            share?.kind === 'screenshot' ? undefined : (
              <ScreenshotTools tabId={tabId} taken={taken} onTaken={setTaken} />
            )
          }
        />
      )}
      {linked.length > 0 && quick.failed && (
        <p class="error" role="alert">
          Presence, scheduled messages and the outbox could not be shown ({quick.failed}). Close and reopen the popup.
        </p>
      )}
      {linked.length > 0 && (quick.Loaded || quick.failed) && (
        <>
          {quick.Loaded && <quick.Loaded accounts={linked} revision={revision} />}
          <button type="button" class="popup__options" onClick={openOptions}>
            Manage workspaces
          </button>
        </>
      )}
    </main>
  );
}
