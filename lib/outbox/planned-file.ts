import { downloadShare, type DownloadOptions } from '../share/download';
import { uploadPlan } from '../share/format';
import { isDownloadShare, type UploadShare } from '../share/share';
import type { OutboxFile } from '../store/sending-records';
import { CourierFailure } from '../errors';

/**
 * What an upload share uploads: for an image or file, its name from the address before its bytes
 * are fetched; a screenshot has its bytes already, and they go into the file before the first
 * attempt, so nothing is downloaded (the share itself is stored without them).
 */
export function plannedFile(share: UploadShare): { file: OutboxFile; comment: string } {
  const plan = uploadPlan(share);
  const { blob, ...described } = share.kind === 'screenshot' ? share : { ...share, blob: undefined };
  return {
    file: {
      share: described,
      filename: plan.filename,
      title: plan.title,
      ...(plan.altText ? { altText: plan.altText } : {}),
      ...(blob ? { blob } : {}),
    },
    comment: plan.initialComment ?? '',
  };
}

/** The share's bytes, fetched, with the name the site gives them (type, Content-Disposition). */
export async function downloadFile(file: OutboxFile, options: DownloadOptions = {}): Promise<OutboxFile> {
  const { share } = file;
  if (!isDownloadShare(share)) {
    // A screenshot's bytes are stored with it; without them there is nothing to fetch.
    throw new CourierFailure('invalid_input', 'This screenshot was not kept. Take it again.');
  }
  const fetched = await downloadShare(share, options);
  const plan = uploadPlan(share, fetched);
  return { ...file, blob: fetched.blob, filename: plan.filename, title: plan.title };
}
