// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../actions/catalog';
import type { CodeMeaning } from './codes';
import { CODES, codeMeaning } from './codes';
import { explainSlackError } from './explain';
import { hasFixture } from './schemas/fixtures/load';
import { METHODS } from './tiers';

/** Per method, the error codes its spec lists (fixtures/README.md). */
const SPEC_ERRORS = JSON.parse(
  readFileSync(new URL('./fixtures/method-errors.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;

const CALLED = [...new Set([...ACTIONS.flatMap((action) => action.methods), ...Object.keys(METHODS)])].sort();
const meaningOf = (code: string): CodeMeaning => codeMeaning(code) ?? { kind: 'slack_error' };
const table = CODES.map((code) => [code, meaningOf(code)] as const);

describe('the table of Slack codes', () => {
  it('has the spec of every method Courier calls that the reference set covers', () => {
    // Beyond the reference set (no Java SDK skeleton: that set covers all of its methods), an entry
    // in the fixture is optional: a code not in the table still gets a generic sentence.
    const covered = CALLED.filter((method) => hasFixture('java-sdk-skeletons', method));
    expect(covered.length).toBeGreaterThan(40);
    expect(covered.filter((method) => !SPEC_ERRORS[method])).toEqual([]);
  });

  it.each(CALLED.filter((method) => SPEC_ERRORS[method]))('knows every code %s can answer', (method) => {
    const codes = SPEC_ERRORS[method] ?? [];
    expect(codes.filter((code) => !codeMeaning(code))).toEqual([]);
    // A person could hit it, so it says what to do; or Courier never sends what earns it.
    expect(codes.filter((code) => !meaningOf(code).sentence && !meaningOf(code).never)).toEqual([]);
  });

  it.each(table)('says %s as one sentence a person can act on', (code, meaning) => {
    if (meaning.never) expect(meaning.sentence).toBeUndefined();
    if (!meaning.sentence) return;
    for (const to of [{}, { workspace: 'Acme' }]) {
      const sentence = explainSlackError(code, to);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence).not.toContain(code);
      expect(sentence).not.toMatch(/undefined/);
    }
  });

  it.each(table)('gives %s a coherent meaning', (code, meaning) => {
    if (meaning.dead) {
      // A dead token is buried and reconnected, never repeated.
      expect(meaning.kind).toBe('needs_reconnect');
      expect(meaning.retry || meaning.transient || meaning.server).toBeFalsy();
    }
    if (meaning.server) expect(meaning.retry && meaning.transient).toBe(true);
    if (meaning.kind === 'needs_reconnect') expect(meaning.transient).toBeFalsy();
    // What Courier repeats by itself keeps "wait and try again" apart, for a waiting item to drop.
    if (meaning.retry) {
      expect(explainSlackError(code, {}, { advise: false })).not.toMatch(/try again|wait a/i);
    }
    if (meaning.later) expect(explainSlackError(code)).toMatch(/Wait a moment and try again\.$/);
  });

  it("doesn't read inherited names as codes", () => {
    expect(codeMeaning('constructor')).toBeUndefined();
    expect(codeMeaning('toString')).toBeUndefined();
  });

  it('depends on no room that depends on it', () => {
    const source = readFileSync(new URL('./codes.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\.\/(auth|outbox|background)\//);
  });
});
