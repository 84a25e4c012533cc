import { accountContext } from '../../actions/account-context';
import { joinConversation } from '../../actions/conversations';
import { runAction } from '../../actions/runner';
import type { Handlers } from '../../messaging/router';
import type { Services } from '../services';

export function conversationHandlers(services: () => Promise<Services>): Pick<Handlers, 'conversation.join'> {
  return {
    'conversation.join': async ({ accountId, channel }) => {
      const { runner } = await accountContext(await services(), accountId);
      await runAction(joinConversation, { channel }, runner);
      return null;
    },
  };
}
