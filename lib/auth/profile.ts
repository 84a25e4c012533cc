import * as z from 'zod/mini';
import { isScope, splitScopes } from './scopes';

// zod/mini keeps the options page small; the background parses the same schema.

export const DEFAULT_BASE_URL = 'https://slack.com';

/** Hosts the manifest's host_permissions already cover (https://slack.com/*, https://files.slack.com/*). */
const COVERED = (hostname: string) => hostname === 'slack.com' || hostname === 'files.slack.com';
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export type BaseUrlCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * A Slack base URL is an origin: https, nothing after the host. Plain http only for a loopback
 * test server (the Slack emulator), and only where the caller allows it (development builds).
 */
export function checkBaseUrl(text: string, allowLoopback: boolean): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim() || DEFAULT_BASE_URL);
  } catch {
    return { ok: false, message: 'Enter the Slack base URL as a full address, such as https://slack.com.' };
  }
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (loopback && !allowLoopback) {
    return {
      ok: false,
      message: 'Loopback test servers are allowed only in development builds. Use an https:// address.',
    };
  }
  if (url.protocol !== 'https:' && !loopback) {
    return { ok: false, message: 'Use an https:// address for the Slack base URL, such as https://slack.com.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Remove the user name and password from the Slack base URL.' };
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return {
      ok: false,
      message: `Remove everything after the host from the Slack base URL: use ${url.origin}, without a path.`,
    };
  }
  return { ok: true, origin: url.origin };
}

/**
 * The origin pattern to request as an optional host permission before saving, or null when the
 * manifest already covers the base URL or it is not valid anyway (no prompt for a typo). Ports are
 * left out: a pattern without one matches every port in Chrome and Firefox alike.
 */
export function requiredHostPermission(baseUrl: string): string | null {
  const checked = checkBaseUrl(baseUrl, true);
  if (!checked.ok) return null;
  const url = new URL(checked.origin);
  if (url.protocol === 'https:' && COVERED(url.hostname)) return null;
  return `${url.protocol}//${url.hostname}/*`;
}

const MESSAGES = {
  name: 'Enter a profile name.',
  nameLength: 'Keep the profile name to 80 characters or fewer.',
  baseUrl: 'Enter the Slack base URL, such as https://slack.com.',
  clientType: 'Choose whether the Slack app is a confidential client (with a Client secret) or a public client (PKCE).',
  clientId: "Enter the Client ID from your Slack app's Basic Information page.",
  clientIdShape:
    "A Client ID is two numbers joined by a dot, such as 1234567890.1234567890. Copy it again from your Slack app's Basic Information page.",
  clientSecret:
    "Enter the Client secret from your Slack app's Basic Information page, or make this profile a public client (PKCE).",
  clientSecretShape:
    "A Client secret is at least 8 letters, digits or symbols, without spaces. Copy it again from your Slack app's Basic Information page.",
  scopes: 'List scopes as text separated by commas or spaces.',
  noScopes: 'Add at least one bot or user scope.',
  actions: 'Choose actions from the list.',
} as const;

/** Printable ASCII without spaces: Slack's secrets are 32 hex digits, and a stray space is a paste slip. */
const SECRET = /^[\x21-\x7e]{8,}$/;

function secretProblem(secret: unknown): string | undefined {
  if (typeof secret !== 'string' || secret === '') return MESSAGES.clientSecret;
  return SECRET.test(secret) ? undefined : MESSAGES.clientSecretShape;
}

const trimmed = (message: string) => z.string({ error: message }).check(z.trim());

function scopeList() {
  return z
    .pipe(
      z.optional(z.union([z.string(), z.array(z.string())], { error: MESSAGES.scopes })),
      z.transform((input) => splitScopes(input)),
    )
    .check(
      z.superRefine((scopes, ctx) => {
        const wrong = scopes.filter((scope) => !isScope(scope));
        if (wrong.length === 0) return;
        const shown = wrong.slice(0, 3).map((scope) => `"${scope.slice(0, 40)}"`);
        const more = wrong.length > 3 ? ` and ${wrong.length - 3} more` : '';
        const verb = wrong.length === 1 ? "isn't a Slack scope" : "aren't Slack scopes";
        ctx.issues.push({
          code: 'custom',
          input: scopes,
          message: `${shown.join(', ')}${more} ${verb}. Scopes look like chat:write or users:read.email.`,
        });
      }),
    );
}

function fieldsSchema(allowLoopback: boolean) {
  return z
    .object({
      name: trimmed(MESSAGES.name).check(z.minLength(1, MESSAGES.name), z.maxLength(80, MESSAGES.nameLength)),
      baseUrl: z.pipe(
        z.optional(z.string({ error: MESSAGES.baseUrl })),
        z.transform((text, ctx) => {
          const checked = checkBaseUrl(text ?? '', allowLoopback);
          if (checked.ok) return checked.origin;
          ctx.issues.push({ code: 'custom', input: text, message: checked.message });
          return text ?? '';
        }),
      ),
      clientType: z.enum(['confidential', 'public'], { error: MESSAGES.clientType }),
      clientId: trimmed(MESSAGES.clientId).check(
        z.minLength(1, MESSAGES.clientId),
        z.regex(/^$|^\d+\.\d+$/, MESSAGES.clientIdShape),
      ),
      clientSecret: z.optional(trimmed(MESSAGES.clientSecret)),
      botScopes: scopeList(),
      userScopes: scopeList(),
      actions: z._default(z.array(trimmed(MESSAGES.actions).check(z.minLength(1, MESSAGES.actions))), []),
    })
    .check(
      // Rules across fields. Runs even when a field failed, so the form shows every error at once;
      // values are re-checked here because a failed field may hold anything.
      z.superRefine(
        (fields, ctx) => {
          const message = fields.clientType === 'confidential' ? secretProblem(fields.clientSecret) : undefined;
          if (message) ctx.issues.push({ code: 'custom', input: undefined, path: ['clientSecret'], message });
          const count = (list: unknown) => (Array.isArray(list) ? list.length : 1);
          if (count(fields.botScopes) + count(fields.userScopes) === 0) {
            ctx.issues.push({ code: 'custom', input: undefined, path: ['botScopes'], message: MESSAGES.noScopes });
          }
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
    );
}

type Fields = z.output<ReturnType<typeof fieldsSchema>>;

/** A public client has no secret: PKCE takes its place, so whatever was typed is dropped. */
function toProfileInput({ clientType, clientSecret, actions, ...common }: Fields) {
  const shared = { ...common, actions: [...new Set(actions)] };
  return clientType === 'public'
    ? { ...shared, clientType }
    : { ...shared, clientType, clientSecret: clientSecret ?? '' /* required by the check above */ };
}

/** The profile form's input, parsed: trimmed, scopes split, base URL reduced to its origin. */
export function profileInputSchema(options: { allowLoopback: boolean }) {
  return z.pipe(fieldsSchema(options.allowLoopback), z.transform(toProfileInput));
}

export type ValidProfileInput = z.output<ReturnType<typeof profileInputSchema>>;
export type ProfileField = keyof Fields;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export type ProfileValidation = { ok: true; value: ValidProfileInput } | { ok: false; errors: ProfileErrors };

/** Validates a profile form; on failure, one sentence per field, the first problem found. */
export function validateProfileInput(input: unknown, options: { allowLoopback: boolean }): ProfileValidation {
  const result = profileInputSchema(options).safeParse(typeof input === 'object' && input !== null ? input : {});
  if (result.success) return { ok: true, value: result.data };
  const errors: ProfileErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as ProfileField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
