// Work that happens with time rather than with a call: scheduled messages get posted once the clock
// passes post_at, and upload tickets never completed are discarded. Runs lazily before each call, so
// advancing the emulator clock is enough to trigger it.
import type { Message, ScheduledMessage } from './model';
import type { EmulatorState } from './state';

/** How long an upload URL stays usable before it is discarded (Slack aborts uploads never completed). */
export const UPLOAD_TTL_SECONDS = 3600;

function posted(scheduled: ScheduledMessage, ts: string): Message {
  return {
    team: scheduled.team,
    channel: scheduled.channel,
    ts,
    text: scheduled.text,
    user: scheduled.user,
    botId: scheduled.botId,
    appId: scheduled.appId,
    threadTs: scheduled.threadTs,
    replyBroadcast: scheduled.replyBroadcast,
    metadata: scheduled.metadata,
    blocks: scheduled.blocks,
    attachments: scheduled.attachments,
    seeded: scheduled.seeded,
  };
}

export function housekeep(state: EmulatorState): void {
  const now = state.now();
  const due = state.scheduled.filter((s) => s.postAt * 1000 <= now);
  if (due.length > 0) {
    state.scheduled = state.scheduled.filter((s) => s.postAt * 1000 > now);
    due.sort((a, b) => a.postAt - b.postAt);
    for (const scheduled of due) state.messages.push(posted(scheduled, state.nextTs()));
  }
  for (const [ticket, upload] of state.uploads) {
    if (upload.createdAt + UPLOAD_TTL_SECONDS * 1000 <= now) state.uploads.delete(ticket);
  }
}
