// @vitest-environment node
// Rules between fields, each from the SDK's argument types and Slack's method specs: the input is
// refused before any call reaches Slack (the emulator counts none), with the field to fix named;
// the same input with the rule kept is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionById } from './catalog';
import type { Harness } from './testing/emulator-harness';
import { startHarness } from './testing/emulator-harness';

let h: Harness;
let channel: string;
beforeAll(async () => {
  h = await startHarness();
  channel = h.channelId('general');
});
afterAll(() => h.close());

const callsTo = (method: string) => h.emulator.state.stats().calls[method] ?? 0;
const TS = '1712345678.123456';
const USER = 'U0123456789';

/** Runs `id` with `bad`: refused naming `field`, nothing sent to Slack; `good` passes the schema. */
async function refuses(id: string, bad: Record<string, unknown>, field: string, says: RegExp, good: object) {
  const action = actionById(id);
  if (!action) throw new Error(`no action ${id}`);
  const method = action.methods[0] ?? '';
  const before = callsTo(method);
  const failure = await h.fail(id, bad);
  expect(failure).toMatchObject({ kind: 'invalid_input', field });
  expect(failure.message).toMatch(says);
  expect(failure.message.startsWith(`${action.title}: `)).toBe(true);
  expect(callsTo(method)).toBe(before);
  expect(action.input.safeParse(good).success, JSON.stringify(good)).toBe(true);
}

describe('rules between fields', () => {
  // The SDK's MessageContents: text, blocks, attachments or markdown_text.
  it.each([
    ['send_message', {}],
    ['update_message', { ts: TS }],
    ['send_ephemeral_message', { user: USER }],
    ['schedule_message', { post_at: 4_102_444_800 }],
  ])('%s needs one of text, blocks, attachments or markdown_text', async (id, rest) => {
    const input = { channel, ...rest };
    await refuses(id, input, 'text', /give one of text, blocks, attachments or markdown_text/, {
      ...input,
      markdown_text: '**hi**',
    });
  });

  // The SDK's BroadcastedThreadReply: reply_broadcast comes with thread_ts.
  it.each(['send_message', 'schedule_message'])('%s: reply_broadcast needs thread_ts', async (id) => {
    const input = {
      channel,
      text: 'hi',
      reply_broadcast: true,
      ...(id === 'schedule_message' ? { post_at: 4_102_444_800 } : {}),
    };
    await refuses(id, input, 'reply_broadcast', /reply_broadcast needs thread_ts/, { ...input, thread_ts: TS });
    // A false flag asks for nothing, so it needs no thread.
    expect(actionById(id)?.input.safeParse({ ...input, reply_broadcast: false }).success).toBe(true);
  });

  // The SDK's Icon: IconEmoji or IconURL.
  it.each([
    ['send_message', {}],
    ['send_ephemeral_message', { user: USER }],
  ])('%s: icon_emoji and icon_url are not both given', async (id, rest) => {
    const input = { channel, text: 'hi', icon_emoji: ':rocket:', icon_url: 'https://example.com/i.png', ...rest };
    const { icon_url: _url, ...good } = input;
    await refuses(id, input, 'icon_emoji', /give icon_emoji or icon_url, not both/, good);
  });

  // The SDK's (Channel | Users); the spec: "Or provide the users field instead".
  it('conversations.open needs users or channel, not both', async () => {
    await refuses('open_conversation', { return_im: true }, 'users', /give exactly one of users or channel/, {
      users: [USER],
    });
    await refuses('open_conversation', { users: [USER], channel: 'D0123456789' }, 'users', /exactly one/, {
      channel: 'D0123456789',
    });
  });

  // The SDK's (Emails | UserIDs); the spec: "Either emails or user_ids must be provided".
  it('conversations.inviteShared needs exactly one of emails or user_ids', async () => {
    await refuses('invite_shared_conversation', { channel }, 'emails', /give exactly one of emails or user_ids/, {
      channel,
      emails: ['partner@example.com'],
    });
    const both = { channel, emails: ['partner@example.com'], user_ids: [USER] };
    await refuses('invite_shared_conversation', both, 'emails', /exactly one/, { channel, user_ids: [USER] });
  });

  // The SDK's FileThreadDestinationArgument(Channels): a thread reply is shared in a named channel.
  it("files.completeUploadExternal's thread_ts needs channel_id", async () => {
    const files = [{ id: 'F0123456789' }];
    await refuses(
      'complete_file_upload',
      { files, thread_ts: TS },
      'thread_ts',
      /thread_ts needs channel_id or channels/,
      {
        files,
        thread_ts: TS,
        channel_id: channel,
      },
    );
  });

  // The SDK's ConversationsKickArguments: user is required (the spec leaves it optional).
  it('conversations.kick requires user', async () => {
    await refuses('remove_user_from_conversation', { channel }, 'user', /user is required/, { channel, user: USER });
  });

  // The SDK's ChatPostMessageMetadata: event_type with event_payload, or Work Object entities.
  it('chat.postMessage metadata is an event, entities, or both', async () => {
    const input = { channel, text: 'hi', metadata: { event_type: 'task_created' } };
    const entities = [
      {
        entity_type: 'slack#/entities/task',
        entity_payload: {},
        external_ref: { id: '1' },
        url: 'https://example.com/1',
      },
    ];
    await refuses('send_message', input, 'metadata', /metadata needs event_type with event_payload, or entities/, {
      channel,
      text: 'hi',
      metadata: { entities },
    });
  });

  // The spec of team.info: domain is read "only when team is null".
  it('team.info takes team or domain, not both', async () => {
    await refuses(
      'get_unified_organization',
      { team: 'T0123', domain: 'acme' },
      'team',
      /give team or domain, not both/,
      {
        domain: 'acme',
      },
    );
  });
});
