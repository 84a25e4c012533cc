import { downloadShare, type DownloadOptions } from '../share/download';
import { uploadPlan } from '../share/format';
import type { UploadShare } from '../share/share';
import type { OutboxFile } from '../store/sending-records';

/** What an image or file share uploads before its bytes are fetched: its name from the address. */
export function plannedFile(share: UploadShare): { file: OutboxFile; comment: string } {
  const plan = uploadPlan(share);
  return {
    file: { share, filename: plan.filename, title: plan.title, ...(plan.altText ? { altText: plan.altText } : {}) },
    comment: plan.initialComment ?? '',
  };
}

/** The share's bytes, fetched, with the name the site gives them (type, Content-Disposition). */
export async function downloadFile(file: OutboxFile, options: DownloadOptions = {}): Promise<OutboxFile> {
  const fetched = await downloadShare(file.share, options);
  const plan = uploadPlan(file.share, fetched);
  return { ...file, blob: fetched.blob, filename: plan.filename, title: plan.title };
}
