/**
 * What a failed refresh or auth check means for a chain:
 * - transient: the network or Slack hiccupped; back off and retry, keep the account connected.
 * - expired: the access token ran out (clock skew, a sleeping device); refresh once, retry once.
 * - terminal: repeating the request gets the same answer; during a refresh the account needs a
 *   reconnect. Slack codes not listed as transient land here too, because Slack answered on
 *   purpose; only its documented server-side codes are worth repeating.
 *
 * Meant for token health (refresh outcomes, auth errors of calls). Action errors such as
 * channel_not_found or missing_scope are the action's business, not the chain's.
 *
 * Input is a Slack error code, an HTTP status, or one of Courier's markers for failures without a
 * code: 'network', 'timeout', 'garbage' (a body that isn't JSON), 'http_error', 'rate_limited'
 * (the transport's names), 'state_mismatch' (a refused redirect) and RAN_OUT_CODE (a PKCE refresh
 * token past its 30 days). No Slack code uses these.
 *
 * What a Slack code means (whether it is worth repeating, its sentence) is lib/slack/codes.ts's to
 * say; only Courier's markers and the OAuth redirect's own errors are worded here.
 */
import { LATER, codeMeaning } from '../slack/codes';
import { explainSlackError } from '../slack/explain';
import { KEY_LOST_CODE, KEY_LOST_REASON } from '../store/key-lost';
import { RAN_OUT_CODE } from './run-out';

export type FailureClass = 'transient' | 'terminal' | 'expired';

/** The transport's failures (its 429 included): none says anything about the request, so all repeat. */
const TRANSPORT = new Set(['network', 'timeout', 'garbage', 'http_error', 'rate_limited']);

export function classifyFailure(failure: string | number): FailureClass {
  if (typeof failure === 'number') {
    // 408 Request Timeout, 425 Too Early, 429 and 5xx are worth repeating; a proxy or captive
    // portal answering 1xx–3xx in Slack's place is a network problem. Other 4xx will not change.
    const repeatable = failure === 408 || failure === 425 || failure === 429 || failure >= 500 || failure < 400;
    return repeatable ? 'transient' : 'terminal';
  }
  if (failure === 'token_expired') return 'expired';
  return TRANSPORT.has(failure) || codeMeaning(failure)?.transient ? 'transient' : 'terminal';
}

export interface ExplainContext {
  /** This browser's redirect URL, to paste into the Slack app. */
  redirectUri?: string;
  /** The profile's Slack base URL. */
  baseUrl?: string;
  /** The scopes that were requested. */
  scopes?: readonly string[];
  /** The workspace's name, for reconnect reasons. */
  workspace?: string;
}

interface Said {
  who: string;
  host: string;
  ctx: ExplainContext;
}

const needsReconnect = (why: string) => (said: Said) => `${said.who} needs to reconnect: ${why}.`;
const notJson = ({ ctx }: Said) =>
  `Slack answered with something that isn't JSON. Check the profile's Slack base URL${ctx.baseUrl ? ` (${ctx.baseUrl})` : ''}.`;

/**
 * Courier's markers, and the errors the OAuth redirect carries (not answers of a Web API method:
 * the redirect's access_denied is a cancel, a file method's is something else).
 */
const SENTENCES = new Map<string, (said: Said) => string>([
  [KEY_LOST_CODE, () => KEY_LOST_REASON],
  [
    'access_denied',
    () => "You cancelled on Slack's permission page, so nothing was connected. Connect again when you're ready.",
  ],
  [
    'invalid_scope',
    ({ ctx }) =>
      ctx.scopes?.length
        ? `Slack refused one of the requested scopes for this app (${ctx.scopes.join(', ')}). Check the profile's scopes against your Slack app and connect again.`
        : "Slack refused one of the requested scopes for this app. Check the profile's scopes against your Slack app and connect again.",
  ],
  [
    'unapproved_scope',
    () =>
      'A workspace admin must approve the requested scopes before the app can be installed. Ask an admin, then connect again.',
  ],
  [
    'scope_not_allowed_on_enterprise',
    () =>
      "One of the requested scopes can't be used on an Enterprise organization. Remove it from the profile and connect again.",
  ],
  [
    'invalid_team_for_non_distributed_app',
    () =>
      "This Slack app isn't distributed, so it can only be installed in the workspace that owns it. Pick that workspace, or turn on public distribution in the app's settings.",
  ],
  [
    'state_mismatch',
    () =>
      "Courier refused Slack's answer because it didn't match the request Courier sent, which can mean a forged sign-in. Try connecting again.",
  ],
  ['network', ({ host }) => `Courier can't reach ${host}. Check that you're online, then try again.`],
  ['timeout', ({ host }) => `${host} took too long to answer. ${LATER}`],
  ['garbage', notJson],
  ['http_error', notJson],
  // The transport's 429 reads like Slack's own ratelimited, not like chat.postMessage's rate_limited.
  ['rate_limited', () => explainSlackError('ratelimited')],
  [
    RAN_OUT_CODE,
    needsReconnect(
      "its sign-in ran out after 30 days without a refresh (Slack ends a PKCE app's sign-in 30 days after the last refresh)",
    ),
  ],
  // Slack documents no invalid_grant, but third parties report it for dead refresh tokens.
  ['invalid_grant', needsReconnect('Slack no longer accepts its refresh token')],
]);

/**
 * One sentence a person can act on, for the connect flow and for reconnect reasons. Nothing from
 * a token or secret can reach it: Slack's code is only echoed when it looks like one (lowercase
 * words joined by underscores), and the context holds only what the profile shows anyway.
 */
export function explain(failure: string | number, ctx: ExplainContext = {}): string {
  const said: Said = { who: ctx.workspace ?? 'This workspace', host: hostOf(ctx.baseUrl), ctx };
  if (typeof failure === 'number') {
    if (failure === 429) return `Slack is limiting how often Courier may call it. ${LATER}`;
    if (classifyFailure(failure) === 'transient')
      return `Slack is having trouble right now (HTTP ${failure}). ${LATER}`;
    return `Slack answered with HTTP ${failure}. Check the profile's Slack base URL${ctx.baseUrl ? ` (${ctx.baseUrl})` : ''}.`;
  }
  const sentence = SENTENCES.get(failure);
  if (sentence) return sentence(said);
  // A Slack code reads the same wherever it happens, naming the workspace where it is known.
  const meaning = codeMeaning(failure);
  if (meaning?.sentence || meaning?.transient) return explainSlackError(failure, ctx);
  const shown = /^[a-z][a-z_]{0,58}[a-z]$/.test(failure) ? `"${failure}"` : 'an unrecognised error';
  return `Slack refused with ${shown}. Try again, or reconnect the workspace if it keeps happening.`;
}

function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return 'slack.com';
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'Slack';
  }
}
