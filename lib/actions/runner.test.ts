// @vitest-environment node
import { describe, expect, it } from 'vitest';
// zod/mini, not zod: classic zod installs its English messages globally on import, which would
// hide a runner that forgot to ask for them.
import * as z from 'zod/mini';
import { CourierFailure, toWireError } from '../errors';
import { ACTIONS, actionById } from './catalog';
import type { SlackClient } from '../slack/client';
import { SlackApiError } from '../slack/errors';
import type { RunnerDeps } from './runner';
import { pickToken, runAction } from './runner';
import type { ActionDef } from './types';

function fakeDeps(chains: RunnerDeps['chains'], body: Record<string, unknown> = { ok: true }) {
  const calls: { token: string; method: string; params: Record<string, unknown> }[] = [];
  const kinds: string[] = [];
  const client: SlackClient = {
    call: (method, params, { token }) => {
      calls.push({ token, method, params });
      return Promise.resolve(body);
    },
    paginate: async function* () {},
    uploadBytes: () => Promise.resolve(),
  };
  const deps: RunnerDeps = {
    chains,
    client,
    withToken: (kind, work) => {
      kinds.push(kind);
      return work(`xoxe.${kind}`);
    },
  };
  return { deps, calls, kinds };
}

async function failure(promise: Promise<unknown>): Promise<CourierFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CourierFailure);
  return error as CourierFailure;
}

// A value of the wrong type for any field: objects for scalars, a number for lists and objects.
function wrongValueFor(property: { type?: string }): unknown {
  return property.type === 'array' || property.type === 'object' ? 42 : { not: 'valid' };
}

