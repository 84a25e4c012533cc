// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SampleSet } from './fixtures/load';
import { hasFixture, loadFixture } from './fixtures/load';
import type { SlackMethod } from './index';
import { sdkArguments } from '../../actions/testing/sdk-arguments';
import { isSlackMethod, parseResponse, SLACK_METHODS, SlackResponseShapeError } from './index';

/** The Slack methods of the reference sets that Courier calls (slack-samples/README.md). */
const COURIER_METHODS = [
  'files.completeUploadExternal',
  'conversations.create',
  'files.delete',
  'chat.delete',
  'chat.deleteScheduledMessage',
  'conversations.info',
  'files.info',
  'files.getUploadURLExternal',
  'chat.getPermalink',
  'usergroups.list',
  'usergroups.users.list',
  'team.info',
  'users.info',
  'users.lookupByEmail',
  'users.getPresence',
  'users.profile.get',
  'conversations.inviteShared',
  'conversations.invite',
  'conversations.join',
  'conversations.leave',
  'conversations.members',
  'conversations.list',
  'files.list',
  'conversations.history',
  'chat.scheduledMessages.list',
  'conversations.listConnectInvites',
  'conversations.replies',
  'auth.teams.list',
  'users.conversations',
  'users.list',
  'users.discoverableContacts.lookup',
  'conversations.open',
  'conversations.kick',
  'conversations.rename',
  'files.revokePublicURL',
  'chat.scheduleMessage',
  'chat.postEphemeral',
  'chat.postMessage',
  'users.setPresence',
  'files.sharedPublicURL',
  'chat.update',
  'auth.test',
  'auth.revoke',
  'oauth.v2.access',
] as const satisfies readonly SlackMethod[];

/** What Courier calls beyond the reference sets: no sample in any of them, only Slack's SDK as the oracle. */
const BEYOND = SLACK_METHODS.filter((method) => !(COURIER_METHODS as readonly string[]).includes(method));

/** Methods a sample set has no file for, per the samples' README. Anything else missing is a failure. */
const GAPS: Record<Exclude<SampleSet, 'docs-output-schemas'>, readonly SlackMethod[]> = {
  'docs-examples': ['conversations.listConnectInvites'],
  'java-sdk-skeletons': [],
  'openapi-examples': [
    'files.completeUploadExternal',
    'files.getUploadURLExternal',
    'conversations.inviteShared',
    'conversations.listConnectInvites',
    'auth.teams.list',
    'users.discoverableContacts.lookup',
  ],
  'python-slack-sdk-fixtures': COURIER_METHODS.filter((method) => method !== 'conversations.list'),
};

type Json = Record<string, unknown>;

