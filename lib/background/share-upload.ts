import { CourierFailure } from '../errors';
import { uploadPlan } from '../share/format';
import type { UploadShare } from '../share/share';
import type { OutboxFile } from '../store/sending-records';

/** Browsers' context menus hand over the address only: the bytes are fetched here, then uploaded. */
async function fetchBytes(
  url: string,
  signal?: AbortSignal,
): Promise<{ blob: Blob; contentType: string | null; contentDisposition: string | null }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CourierFailure(
      'offline',
      `Courier could not download ${new URL(url).host}'s file. Check your connection; Courier will try again.`,
    );
  }
  if (!response.ok) {
    // A missing or forbidden file stays so: only the site's own trouble (5xx) is worth a retry.
    throw new CourierFailure(
      response.status >= 500 ? 'slack_error' : 'invalid_input',
      `The site answered HTTP ${response.status} for that file, so there was nothing to upload.`,
    );
  }
  return {
    blob: await response.blob(),
    contentType: response.headers.get('content-type'),
    contentDisposition: response.headers.get('content-disposition'),
  };
}

/** What an image or file share uploads before its bytes are fetched: its name from the address. */
export function plannedFile(share: UploadShare): { file: OutboxFile; comment: string } {
  const plan = uploadPlan(share);
  return {
    file: { share, filename: plan.filename, title: plan.title, ...(plan.altText ? { altText: plan.altText } : {}) },
    comment: plan.initialComment ?? '',
  };
}

/** The share's bytes, fetched, with the name the site gives them (type, Content-Disposition). */
export async function downloadFile(file: OutboxFile, signal?: AbortSignal): Promise<OutboxFile> {
  const source = file.share.kind === 'image' ? file.share.srcUrl : file.share.url;
  const fetched = await fetchBytes(source, signal);
  const plan = uploadPlan(file.share, fetched);
  return { ...file, blob: fetched.blob, filename: plan.filename, title: plan.title };
}
