import { encodeBase64Url, randomBase64Url } from './base64url';

/**
 * A PKCE code verifier (RFC 7636 §4.1): 32 random octets as base64url, 43 characters, which is the
 * RFC's own recommendation and sits inside its 43–128 unreserved-character range.
 */
export function createVerifier(): string {
  return randomBase64Url(32);
}

/**
 * The S256 code challenge, the only method Slack supports. Not length-checked: Slack's own worked
 * example ("secretpassword") is shorter than RFC 7636 allows, and hashing it must still match.
 */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return encodeBase64Url(new Uint8Array(digest));
}
