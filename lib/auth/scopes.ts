/**
 * A Slack scope: a resource, optionally dotted (users.profile), then `:`-separated permissions,
 * optionally dotted (read.email). Words may carry `_` and `-` because real scopes do
 * (app_mentions:read, remote_files:write, incoming-webhook). Digits are refused: nothing in Slack's
 * scope list has one, and it stops a pasted token or secret from passing as a scope.
 */
const WORD = '[a-z](?:[a-z_-]*[a-z])?';
const SCOPE = new RegExp(`^${WORD}(?:\\.${WORD})*(?::${WORD}(?:\\.${WORD})*)*$`);

export function isScope(text: string): boolean {
  return SCOPE.test(text);
}

/** Scopes from a list or from text separated by commas, spaces or newlines; first mention wins. */
export function splitScopes(input: string | readonly string[] | undefined): string[] {
  const pieces = typeof input === 'string' ? [input] : (input ?? []);
  return [...new Set(pieces.flatMap((piece) => piece.split(/[\s,]+/)).filter(Boolean))];
}
