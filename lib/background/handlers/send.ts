import { CourierFailure } from '../../errors';
import type { Handlers } from '../../messaging/router';
import { reachedTargets, sendShareNow } from '../../outbox/send-share';
import { rememberTargets } from '../../platform/recents';
import { threadFrom } from '../../share/thread-link';
import type { Services } from '../services';

export function sendHandlers(services: () => Promise<Services>): Pick<Handlers, 'send'> {
  return {
    send: async ({ targets, share, threadLink, postAt, unfurl }) => {
      if (targets.length === 0)
        throw new CourierFailure('invalid_input', 'Choose at least one channel or person to send to.');
      const thread = threadFrom(threadLink);
      if (postAt !== undefined && postAt * 1000 <= Date.now()) {
        throw new CourierFailure('invalid_input', 'The scheduled time is in the past. Pick a later date and time.');
      }
      const results = await sendShareNow((await services()).outbox, share, targets, {
        ...(thread ? { thread } : {}),
        ...(postAt !== undefined ? { postAt } : {}),
        unfurl,
      });
      await rememberTargets(reachedTargets(targets, results));
      return results;
    },
  };
}
