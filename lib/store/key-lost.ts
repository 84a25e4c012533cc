import { CourierFailure } from '../errors';
import type { ChainMeta } from './records';

/** A chain's dead code when its tokens were sealed under a key this browser no longer has. */
export const KEY_LOST_CODE = 'courier_key_lost';

export const KEY_LOST_REASON =
  "Courier's encryption key for this browser was lost, so it can't read this workspace's sign-in: reconnect it.";

/**
 * A chain's tokens do not open under this browser's key: the key that sealed them is gone (its
 * record deleted, a profile copied without it, a browser bug). Retrying cannot help; a reconnect can.
 */
export class KeyLostError extends CourierFailure {
  constructor(readonly chain: ChainMeta) {
    super('needs_reconnect', KEY_LOST_REASON);
  }
}
