import { CourierFailure } from '../errors';
import { DownloadFailure } from '../share/download';
import { codeMeaning } from '../slack/codes';
import { SlackApiError, SlackTransportError } from '../slack/errors';

/**
 * What one failed send attempt means for the outbox item:
 * - retry: nothing was stored, try again later (429, Slack's own trouble);
 * - unclear: the request may have been stored (timeout, dropped connection, 5xx): look in the
 *   channel's history for the item before posting again;
 * - terminal: Slack refused it for a reason retrying cannot fix; keep it for the person;
 * - download: a file's site failed (before anything reached Slack): the browser refused Courier
 *   the site (`access`: wait for the person to grant it), or the site or the way to it failed
 *   (`flaky`: retry a few times, then wait for the person).
 */
export type AttemptFailure =
  | { kind: 'retry'; afterMs?: number }
  | { kind: 'unclear' }
  | { kind: 'terminal'; code: string }
  | { kind: 'download'; access: true; site: string }
  | { kind: 'download'; access: false };

/** Tries of a file's download that the site or the network failed, before Courier waits for the person. */
export const MAX_DOWNLOAD_TRIES = 4;

export function classifyAttempt(error: unknown): AttemptFailure {
  if (error instanceof SlackTransportError) {
    if (error.failure === 'rate_limited') return { kind: 'retry', afterMs: (error.retryAfter ?? 1) * 1000 };
    return { kind: 'unclear' };
  }
  if (error instanceof SlackApiError) {
    // "Not now" rather than "never" (lib/slack/codes.ts), token_expired included: it reaches the
    // outbox only when a token expired again right after its renewal, so the next attempt renews.
    return codeMeaning(error.code)?.retry ? { kind: 'retry' } : { kind: 'terminal', code: error.code };
  }
  if (error instanceof DownloadFailure) {
    if (error.problem === 'access') return { kind: 'download', access: true, site: error.site ?? '' };
    if (error.problem === 'refused') return { kind: 'terminal', code: 'download_refused' };
    return { kind: 'download', access: false };
  }
  if (error instanceof CourierFailure) {
    if (error.kind === 'offline' || error.kind === 'rate_limited' || error.kind === 'slack_error')
      return { kind: 'retry' };
    return { kind: 'terminal', code: error.kind };
  }
  return { kind: 'unclear' };
}

/** The first wait after Slack's own trouble (a 5xx, a dropped answer): a blip is usually over in seconds. */
export const SERVER_FIRST_WAIT_MS = 2_000;

/** Waits between attempts, doubling from `firstMs`: 5 s, 10 s, 20 s … capped at 5 minutes. */
export function backoffMs(attempts: number, firstMs = 5_000): number {
  return Math.min(firstMs * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}
