import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging/ask';
import type { RequestOf, SendResult } from '@/lib/protocol';
import { uploadKey, type UploadProgressView } from '@/lib/share/upload-progress';

/**
 * Asks the background to upload an image or file share and follows its progress, which the
 * background publishes in storage.session. The id is made here so Cancel can name the upload
 * before the background has answered.
 */
export function startUpload(
  request: Omit<RequestOf<'upload.start'>, 'uploadId'>,
  onProgress: (progress: UploadProgressView) => void,
): { uploadId: string; results: Promise<SendResult[]> } {
  const uploadId = crypto.randomUUID();
  const key = uploadKey(uploadId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const progress = changes[key]?.newValue;
    if (area === 'session' && progress) onProgress(progress as UploadProgressView);
  };
  browser.storage.onChanged.addListener(listener);
  const results = ask('upload.start', { ...request, uploadId }).finally(() =>
    browser.storage.onChanged.removeListener(listener),
  );
  return { uploadId, results };
}

export function cancelUpload(uploadId: string): Promise<null> {
  return ask('upload.cancel', { uploadId });
}
