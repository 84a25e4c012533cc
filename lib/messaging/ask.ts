import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf, WireError } from '../protocol';

/** An error the background sent back, with the kind the UI branches on. */
export class CourierError extends Error {
  readonly kind: WireError['kind'];
  readonly field?: string;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'CourierError';
    this.kind = error.kind;
    if (error.field !== undefined) this.field = error.field;
  }
}

/** Asks the background; resolves with its value or rejects with a CourierError. */
export async function ask<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { courier: 1, type, payload };
  const reply: Reply<ResponseOf<K>> | undefined = await browser.runtime.sendMessage(envelope);
  if (!reply) {
    throw new CourierError({
      kind: 'internal',
      message: 'The background did not answer. Reload the extension and try again.',
    });
  }
  if (!reply.ok) throw new CourierError(reply.error);
  return reply.value;
}
