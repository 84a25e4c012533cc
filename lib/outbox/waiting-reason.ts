import { STORAGE_FULL_WAITING, isQuotaError } from '../errors';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import { explainSlackError, explainTransport } from '../slack/explain';

/**
 * Slack's sentences end with what the person should do ("Wait a moment and try again."). For an
 * item Courier retries by itself that advice contradicts "Courier tries again at …", so a waiting
 * item says only what happened (the same sentence without the advice); the page adds when the
 * next attempt is and offers "Try now". Other failures keep the sentence they were told.
 */
export function whatHappened(error: unknown, sentence: string): string {
  const quiet = { advise: false };
  if (error instanceof SlackApiError) return explainSlackError(error.code, error, quiet);
  if (error instanceof SlackTransportError) return explainTransport(error.failure, error, quiet);
  if (isQuotaError(error)) return STORAGE_FULL_WAITING;
  return sentence;
}
