// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasFixture, loadFixture } from './fixtures/load';
import type { SlackMethod } from './index';
import { isSlackMethod, parseResponse, RESPONSE_SCHEMAS, SLACK_METHODS, SlackResponseShapeError } from './index';

type Json = Record<string, unknown>;

function shapeError(method: SlackMethod, body: unknown): SlackResponseShapeError {
  try {
    parseResponse(method, body);
  } catch (error) {
    if (error instanceof SlackResponseShapeError) return error;
    throw error;
  }
  throw new Error(`${method}: the body parsed, a SlackResponseShapeError was expected`);
}

/** Paths of every object schema reachable from `schema` that would drop or refuse unknown keys. */
function nonLooseObjects(
  schema: z.core.$ZodType,
  path = '(root)',
  seen = new Set<unknown>(),
): { found: number; bad: string[] } {
  if (seen.has(schema)) return { found: 0, bad: [] };
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const children: [string, z.core.$ZodType][] = [];
  let found = 0;
  const bad: string[] = [];
  switch (def.type) {
    case 'object': {
      found = 1;
      const catchall = def.catchall as z.core.$ZodType | undefined;
      if (catchall?._zod.def.type !== 'unknown') bad.push(path);
      for (const [key, child] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        children.push([`${path}.${key}`, child]);
      }
      break;
    }
    case 'optional':
    case 'nullable':
      children.push([path, def.innerType as z.core.$ZodType]);
      break;
    case 'array':
      children.push([`${path}[]`, def.element as z.core.$ZodType]);
      break;
    case 'record':
      children.push([`${path}{}`, def.valueType as z.core.$ZodType]);
      break;
    case 'union':
      (def.options as z.core.$ZodType[]).forEach((option, index) => children.push([`${path}|${index}`, option]));
      break;
    case 'pipe':
      children.push([path, def.in as z.core.$ZodType], [path, def.out as z.core.$ZodType]);
      break;
    default:
    // Leaves (string, number, literal, unknown…).
  }
  for (const [childPath, child] of children) {
    const result = nonLooseObjects(child, childPath, seen);
    found += result.found;
    bad.push(...result.bad);
  }
  return { found, bad };
}

describe('schemas keep unknown fields', () => {
  it('finds a strict or stripping object anywhere in a tree', () => {
    const probe = z.looseObject({
      a: z.array(z.object({})),
      b: z.looseObject({ c: z.strictObject({}).nullish() }),
      d: z.record(z.string(), z.looseObject({})),
    });
    expect(nonLooseObjects(probe)).toEqual({ found: 5, bad: ['(root).a[]', '(root).b.c'] });
  });

  it.each(SLACK_METHODS)('%s: every object is a looseObject', (method) => {
    const { found, bad } = nonLooseObjects(RESPONSE_SCHEMAS[method]);
    expect(found).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });

  it('keeps unknown fields inside the shared objects too', () => {
    const extra = { courier_unknown: { deep: [1, 2] } };
    const info = parseResponse('conversations.info', {
      ok: true,
      channel: { id: 'C1', ...extra, topic: { value: 't', ...extra }, latest: { ts: '1.2', ...extra } },
    });
    expect(info.channel).toMatchObject({ ...extra, topic: extra, latest: extra });

    const history = parseResponse('conversations.history', {
      ok: true,
      messages: [{ ts: '1.2', ...extra, files: [{ id: 'F1', ...extra }], blocks: [{ type: 'section', ...extra }] }],
      response_metadata: { next_cursor: '', ...extra },
    });
    expect(history.messages[0]).toMatchObject({ ...extra, files: [extra], blocks: [extra] });
    expect(history.response_metadata).toMatchObject(extra);

    const user = parseResponse('users.info', { ok: true, user: { id: 'U1', ...extra, profile: { ...extra } } });
    expect(user.user).toMatchObject({ ...extra, profile: extra });

    const groups = parseResponse('usergroups.list', { ok: true, usergroups: [{ id: 'S1', prefs: { ...extra } }] });
    expect(groups.usergroups[0]?.prefs).toMatchObject(extra);

    const team = parseResponse('team.info', { ok: true, team: { id: 'T1', icon: { ...extra } } });
    expect(team.team?.icon).toMatchObject(extra);
  });
});