describe('runAction: input', () => {
  const cases = ACTIONS.flatMap((action) => {
    const schema = z.toJSONSchema(action.input, { io: 'input' }) as { properties?: Record<string, { type?: string }> };
    return Object.entries(schema.properties ?? {}).map(([field, property]) => [action.id, field, property] as const);
  });

  it.each(cases)('%s refuses a bad %s and names it', async (id, field, property) => {
    const action = actionById(id) as ActionDef;
    const { deps, calls } = fakeDeps({ bot: true, user: true });
    const error = await failure(
      runAction(action, { ...(action.example as object), [field]: wrongValueFor(property) }, deps),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${action.title}: ${field}`);
    expect(calls).toHaveLength(0);
  });

  it.each(ACTIONS.map((action) => [action.id, action] as const))(
    '%s refuses a field it does not have',
    async (id, action) => {
      const { deps } = fakeDeps({ bot: true, user: true });
      const error = await failure(runAction(action, { ...(action.example as object), chanel: 'C1' }, deps));
      expect(toWireError(error)).toEqual({
        kind: 'invalid_input',
        message: `${action.title}: chanel is not one of its fields.`,
        field: 'chanel',
      });
    },
  );

  it('says which required field is missing, in a sentence', async () => {
    const { deps } = fakeDeps({ bot: true, user: false });
    const error = await failure(runAction(actionById('send_message') as ActionDef, { text: 'hi' }, deps));
    expect(error.message).toBe('Send Message: channel is required.');
    const bad = await failure(
      runAction(actionById('delete_message') as ActionDef, { channel: 'C1', ts: 'yesterday' }, deps),
    );
    expect(bad.message).toBe('Delete Message: ts is not valid (must be a Slack timestamp such as 1712345678.123456).');
  });

  it('says what is wrong with a value in a few words, and a wrong type is not a missing field', async () => {
    const { deps } = fakeDeps({ bot: true, user: false });
    const cases: [string, Record<string, unknown>, string][] = [
      ['send_message', { channel: 42 }, 'Send Message: channel is not valid (expected string, received number).'],
      [
        'create_conversation',
        { name: 'x'.repeat(81) },
        'Create Conversation: name is not valid (at most 80 characters).',
      ],
      [
        'send_message',
        { channel: 'C1', icon_url: 'not a url' },
        'Send Message: icon_url is not valid (expected a URL).',
      ],
      [
        'set_user_presence',
        { presence: 'busy' },
        'Set User Presence: presence is not valid (expected "auto" or "away").',
      ],
      ['get_user_by_email', { email: 'nobody' }, 'Get User By Email: email is not valid (expected an email address).'],
      [
        'invite_shared_conversation',
        { channel: 'C1', emails: ['a@example.com', 'b@example.com'] },
        'Invite Shared Conversation: emails is not valid (at most 1 item).',
      ],
    ];
    for (const [id, input, message] of cases) {
      const error = await failure(runAction(actionById(id) as ActionDef, input, deps));
      expect(error.message).toBe(message);
    }
  });

  it('names the nested place inside a list', async () => {
    const { deps } = fakeDeps({ bot: true, user: false });
    const input = { files: [{ id: 'F1' }, { title: 'no id' }] };
    const error = await failure(runAction(actionById('complete_file_upload') as ActionDef, input, deps));
    expect(error.field).toBe('files');
    expect(error.message).toBe('Complete File Upload: files[1].id is required.');
  });
});

describe('runAction: tokens', () => {
  const shareFile = actionById('share_file_public_url') as ActionDef;
  const sendMessage = actionById('send_message') as ActionDef;
  const setPresence = actionById('set_user_presence') as ActionDef;
  const inviteShared = actionById('invite_shared_conversation') as ActionDef;

  it('says a user-only action needs a user token when the workspace has none', async () => {
    const { deps, kinds } = fakeDeps({ bot: true, user: false });
    const error = await failure(runAction(shareFile, { file: 'F1' }, deps));
    expect(error.kind).toBe('missing_scope');
    expect(error.message).toBe(
      'Share File Public URL needs a user token: reconnect this workspace with the files:write user scope.',
    );
    expect(kinds).toEqual([]);
  });

  it('says a bot-only action needs a bot token', async () => {
    const { deps } = fakeDeps({ bot: false, user: true });
    const error = await failure(runAction(inviteShared, { channel: 'C1', emails: ['a@example.com'] }, deps));
    expect(error.message).toBe(
      'Invite Shared Conversation needs a bot token: reconnect this workspace with the conversations.connect:write bot scope.',
    );
  });

  it('prefers the kind an either action names first, and falls back to the other', () => {
    expect(pickToken(sendMessage, { bot: true, user: true })).toBe('bot');
    expect(pickToken(sendMessage, { bot: false, user: true })).toBe('user');
    expect(pickToken(setPresence, { bot: true, user: true })).toBe('user');
    expect(pickToken(setPresence, { bot: true, user: false })).toBe('bot');
    expect(() => pickToken(sendMessage, { bot: false, user: false })).toThrow(
      'Send Message needs a bot or user token: reconnect this workspace with the chat:write bot scope.',
    );
  });

  it('runs with the chosen chain and its token, and hands back the result and the kind', async () => {
    const { deps, calls, kinds } = fakeDeps({ bot: true, user: true }, { ok: true, channel: 'C1', ts: '1.2' });
    const outcome = await runAction(sendMessage, { channel: 'C1', text: 'hi', blocks: undefined }, deps);
    expect(outcome).toEqual({ tokenKind: 'bot', result: { channel: 'C1', ts: '1.2' } });
    expect(kinds).toEqual(['bot']);
    expect(calls).toEqual([{ token: 'xoxe.bot', method: 'chat.postMessage', params: { channel: 'C1', text: 'hi' } }]);
  });

  it('turns lists into the comma-separated strings Slack takes', async () => {
    const { deps, calls } = fakeDeps({ bot: true, user: false }, { ok: true, channel: { id: 'C1' } });
    await runAction(
      actionById('invite_users_to_conversation') as ActionDef,
      { channel: 'C1', users: ['U1', 'U2'] },
      deps,
    );
    expect(calls[0]?.params).toEqual({ channel: 'C1', users: 'U1,U2' });
  });

  it('runs one page of a list from the given cursor and hands back where the next one starts', async () => {
    const { deps, kinds } = fakeDeps({ bot: true, user: false });
    const pages = [
      { ok: true, members: [{ id: 'U1' }], response_metadata: { next_cursor: 'page2' } },
      { ok: true, members: [{ id: 'U2' }], response_metadata: { next_cursor: '' } },
    ];
    const cursors: unknown[] = [];
    const client: SlackClient = {
      ...deps.client,
      call: (_method, params) => {
        cursors.push(params.cursor);
        return Promise.resolve(pages[cursors.length - 1] ?? { ok: false });
      },
    };
    const list = actionById('list_users') as ActionDef;
    const first = await runAction(list, { limit: 1 }, { ...deps, client });
    expect(first.result).toEqual({ members: [{ id: 'U1' }], response_metadata: { next_cursor: 'page2' } });
    const second = await runAction(list, { limit: 1, cursor: 'page2' }, { ...deps, client });
    expect(second.result).toEqual({ members: [{ id: 'U2' }], response_metadata: { next_cursor: '' } });
    expect(cursors).toEqual([undefined, 'page2']);
    expect(kinds).toEqual(['bot', 'bot']);
  });

  it("lets Slack's failures through, for toWireError to give them a kind and Slack's sentence", async () => {
    const { deps } = fakeDeps({ bot: true, user: false });
    const error = new SlackApiError('chat.postMessage', 'not_in_channel');
    const failing: RunnerDeps = { ...deps, client: { ...deps.client, call: () => Promise.reject(error) } };
    const thrown = await runAction(sendMessage, { channel: 'C1', text: 'hi' }, failing).catch((e: unknown) => e);
    expect(thrown).toBe(error);
    expect(toWireError(thrown)).toEqual({ kind: 'not_in_channel', message: error.sentence });
  });
});
