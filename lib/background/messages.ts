import { browser } from 'wxt/browser';
import { toWireError } from '../errors';
import { actionHandlers } from './handlers/actions';
import { conversationHandlers } from './handlers/conversation';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { directoryHandlers } from './handlers/directory';
import { historyHandlers } from './handlers/history';
import { messageHandlers } from './handlers/message';
import { outboxHandlers } from './handlers/outbox';
import { presenceHandlers } from './handlers/presence';
import { profileHandlers } from './handlers/profiles';
import { scheduledHandlers } from './handlers/scheduled';
import { sendHandlers } from './handlers/send';
import { statusHandlers } from './handlers/status';
import { uploadHandlers } from './handlers/upload';
import { screenshotHandlers } from './handlers/screenshot';
import { createRouter } from '../messaging/router';
import type { StartFailure } from '../protocol';
import type { Services } from './services';
import { workspaceHandlers } from './handlers/workspaces';

/** Registers the message router; called synchronously from the background's main(). */
export function setupMessages(
  startedAt: number,
  services: () => Promise<Services>,
  lastStartError: () => StartFailure | undefined,
): void {
  const listener = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    toWireError,
    handlers: {
      ...profileHandlers(services),
      ...workspaceHandlers(services),
      ...actionHandlers(services),
      ...sendHandlers(services),
      ...uploadHandlers(services),
      ...screenshotHandlers(),
      ...messageHandlers(services),
      ...conversationHandlers(services),
      ...outboxHandlers(services),
      ...historyHandlers(services),
      ...presenceHandlers(services),
      ...statusHandlers(services),
      ...scheduledHandlers(services),
      ...directoryHandlers(services),
      ...diagnosticsHandlers(startedAt, services, lastStartError),
    },
  });
  // sendResponse + `return true` keeps the channel open in Chrome and Firefox alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = listener(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  });
  // Other extensions and web pages get nothing: Courier has no external API.
  browser.runtime.onMessageExternal.addListener(() => undefined);
}
