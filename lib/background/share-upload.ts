import { CourierFailure } from '../errors';
import type { UploadShare } from '../share/share';
import { uploadPlan } from '../share/format';
import type { SendTarget } from '../protocol';
import type { UploadProgress } from '../slack/send-bytes';
import { uploadFile } from '../slack/upload';
import { accountContext } from './account-context';
import { callsFor, preferredKind } from './calls';
import type { Services } from './services';

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
      `Courier could not download ${new URL(url).host}'s file. Check your connection, or save the file and share it from Slack.`,
    );
  }
  if (!response.ok) {
    throw new CourierFailure(
      'slack_error',
      `The site answered HTTP ${response.status} for that file, so there was nothing to upload.`,
    );
  }
  return {
    blob: await response.blob(),
    contentType: response.headers.get('content-type'),
    contentDisposition: response.headers.get('content-disposition'),
  };
}

/** Image and file shares: the three-step upload into the target channel, with progress. */
export async function shareUpload(
  services: Services,
  share: UploadShare,
  target: SendTarget,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal; threadTs?: string } = {},
): Promise<{ fileId: string; permalink?: string }> {
  const source = share.kind === 'image' ? share.srcUrl : share.url;
  const fetched = await fetchBytes(source, options.signal);
  const plan = uploadPlan(share, fetched);
  const context = await accountContext(services, target.accountId);
  const api = callsFor(context, preferredKind(context));
  const { fileId, completed } = await uploadFile(api, {
    file: fetched.blob,
    filename: plan.filename,
    title: plan.title,
    channelId: target.id,
    ...(plan.initialComment ? { initialComment: plan.initialComment } : {}),
    ...(plan.altText ? { altText: plan.altText } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.threadTs ? { threadTs: options.threadTs } : {}),
  });
  const file = (completed.files as { permalink?: string }[] | undefined)?.[0];
  return { fileId, ...(file?.permalink ? { permalink: file.permalink } : {}) };
}
