// Do Not Disturb: the person's snooze. No method spec in Slack's reference set; the shapes follow
// the SDK's DndSetSnoozeResponse, DndEndSnoozeResponse and DndInfoResponse.
import * as z from 'zod/mini';
import { read, write, type MethodTable } from '../tier-rules';
import { okResponse } from './common';

export const dndSetSnoozeResponse = okResponse({
  snooze_enabled: z.boolean(),
  /** Unix seconds. */
  snooze_endtime: z.optional(z.number()),
  /** Seconds left. */
  snooze_remaining: z.optional(z.number()),
  snooze_is_indefinite: z.optional(z.boolean()),
});

export const dndEndSnoozeResponse = okResponse({
  snooze_enabled: z.boolean(),
  dnd_enabled: z.optional(z.boolean()),
  next_dnd_start_ts: z.optional(z.number()),
  next_dnd_end_ts: z.optional(z.number()),
});

export const dndInfoResponse = okResponse({
  dnd_enabled: z.optional(z.boolean()),
  next_dnd_start_ts: z.optional(z.number()),
  next_dnd_end_ts: z.optional(z.number()),
  /** Only when asking about the token's own user. */
  snooze_enabled: z.optional(z.boolean()),
  snooze_endtime: z.optional(z.number()),
  snooze_remaining: z.optional(z.number()),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const DND_METHODS = {
  'dnd.info': { response: dndInfoResponse, ...read(3) },
  'dnd.setSnooze': { response: dndSetSnoozeResponse, ...write(2) },
  'dnd.endSnooze': { response: dndEndSnoozeResponse, ...write(2) },
} as const satisfies MethodTable;
