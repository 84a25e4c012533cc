import { fallbackText } from '@/lib/share/format';
import type { Share } from '@/lib/share/share';
import { ScreenshotPreview } from './Screenshot';

/** What will be sent besides the comment: the page, the quoted selection, a screenshot, or the link or file. */
export function SharePreview({ share, size }: { share: Share | null; size?: { width: number; height: number } }) {
  if (!share) {
    return <p class="share-preview muted">This tab is not a web page: only your message is sent.</p>;
  }
  switch (share.kind) {
    case 'page':
      return (
        <figure class="share-preview">
          <figcaption class="visually-hidden">Page</figcaption>
          <p class="share-preview__title">{share.title || share.url}</p>
          {share.title && <p class="share-preview__url muted">{share.url}</p>}
        </figure>
      );
    case 'selection':
      return (
        <figure class="share-preview">
          <figcaption class="visually-hidden">Quoted selection</figcaption>
          <blockquote class="share-preview__quote">{share.text}</blockquote>
          <p class="share-preview__url muted">— {share.pageTitle || share.pageUrl}</p>
        </figure>
      );
    case 'screenshot':
      return <ScreenshotPreview share={share} {...(size ? { size } : {})} />;
    default:
      return (
        <figure class="share-preview">
          <figcaption class="visually-hidden">
            {share.kind === 'link' ? 'Link' : share.kind === 'image' ? 'Image' : 'File'}
          </figcaption>
          <p class="share-preview__title">{fallbackText(share)}</p>
        </figure>
      );
  }
}