interface Sample {
  source: keyof typeof GAPS;
  method: SlackMethod;
  /** The example's key in its file ("success", "200", …), or "skeleton" / "fixture". */
  name: string;
  body: Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function layoutError(source: string, method: string, detail: string): Error {
  return new Error(`${source}/${method}.json: ${detail}; see fixtures/README.md for the expected layout`);
}

function methodsWith(source: keyof typeof GAPS): SlackMethod[] {
  return COURIER_METHODS.filter((method) => !GAPS[source].includes(method));
}

/** docs-examples: `{ "<name>": { "description", "example" } }`, success and error examples mixed. */
function docsExamples(): Sample[] {
  return methodsWith('docs-examples').flatMap((method) => {
    const file = loadFixture('docs-examples', method);
    if (!isObject(file)) throw layoutError('docs-examples', method, 'not an object');
    return Object.entries(file).map(([name, entry]) => {
      if (!isObject(entry) || !isObject(entry.example)) {
        throw layoutError('docs-examples', method, `entry "${name}" has no example object`);
      }
      return { source: 'docs-examples' as const, method, name, body: entry.example };
    });
  });
}

/** openapi-examples: examples keyed by HTTP status ("200") plus "default_error". */
function openapiExamples(): Sample[] {
  return methodsWith('openapi-examples').flatMap((method) => {
    const file = loadFixture('openapi-examples', method);
    if (!isObject(file)) throw layoutError('openapi-examples', method, 'not an object');
    return Object.entries(file).map(([name, body]) => {
      if (!isObject(body)) throw layoutError('openapi-examples', method, `"${name}" is not an object`);
      return { source: 'openapi-examples' as const, method, name, body };
    });
  });
}

/**
 * java-sdk-skeletons: one all-fields body per method with `ok: false` and success and error fields
 * merged. As the samples' README says: set ok to true and drop the error-only fields.
 */
function javaSkeletons(): Sample[] {
  return methodsWith('java-sdk-skeletons').map((method) => {
    const file = loadFixture('java-sdk-skeletons', method);
    if (!isObject(file)) throw layoutError('java-sdk-skeletons', method, 'not an object');
    const { error: _error, needed: _needed, provided: _provided, ...rest } = file;
    return { source: 'java-sdk-skeletons' as const, method, name: 'skeleton', body: { ...rest, ok: true } };
  });
}

function pythonFixtures(): Sample[] {
  return methodsWith('python-slack-sdk-fixtures').map((method) => {
    const body = loadFixture('python-slack-sdk-fixtures', method);
    if (!isObject(body)) throw layoutError('python-slack-sdk-fixtures', method, 'not an object');
    return { source: 'python-slack-sdk-fixtures' as const, method, name: 'fixture', body };
  });
}

const ALL: Sample[] = [...docsExamples(), ...javaSkeletons(), ...openapiExamples(), ...pythonFixtures()];
/** Only bodies with ok: true are success responses; the others are error examples, skipped. */
const SUCCESSES = ALL.filter((sample) => sample.body.ok === true);
const SKIPPED = ALL.filter((sample) => sample.body.ok !== true);

function tally(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples) counts[sample.source] = (counts[sample.source] ?? 0) + 1;
  return counts;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const label = (sample: Sample) => `${sample.source} ${sample.method} ${sample.name}`;

describe('sample files on disk', () => {
  it('cover every method Courier uses that the reference sets name', () => {
    expect(COURIER_METHODS.filter((method) => !isSlackMethod(method))).toEqual([]);
  });

  it("name none of the others, which are all methods of Slack's SDK", () => {
    const sets = [...Object.keys(GAPS), 'docs-output-schemas'] as SampleSet[];
    for (const method of BEYOND) {
      expect(
        sets.filter((set) => hasFixture(set, method)),
        method,
      ).toEqual([]);
      expect(sdkArguments(method), method).toBeDefined();
    }
  });

  it.each(Object.keys(GAPS) as (keyof typeof GAPS)[])(
    '%s has a file for every method outside its known gaps',
    (set) => {
      const present = COURIER_METHODS.filter((method) => hasFixture(set, method));
      expect(present).toEqual(methodsWith(set));
    },
  );

  it('parse and skip the expected number of examples per source', () => {
    expect(tally(SUCCESSES)).toEqual({
      'docs-examples': 56,
      'java-sdk-skeletons': 44,
      'openapi-examples': 38,
      'python-slack-sdk-fixtures': 1,
    });
    expect(tally(SKIPPED)).toEqual({ 'docs-examples': 44, 'openapi-examples': 38 });
  });

  it("skip one docs example that is named a success but says ok: false (conversations.leave's not_in_channel)", () => {
    const withoutErrorCode = SKIPPED.filter((sample) => typeof sample.body.error !== 'string').map(label);
    expect(withoutErrorCode).toEqual(['docs-examples conversations.leave success_with_warning']);
  });
});

describe('every success sample parses', () => {
  it.each(SUCCESSES.map((sample) => [label(sample), sample] as const))('%s', (_label, { method, body }) => {
    // Unchanged: nothing dropped, renamed or defaulted, however deep.
    expect(parseResponse(method, body)).toStrictEqual(body);

    const probe = { added: ['by', 'the', 'test'], nested: { n: 1 } };
    const parsed = parseResponse(method, { ...body, courier_unknown_field: probe }) as Json;
    expect(parsed.courier_unknown_field).toStrictEqual(probe);
  });
});

describe('error examples are not success responses', () => {
  it.each(SKIPPED.map((sample) => [label(sample), sample] as const))('%s fails at ok', (_label, { method, body }) => {
    const error = catchError(() => parseResponse(method, body));
    expect(error).toBeInstanceOf(SlackResponseShapeError);
    expect((error as SlackResponseShapeError).paths).toContain('ok');
  });
});