describe("Slack's declared output fields", () => {
  // Fields Slack's output schemas name that are deliberately left to pass through untyped.
  const UNTYPED: Partial<Record<SlackMethod, string[]>> = {
    // Client-sync fields of the internal history API, not sent to apps.
    'conversations.history': [
      'unread_count_display',
      'users',
      'deleted',
      'mutation_timestamps',
      'deleted_overflow',
      'warnings',
      'next_ts',
      'latest_updates',
      'unchanged_messages',
    ],
    'conversations.replies': ['latest_updates', 'unchanged_messages'],
    // App Home data, only for an app's own DM.
    'conversations.info': ['app_home', 'home_view'],
    'conversations.open': ['app_home', 'home_view'],
    // Legacy private-channel ("group") answer.
    'conversations.invite': ['group'],
    // Copied from files.info in Slack's schema; files.sharedPublicURL answers only `file`.
    'files.sharedPublicURL': ['comment', 'paging'],
    // Only when asking for several users, which Courier never does.
    'users.info': ['users'],
  };

  // Methods beyond the reference set (the Java SDK's skeletons cover all of its methods): their
  // shapes follow the SDK's response types.
  const SDK_ONLY: string[] = SLACK_METHODS.filter((method) => !hasFixture('java-sdk-skeletons', method));
  const described = SLACK_METHODS.filter((method) => hasFixture('docs-output-schemas', method));

  it('exist for every method that returns more than ok', () => {
    expect(SLACK_METHODS.filter((method) => !described.includes(method) && !SDK_ONLY.includes(method)).sort()).toEqual([
      'chat.deleteScheduledMessage',
      'conversations.kick',
      'files.delete',
      'users.setPresence',
    ]);
  });

  it.each(described)('%s: each top-level field is typed or knowingly untyped', (method) => {
    const output = loadFixture('docs-output-schemas', method) as Json & { anyOf?: Json[] };
    const declared = [output, ...(output.anyOf ?? [])].flatMap((branch) =>
      Object.keys((branch.properties ?? {}) as Json),
    );
    expect(declared.length).toBeGreaterThan(0);
    const typed = Object.keys(RESPONSE_SCHEMAS[method].shape);
    const untyped = declared.filter((field) => !typed.includes(field));
    expect(untyped.sort()).toEqual([...(UNTYPED[method] ?? [])].sort());
  });
});

