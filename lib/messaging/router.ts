import type { Envelope, MessageType, Reply, RequestOf, ResponseOf, WireError } from '../protocol';
import { isEnvelope } from '../protocol';
import { parseRequest } from './requests';
import type { SenderLike } from './sender';
import { isInternalSender } from './sender';

/**
 * Messaging: pages ask the background through ask.ts; the background answers through this router,
 * which refuses anything not from one of Courier's own pages (sender.ts) and parses every payload
 * against its request schema (requests.ts) before a handler sees it.
 */
export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>) => Promise<ResponseOf<K>>;
};

export interface RouterContext {
  runtimeId: string;
  extensionOrigin: string;
  handlers: Handlers;
  /** Turns a thrown value into a wire error; the only place that decides what a page may see. */
  toWireError: (error: unknown) => WireError;
}

/**
 * Returns a runtime.onMessage listener. Messages that are not Courier envelopes are ignored
 * (undefined lets other listeners answer); envelopes from outside the extension are refused, and
 * so is a payload that does not match its request's schema (./requests.ts), before its handler runs.
 */
export function createRouter(ctx: RouterContext) {
  return (message: unknown, sender: SenderLike): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (!isInternalSender(sender, ctx.runtimeId, ctx.extensionOrigin)) {
      return Promise.resolve({
        ok: false,
        error: { kind: 'forbidden', message: 'Refused: the message did not come from Courier.' },
      });
    }
    const type = message.type;
    if (!Object.hasOwn(ctx.handlers, type)) {
      return Promise.resolve({
        ok: false,
        error: { kind: 'invalid_input', message: `Unknown request "${message.type}".` },
      });
    }
    return dispatch(ctx, message);
  };
}

async function dispatch<K extends MessageType>(
  ctx: RouterContext,
  message: Envelope<K>,
): Promise<Reply<ResponseOf<K>>> {
  try {
    const handler = ctx.handlers[message.type] as (payload: RequestOf<K>) => Promise<ResponseOf<K>>;
    return { ok: true, value: await handler(parseRequest(message.type, message.payload)) };
  } catch (error) {
    return { ok: false, error: ctx.toWireError(error) };
  }
}
