import { randomBase64Url } from './base64url';

/** 256 random bits: far past the 128 an attacker would have to guess. */
export function createState(): string {
  return randomBase64Url(32);
}

export type StateCheck =
  | { kind: 'code'; code: string }
  | { kind: 'denied' }
  | { kind: 'error'; code: string }
  /** The state is missing or wrong: the redirect may not answer our request, so it is refused. */
  | { kind: 'forged' }
  | { kind: 'malformed' };

/**
 * Reads the URL Slack sent the browser back to. The state is checked before anything else in the
 * URL is believed, so even an error redirect must carry our state to be reported as such.
 */
export function checkState(expected: string, redirectUrl: string): StateCheck {
  let params: URLSearchParams;
  try {
    params = new URL(redirectUrl).searchParams;
  } catch {
    return { kind: 'malformed' };
  }
  const states = params.getAll('state');
  const [state] = states;
  if (expected === '' || states.length !== 1 || state === undefined || !sameText(state, expected)) {
    return { kind: 'forged' };
  }
  const codes = params.getAll('code');
  const errors = params.getAll('error');
  const [code] = codes;
  const [error] = errors;
  if (errors.length === 1 && codes.length === 0 && error) {
    return error === 'access_denied' ? { kind: 'denied' } : { kind: 'error', code: error };
  }
  if (codes.length === 1 && errors.length === 0 && code) return { kind: 'code', code };
  return { kind: 'malformed' };
}

/** Compares without stopping at the first difference, so timing says nothing about the prefix. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}
