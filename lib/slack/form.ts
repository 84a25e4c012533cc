/**
 * Slack's arguments as an application/x-www-form-urlencoded body, which every method accepts
 * (slack-api.md §2.1, §4.4). Structured arguments (blocks, attachments, metadata, files) travel as
 * JSON strings inside the form, as the official SDKs send them.
 */
export function formBody(params: Record<string, unknown>, token?: string): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const encoded = formValue(value);
    if (encoded !== undefined) body.set(name, encoded);
  }
  if (token) body.set('token', token);
  return body.toString();
}

/** undefined and null mean "Slack's default", so they are left out; booleans become 'true'/'false'. */
export function formValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Set explicitly, without a charset: a URLSearchParams body would add ";charset=UTF-8", which Slack
 * answers with a superfluous_charset warning. Either way the request stays CORS-simple (§4.5).
 */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
