import { useEffect, useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { ScreenshotTaken } from '@/lib/protocol';
import { CAPTURE_CACHE, captureKey } from '@/lib/share/screenshot';
import type { ScreenshotShare } from '@/lib/share/share';
import './screenshot.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The camera: the visible part of the page in one click. */
const CAMERA = (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9Zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z"
    />
  </svg>
);

/** A dashed frame: a region dragged over the page. */
const REGION = (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M3 3h5v2H5v3H3V3Zm13 0h5v5h-2V5h-3V3ZM3 16h2v3h3v2H3v-5Zm16 0h2v5h-5v-2h3v-3ZM10 3h4v2h-4V3Zm0 16h4v2h-4v-2ZM3 10h2v4H3v-4Zm16 0h2v4h-2v-4Z"
    />
  </svg>
);

export interface ScreenshotToolsProps {
  /** The tab the popup was opened on; the compose window has none (the background finds the page). */
  tabId: number | undefined;
  taken: ScreenshotTaken | null;
  onTaken: (taken: ScreenshotTaken | null) => void;
}

/**
 * "Share screenshot" (the visible part, at once) and "Share screenshot of a region" (the popup
 * closes so the person can drag over the page; the compose window opens with the result). The
 * background captures: the bytes never come here.
 */
export function ScreenshotTools({ tabId, taken, onTaken }: ScreenshotToolsProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const target = tabId === undefined ? {} : { tabId };

  const visible = async () => {
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      onTaken(await ask('screenshot.take', { area: 'visible', ...target }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const region = () => {
    // The background goes on after the drag (or says in a notification why it could not); this
    // page gets out of the way first.
    void ask('screenshot.take', { area: 'region', ...target }).catch(() => undefined);
    setTimeout(() => window.close(), 150);
  };

  if (taken) {
    return (
      <button type="button" class="screenshot-tools__remove" onClick={() => onTaken(null)}>
        Remove screenshot
      </button>
    );
  }
  return (
    <>
      <div class="screenshot-tools" role="group" aria-label="Screenshot">
        <button
          type="button"
          class="screenshot-tools__button"
          aria-label="Share screenshot"
          title="Share a screenshot of the visible part of the page"
          aria-disabled={busy}
          onClick={() => void visible()}
        >
          {CAMERA}
        </button>
        <button
          type="button"
          class="screenshot-tools__button"
          aria-label="Share screenshot of a region"
          title="Drag over the page to share part of it"
          onClick={region}
        >
          {REGION}
        </button>
      </div>
      {problem && (
        <p class="error screenshot-tools__problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** The screenshot about to be sent: its image (read from where the background keeps it) and page. */
export function ScreenshotPreview({
  share,
  size,
}: {
  share: ScreenshotShare;
  size?: { width: number; height: number };
}) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    if (!share.captureId) return;
    let url = '';
    let gone = false;
    void caches
      .open(CAPTURE_CACHE)
      .then((cache) => cache.match(captureKey(share.captureId!)))
      .then(async (kept) => {
        if (!kept || gone) return;
        url = URL.createObjectURL(await kept.blob());
        setSrc(url);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [share.captureId]);
  return (
    <figure class="share-preview screenshot-preview">
      <figcaption class="visually-hidden">Screenshot</figcaption>
      {src && (
        <img class="screenshot-preview__image" src={src} alt={`Screenshot of ${share.pageTitle || share.pageUrl}`} />
      )}
      <p class="share-preview__title">Screenshot of {share.pageTitle || share.pageUrl}</p>
      <p class="share-preview__url muted">
        {size ? `${size.width} × ${size.height} px · ` : ''}
        {share.pageUrl}
      </p>
    </figure>
  );
}
