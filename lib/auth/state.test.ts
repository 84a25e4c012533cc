// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkState, createState } from './state';

const STATE = 'q4Jm0Xb3lS2c8yW1-_vTn9Rk7pZ5aEoH6dUgLfNiCrA';
const back = (query: string) => `https://abcdefghijklmnop.chromiumapp.org/?${query}`;

describe('OAuth state', () => {
  it('creates at least 128 random bits as base64url', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(state.length * 6).toBeGreaterThanOrEqual(128);
    expect(createState()).not.toBe(state);
  });

  it('returns the code when the state matches', () => {
    expect(checkState(STATE, back(`code=1234.5678.abcd&state=${STATE}`))).toEqual({
      kind: 'code',
      code: '1234.5678.abcd',
    });
  });

  it('reads a cancelled consent as denied and other errors with their code', () => {
    expect(checkState(STATE, back(`error=access_denied&state=${STATE}`))).toEqual({ kind: 'denied' });
    expect(checkState(STATE, back(`error=invalid_scope&state=${STATE}`))).toEqual({
      kind: 'error',
      code: 'invalid_scope',
    });
  });

  it.each([
    ['a missing state', back('code=abc')],
    ['a different state', back('code=abc&state=attacker')],
    ['a state differing in its last character', back(`code=abc&state=${STATE.slice(0, -1)}B`)],
    ['a prefix of the state', back(`code=abc&state=${STATE.slice(0, 20)}`)],
    ['a longer state', back(`code=abc&state=${STATE}x`)],
    ['a repeated state', back(`code=abc&state=${STATE}&state=${STATE}`)],
    ['an error without our state', back('error=access_denied')],
  ])('refuses %s as forged', (_case, url) => {
    expect(checkState(STATE, url)).toEqual({ kind: 'forged' });
  });

  it('never matches when nothing was expected', () => {
    expect(checkState('', back('code=abc&state='))).toEqual({ kind: 'forged' });
  });

  it.each([
    ['not a URL', 'chromiumapp.org/?code=abc'],
    ['neither code nor error', back(`state=${STATE}`)],
    ['an empty code', back(`code=&state=${STATE}`)],
    ['both code and error', back(`code=abc&error=access_denied&state=${STATE}`)],
    ['two codes', back(`code=a&code=b&state=${STATE}`)],
  ])('calls %s malformed', (_case, url) => {
    expect(checkState(STATE, url)).toEqual({ kind: 'malformed' });
  });
});
