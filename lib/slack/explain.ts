/**
 * One sentence a person can act on for each Slack error code a call may return (the sentences
 * live in lib/slack/codes.ts). Only Slack's code and scope names are ever echoed, and only when
 * they look like one, so nothing from a token, a body or a URL can reach the sentence.
 */
import type { SaidTo } from './codes';
import { LATER, codeMeaning } from './codes';

export { scopeList } from './codes';

/** What a sentence may name: missing_scope's scopes, and the workspace and redirect URL where known. */
export type ExplainExtra = SaidTo;

/** Whether to end with the advice to wait and try again: not for an item Courier retries itself. */
export interface Advice {
  advise?: boolean;
}

const CODE = /^[a-z][a-z0-9_]{0,58}[a-z0-9]$/;

/** A sentence for a Slack error code; unknown codes are named, when they look like one. */
export function explainSlackError(code: string, extra: ExplainExtra = {}, { advise = true }: Advice = {}): string {
  const meaning = codeMeaning(code);
  const said = typeof meaning?.sentence === 'function' ? meaning.sentence(extra) : meaning?.sentence;
  if (said) return advise && meaning?.later ? `${said} ${LATER}` : said;
  const shown = CODE.test(code) ? `"${code}"` : "an error Courier doesn't recognise";
  return `Slack refused with ${shown}.`;
}

/** Sentences for failures before any Slack code could be read (network, timeout, 5xx, 429, garbage). */
export function explainTransport(
  failure: 'network' | 'timeout' | 'garbage' | 'http_error' | 'rate_limited',
  extra: { status?: number; retryAfter?: number } = {},
  { advise = true }: Advice = {},
): string {
  const later = advise ? ` ${LATER}` : '';
  switch (failure) {
    case 'network':
      return `Courier can't reach Slack. Check that you're online${advise ? ', then try again' : ''}.`;
    case 'timeout':
      return `Slack took too long to answer.${later}`;
    case 'rate_limited':
      // A countdown would go stale on a waiting item, whose page says when Courier tries again.
      return extra.retryAfter !== undefined && advise
        ? `Slack is limiting how often Courier may call it. Try again in ${Math.max(1, Math.ceil(extra.retryAfter))} s.`
        : `Slack is limiting how often Courier may call it.${later}`;
    case 'http_error':
      return extra.status !== undefined && extra.status >= 500
        ? `Slack is having trouble right now (HTTP ${extra.status}).${later}`
        : `Slack answered with HTTP ${extra.status ?? '?'}. Check the profile's Slack base URL.`;
    case 'garbage':
      return "Slack answered with something Courier can't read. Check the profile's Slack base URL.";
  }
}
