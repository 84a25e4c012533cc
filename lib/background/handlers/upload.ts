import { browser } from 'wxt/browser';
import { CourierFailure } from '../../errors';
import { isUploadShare } from '../../share/share';
import { uploadKey } from '../../share/upload-progress';
import type { Handlers } from '../../messaging/router';
import { threadFrom } from '../../share/thread-link';
import { rememberTargets } from '../../platform/recents';
import { reachedTargets } from '../../outbox/send-share';
import { rememberNeeded } from '../../platform/site-access';
import type { Services } from '../services';
import { cancellable, cancelUpload } from '../../outbox/aborts';
import { uploadToTargets } from '../../outbox/uploads';
import { withScreenshot } from '../screenshots';

export function uploadHandlers(services: () => Promise<Services>): Pick<Handlers, 'upload.start' | 'upload.cancel'> {
  return {
    'upload.start': async ({ uploadId, share: named, targets, threadLink }) => {
      if (!isUploadShare(named))
        throw new CourierFailure('invalid_input', 'Only images, files and screenshots are uploaded.');
      // A screenshot's PNG goes into the outbox item itself: nothing is downloaded for it.
      const share = await withScreenshot(named);
      if (targets.length === 0)
        throw new CourierFailure('invalid_input', 'Choose at least one channel or person to send to.');
      const thread = threadFrom(threadLink);
      const key = uploadKey(uploadId);
      const all = await services();
      // Writes in order, so the last one is the last progress and the removal comes after all.
      let writes = Promise.resolve();
      try {
        const results = await cancellable(uploadId, (signal) =>
          uploadToTargets(all.outbox, { share, targets, ...(thread ? { thread } : {}) }, signal, (progress) => {
            // storage.session: pages may read it, and it is gone when the browser closes.
            writes = writes.then(() => browser.storage.session.set({ [key]: progress })).catch(() => undefined);
          }),
        );
        await rememberTargets(reachedTargets(targets, results));
        // The compose window offers "Allow access"; a later click on that site asks at once.
        const refused = results.find((result) => result.error?.kind === 'needs_access')?.error?.site;
        if (refused) await rememberNeeded(refused);
        return results;
      } finally {
        await writes;
        await browser.storage.session.remove(key).catch(() => undefined);
      }
    },
    'upload.cancel': ({ uploadId }) => {
      cancelUpload(uploadId);
      return Promise.resolve(null);
    },
  };
}