describe('parseResponse refuses what Slack always sends when it is missing, naming the path', () => {
  it('envelope: ok must be true', () => {
    expect(shapeError('users.setPresence', {}).issues).toEqual([{ path: 'ok', problem: 'missing' }]);
    expect(shapeError('users.setPresence', { ok: false, error: 'invalid_auth' }).issues).toEqual([
      { path: 'ok', problem: 'expected true, got boolean' },
    ]);
    expect(shapeError('files.delete', 'not json').issues).toEqual([
      { path: '(body)', problem: 'expected object, got string' },
    ]);
    expect(shapeError('auth.test', [{ ok: true }]).paths).toEqual(['(body)']);
  });

  it('conversations: channel and channel.id', () => {
    expect(shapeError('conversations.create', { ok: true }).paths).toEqual(['channel']);
    expect(shapeError('conversations.info', { ok: true, channel: { name: 'general' } }).issues).toEqual([
      { path: 'channel.id', problem: 'missing' },
    ]);
    const list = shapeError('conversations.list', { ok: true, channels: [{ id: 'C1' }, { name: 'random' }] });
    expect(list.paths).toEqual(['channels.1.id']);
    expect(list.message).toBe('Slack conversations.list answered with an unexpected shape at channels.1.id (missing).');
    expect(shapeError('conversations.members', { ok: true, members: ['U1', 7] }).issues).toEqual([
      { path: 'members.1', problem: 'expected string, got number' },
    ]);
    expect(shapeError('users.conversations', { ok: true }).paths).toEqual(['channels']);
  });

  it('messages: ts of a posted or stored message, scheduled message ids', () => {
    expect(shapeError('chat.postMessage', { ok: true, channel: 'C1' }).paths).toEqual(['ts']);
    expect(shapeError('chat.update', { ok: true, ts: '1.2' }).paths).toEqual(['channel']);
    expect(shapeError('chat.postEphemeral', { ok: true }).paths).toEqual(['message_ts']);
    expect(
      shapeError('conversations.history', { ok: true, messages: [{ ts: '1.1' }, { type: 'message', text: 'hi' }] })
        .paths,
    ).toEqual(['messages.1.ts']);
    expect(shapeError('chat.scheduleMessage', { ok: true, channel: 'C1', post_at: 1 }).paths).toEqual([
      'scheduled_message_id',
    ]);
    expect(
      shapeError('chat.scheduledMessages.list', { ok: true, scheduled_messages: [{ id: 'Q1', post_at: 1 }] }).paths,
    ).toEqual(['scheduled_messages.0.channel_id']);
    expect(shapeError('chat.scheduleMessage', { ok: true, channel: 'C1', scheduled_message_id: 'Q1' }).issues).toEqual([
      { path: 'post_at', problem: 'missing' },
    ]);
  });

  it('files: file ids and the upload URL', () => {
    expect(shapeError('files.getUploadURLExternal', { ok: true, file_id: 'F1' }).paths).toEqual(['upload_url']);
    expect(shapeError('files.completeUploadExternal', { ok: true, files: [{ title: 'x' }] }).paths).toEqual([
      'files.0.id',
    ]);
    expect(shapeError('files.info', { ok: true, file: {} }).paths).toEqual(['file.id']);
    expect(shapeError('files.list', { ok: true, files: [], paging: { count: 100 } }).paths).toEqual([
      'paging.total',
      'paging.page',
      'paging.pages',
    ]);
  });

  it('users: user.id, profile, presence', () => {
    expect(shapeError('users.info', { ok: true, user: { name: 'egon' } }).paths).toEqual(['user.id']);
    expect(shapeError('users.list', { ok: true, members: [{ id: 'U1' }, {}] }).paths).toEqual(['members.1.id']);
    expect(shapeError('users.lookupByEmail', { ok: true }).paths).toEqual(['user']);
    expect(shapeError('users.profile.get', { ok: true }).paths).toEqual(['profile']);
    expect(shapeError('users.getPresence', { ok: true }).paths).toEqual(['presence']);
    expect(shapeError('users.discoverableContacts.lookup', { ok: true }).paths).toEqual(['is_discoverable']);
  });

  it('teams: team, usergroups, auth and oauth', () => {
    expect(shapeError('team.info', { ok: true }).issues).toEqual([
      { path: 'team', problem: 'team.info answered with neither team nor teams' },
    ]);
    expect(shapeError('team.info', { ok: true, team: { name: 'x' } }).paths).toEqual(['team.id']);
    expect(parseResponse('team.info', { ok: true, teams: [{ id: 'T1' }] }).teams).toEqual([{ id: 'T1' }]);
    expect(shapeError('auth.teams.list', { ok: true, teams: [{ name: 'x' }] }).paths).toEqual(['teams.0.id']);
    expect(shapeError('usergroups.list', { ok: true, usergroups: [{ name: 'admins' }] }).paths).toEqual([
      'usergroups.0.id',
    ]);
    expect(shapeError('usergroups.users.list', { ok: true }).paths).toEqual(['users']);
    expect(shapeError('auth.test', { ok: true, user_id: 'U1' }).paths).toEqual(['team_id']);
    expect(shapeError('oauth.v2.access', { ok: true, team: null, authed_user: {} }).paths).toEqual([
      'app_id',
      'authed_user.id',
    ]);
  });

  it('reports every failing path, the message listing five at most', () => {
    const error = shapeError('users.list', { ok: true, members: Array.from({ length: 7 }, () => ({})) });
    expect(error.paths).toHaveLength(7);
    expect(error.message).toContain('members.4.id (missing) and 2 more.');
    expect(error.method).toBe('users.list');
    expect(error.name).toBe('SlackResponseShapeError');
  });
});

