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
 */
import { explainSlackError } from '../slack/explain';
import { KEY_LOST_CODE, KEY_LOST_REASON } from '../store/key-lost';
import { RAN_OUT_CODE } from './run-out';

export type FailureClass = 'transient' | 'terminal' | 'expired';

const TRANSIENT = new Set([
  'network',
  'timeout',
  'garbage',
  'http_error',
  'rate_limited',
  'ratelimited',
  'service_unavailable',
  'internal_error',
  'fatal_error',
  'request_timeout',
  // Enterprise migrations: Slack calls them temporary.
  'org_login_required',
  'team_added_to_org',
  // ok:false without any code tells nothing, so it earns a retry rather than a reconnect.
  'unknown_error',
]);

export function classifyFailure(failure: string | number): FailureClass {
  if (typeof failure === 'number') {
    // 408 Request Timeout, 425 Too Early, 429 and 5xx are worth repeating; a proxy or captive
    // portal answering 1xx–3xx in Slack's place is a network problem. Other 4xx will not change.
    const repeatable = failure === 408 || failure === 425 || failure === 429 || failure >= 500 || failure < 400;
    return repeatable ? 'transient' : 'terminal';
  }
  if (failure === 'token_expired') return 'expired';
  return TRANSIENT.has(failure) ? 'transient' : 'terminal';
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

const LATER = 'Wait a moment and try again.';

const needsReconnect = (why: string) => (said: Said) => `${said.who} needs to reconnect: ${why}.`;
const notJson = ({ ctx }: Said) =>
  `Slack answered with something that isn't JSON. Check the profile's Slack base URL${ctx.baseUrl ? ` (${ctx.baseUrl})` : ''}.`;

const SENTENCES = new Map<string, (said: Said) => string>([
  [KEY_LOST_CODE, () => KEY_LOST_REASON],
  [
    'access_denied',
    () => "You cancelled on Slack's permission page, so nothing was connected. Connect again when you're ready.",
  ],
  [
    'bad_client_secret',
    () =>
      "Slack rejected the Client secret. Copy it again from your Slack app's Basic Information page into this profile; if it was regenerated, every workspace on this profile must reconnect.",
  ],
  [
    'invalid_client_id',
    () =>
      "Slack doesn't recognise this Client ID. Copy it again from your Slack app's Basic Information page into this profile.",
  ],
  [
    'bad_redirect_uri',
    ({ ctx }) =>
      ctx.redirectUri
        ? `Add this redirect URL to your Slack app: ${ctx.redirectUri} (under OAuth & Permissions → Redirect URLs), then connect again.`
        : "Add this browser's redirect URL (shown in Diagnostics) to your Slack app under OAuth & Permissions → Redirect URLs, then connect again.",
  ],
  [
    'invalid_scope',
    ({ ctx }) =>
      ctx.scopes?.length
        ? `Slack refused one of the requested scopes for this app (${ctx.scopes.join(', ')}). Check the profile's scopes against your Slack app and connect again.`
        : "Slack refused one of the requested scopes for this app. Check the profile's scopes against your Slack app and connect again.",
  ],
  ['no_scopes', () => 'Add at least one bot or user scope to the profile, then connect again.'],
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
    'cannot_install_an_org_installed_app',
    () =>
      'This app is installed for a whole Enterprise organization, which Courier does not support yet. Use an app installed on a single workspace.',
  ],
  [
    'state_mismatch',
    () =>
      "Courier refused Slack's answer because it didn't match the request Courier sent, which can mean a forged sign-in. Try connecting again.",
  ],
  ['invalid_code', () => "Slack's sign-in code expired or was already used (codes last 10 minutes). Connect again."],
  [
    'oauth_authorization_url_mismatch',
    () => "Slack says this sign-in didn't start at its authorize page. Connect again from Courier.",
  ],
  [
    'pkce_not_allowed',
    () =>
      "This Slack app doesn't have PKCE enabled. Turn on PKCE in the app's OAuth & Permissions settings, or make this profile a confidential client with the app's Client secret.",
  ],
  [
    'invalid_code_verifier',
    () =>
      "Slack couldn't match this sign-in to the request Courier started (PKCE verifier mismatch). Connect again from the start.",
  ],
  ['network', ({ host }) => `Courier can't reach ${host}. Check that you're online, then try again.`],
  ['timeout', ({ host }) => `${host} took too long to answer. ${LATER}`],
  ['garbage', notJson],
  ['http_error', notJson],
  [
    'invalid_refresh_token',
    needsReconnect(
      "Slack no longer accepts its refresh token (it was revoked, used twice, or the app's client secret was regenerated)",
    ),
  ],
  [
    RAN_OUT_CODE,
    needsReconnect(
      "its sign-in ran out after 30 days without a refresh (Slack ends a PKCE app's sign-in 30 days after the last refresh)",
    ),
  ],
  // Slack documents no invalid_grant, but third parties report it for dead refresh tokens.
  ['invalid_grant', needsReconnect('Slack no longer accepts its refresh token')],
  ['token_revoked', needsReconnect('its token was revoked, or the app was removed from the workspace')],
  ['account_inactive', needsReconnect('the Slack user or workspace it was linked with has been deactivated')],
  [
    'invalid_auth',
    needsReconnect(
      "Slack no longer accepts its token (or the workspace blocks requests from this network's IP address)",
    ),
  ],
  ['not_authed', needsReconnect('Courier has no token for it')],
  [
    'token_expired',
    ({ who }) => `${who}'s token expired and could not be renewed. Reconnect it if this keeps happening.`,
  ],
  [
    'team_access_not_granted',
    ({ ctx }) =>
      `The app hasn't been granted access to ${ctx.workspace ?? 'this workspace'}. Ask an admin to add it, then reconnect.`,
  ],
  ['missing_scope', () => "The workspace's token lacks a scope this needs. Add it to the profile and reconnect."],
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
  // Slack's own trouble reads the same wherever it happens (rate_limited is the transport's 429).
  if (TRANSIENT.has(failure)) return explainSlackError(failure === 'rate_limited' ? 'ratelimited' : failure);
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
