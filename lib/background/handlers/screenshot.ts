import { toWireError } from '../../errors';
import type { Handlers } from '../../messaging/router';
import { notifySend } from '../../platform/feedback';
import { openComposeWindow } from '../menus';
import { takeScreenshot } from '../screenshots';

export function screenshotHandlers(): Pick<Handlers, 'screenshot.take'> {
  return {
    'screenshot.take': async ({ area, tabId }) => {
      const taken = await takeScreenshot(tabId === undefined ? undefined : { id: tabId }, area).catch(
        async (error: unknown) => {
          // The popup that asked for a region has closed: the sentence goes in a notification.
          if (area === 'region') {
            await notifySend({ id: crypto.randomUUID(), title: 'No screenshot', message: toWireError(error).message });
          }
          throw error;
        },
      );
      if (!taken) return null;
      const { blob: _kept, ...answer } = taken;
      // The page that asked for a region closed itself so the person could drag over the tab: the
      // compose window takes it from here.
      if (area === 'region') await openComposeWindow(answer.share);
      return answer;
    },
  };
}
