import { bool, str } from '../envelope';
import type { Message } from '../model';
import { messageJson } from '../message-json';
import { authorFields, checkCanPost, readContent, resolveTarget } from './posting';
import type { MethodDef } from './types';

export const chatMethods: MethodDef[] = [
  {
    name: 'chat.postMessage',
    tier: 'special',
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = resolveTarget(ctx, str(ctx.params, 'channel'));
      const content = readContent(ctx);
      checkCanPost(ctx, conv);
      const threadTs = str(ctx.params, 'thread_ts');
      const broadcast = threadTs !== undefined && bool(ctx.params, 'reply_broadcast');
      const message: Message = {
        team: ctx.ws.id,
        channel: conv.id,
        ts: ctx.state.nextTs(),
        text: content.text,
        ...authorFields(ctx),
        threadTs,
        metadata: content.metadata ?? undefined,
        blocks: content.blocks,
        attachments: content.attachments,
        ...(broadcast ? { replyBroadcast: true, subtype: 'thread_broadcast' } : {}),
      };
      ctx.state.messages.push(message);
      const json = messageJson(ctx.ws, message, { includeMetadata: true, origin: ctx.request.origin });
      return { channel: conv.id, ts: message.ts, message: json };
    },
  },
];