describe('parseResponse never repeats a value from the body', () => {
  const SECRET = 'xoxe.xoxp-1-SECRET-TOKEN';

  it.each([
    ['oauth.v2.access', { ok: true, app_id: 'A1', access_token: { token: SECRET } }],
    ['oauth.v2.access', { ok: true, app_id: SECRET.length, refresh_token: SECRET }],
    ['chat.postMessage', { ok: true, channel: 'C1', ts: [SECRET] }],
    ['auth.test', { ok: true, team_id: 'T1', user_id: 'U1', expires_in: SECRET }],
    ['users.getPresence', { ok: SECRET, presence: 'away' }],
    ['chat.scheduleMessage', { ok: true, channel: 'C1', scheduled_message_id: 'Q1', post_at: { at: SECRET } }],
  ] as const)('%s with a wrong-typed field', (method, body) => {
    const error = shapeError(method, body);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).not.toContain('SECRET');
    expect(JSON.stringify(error.issues)).not.toContain('SECRET');
    // No ZodError attached: its issues could carry inputs.
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('names the type it found instead', () => {
    expect(shapeError('chat.postMessage', { ok: true, channel: 'C1', ts: [SECRET] }).issues).toEqual([
      { path: 'ts', problem: 'expected string, got array' },
    ]);
    expect(
      shapeError('chat.scheduleMessage', { ok: true, channel: 'C1', scheduled_message_id: 'Q1', post_at: null }).issues,
    ).toEqual([{ path: 'post_at', problem: 'unexpected null' }]);
  });
});

describe('parseResponse', () => {
  it('returns the body typed for its method', () => {
    const posted = parseResponse('chat.postMessage', { ok: true, channel: 'C1', ts: '1.2', message: { text: 'hi' } });
    const ts: string = posted.ts;
    expect(ts).toBe('1.2');
    expect(posted.message?.text).toBe('hi');
  });

  it('accepts what Slack sends as strings or null in places', () => {
    expect(
      parseResponse('usergroups.list', { ok: true, usergroups: [{ id: 'S1', user_count: '2', deleted_by: null }] })
        .usergroups[0]?.user_count,
    ).toBe('2');
    expect(parseResponse('conversations.open', { ok: true, channel: { id: 'D1', latest: null } }).channel.latest).toBe(
      null,
    );
    expect(parseResponse('users.profile.get', { ok: true, profile: { fields: null } }).profile.fields).toBeNull();
    expect(parseResponse('users.profile.get', { ok: true, profile: { fields: [] } }).profile.fields).toEqual([]);
  });

  it('treats not_in_channel on leave and already_in_channel on join as successes', () => {
    expect(parseResponse('conversations.leave', { ok: true, not_in_channel: true }).not_in_channel).toBe(true);
    const joined = parseResponse('conversations.join', {
      ok: true,
      channel: { id: 'C1' },
      warning: 'already_in_channel',
      response_metadata: { warnings: ['already_in_channel'] },
    });
    expect(joined.response_metadata?.warnings).toEqual(['already_in_channel']);
  });

  it('refuses a method it has no schema for', () => {
    expect(isSlackMethod('chat.postMessage')).toBe(true);
    expect(isSlackMethod('toString')).toBe(false);
    expect(() => parseResponse('admin.users.remove' as SlackMethod, { ok: true })).toThrow(TypeError);
  });
});
