import { accountContext, preferredCalls } from '../../actions/account-context';
import type { Handlers } from '../../messaging/router';
import type { Services } from '../services';

export function conversationHandlers(services: () => Promise<Services>): Pick<Handlers, 'conversation.join'> {
  return {
    'conversation.join': async ({ accountId, channel }) => {
      const context = await accountContext(await services(), accountId);
      await preferredCalls(context).call('conversations.join', { channel });
      return null;
    },
  };
}
