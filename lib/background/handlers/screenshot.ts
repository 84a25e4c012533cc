import type { Handlers } from '../../messaging/router';
import { openComposeWindow } from '../menus';
import { takeScreenshot } from '../screenshots';

export function screenshotHandlers(): Pick<Handlers, 'screenshot.take'> {
  return {
    'screenshot.take': async ({ area, tabId }) => {
      const taken = await takeScreenshot(tabId === undefined ? undefined : { id: tabId }, area);
      if (!taken) return null;
      const { blob: _kept, ...answer } = taken;
      // The page that asked for a region closed itself so the person could drag over the tab: the
      // compose window takes it from here.
      if (area === 'region') await openComposeWindow(answer.share);
      return answer;
    },
  };
}
