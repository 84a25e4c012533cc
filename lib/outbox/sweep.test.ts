// @vitest-environment node
// The duplicate sweep, against the emulator: the copies a browser-level resend or a stopped
// worker's late file completion leave in Slack are deleted once the send has settled.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import { OUTBOX_EVENT } from './delivery';
import { fileSupport, FILE_SCOPES } from './testing/file-sites';
import { createTransport } from '../slack/transport';
import { eventually, TEAM } from './testing/emulator';
import { createServices } from '../background/services';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.state.reset();
});

const { calls, channelId, copiesOf, linked, withFile, sharesIn, sharedFiles } = fileSupport(() => emulator);

it('the duplicate sweep deletes the later copy carrying the same outbox id', async () => {
  const h = await linked();
  const channel = channelId('engineering');
  const item = h.item(channel);
  const result = await h.services.outbox.enqueue(item);
  // A browser-level resend stored the same post a second time.
  const copy = await h.postCopy(item);
  expect(copiesOf(channel, item.id)).toHaveLength(2);

  // Not settled yet: nothing is touched.
  expect(await h.services.outbox.sweep()).toBe(0);
  expect(copiesOf(channel, item.id)).toHaveLength(2);

  expect(await h.services.outbox.sweep(Date.now() + 61_000)).toBe(1);

  const left = copiesOf(channel, item.id);
  expect(left.map((m) => m.ts)).toEqual([result.ts]);
  expect(left[0]?.ts).not.toBe(copy);
  expect(await h.history(item.id)).toMatchObject({ ts: result.ts, swept: true });
  // Swept entries are not read again.
  expect(await h.services.outbox.sweep(Date.now() + 61_000)).toBe(0);
});

it("leaves alone a message carrying Courier's outbox id that someone else posted", async () => {
  // Linked with user scopes only, by a workspace admin: that token could delete anyone's message.
  const h = await linked([]);
  const ws = emulator.state.workspaces.get(TEAM)!;
  ws.usersById.get(ws.signedInUserId)!.isAdmin = true;
  const channel = channelId('engineering');
  const item = h.item(channel);
  const result = await h.services.outbox.enqueue(item);

  // Someone else posts a message with the same metadata.
  const other = ws.users.find((user) => !user.isBot && !user.deleted && user.id !== ws.signedInUserId)!;
  ws.conversations.find((conv) => conv.id === channel)!.members.add(other.id);
  const installed = emulator.state.install({ teamId: TEAM, userId: other.id, userScopes: ['chat:write'] });
  const foreign = await createTransport(emulator.url).call(
    'chat.postMessage',
    {
      channel,
      text: 'Not from Courier',
      metadata: JSON.stringify({ event_type: OUTBOX_EVENT, event_payload: { outbox_id: item.id } }),
    },
    { token: String(installed.authed_user.access_token) },
  );
  expect(copiesOf(channel, item.id)).toHaveLength(2);

  expect(await h.services.outbox.sweep(Date.now() + 61_000)).toBe(0);

  expect(copiesOf(channel, item.id).map((m) => m.ts)).toEqual([result.ts, foreign.ts]);
  expect(await h.history(item.id)).toMatchObject({ ts: result.ts, swept: true });
});

it('knows its bot by auth.test when the account does not store the bot user', async () => {
  const h = await linked();
  const { botUserId: _stored, ...account } = h.account;
  await h.services.store.db.put('accounts', account);
  const channel = channelId('engineering');
  const item = h.item(channel);
  const result = await h.services.outbox.enqueue(item);
  await h.postCopy(item);
  const tests = calls('auth.test');

  expect(await h.services.outbox.sweep(Date.now() + 61_000)).toBe(1);

  expect(copiesOf(channel, item.id).map((m) => m.ts)).toEqual([result.ts]);
  expect(calls('auth.test')).toBe(tests + 1);
});

it('a completion from a stopped worker that lands after the next worker started over is deleted by the sweep', async () => {
  // Worker A dies while its completion is on the way; Slack holds that call and runs it later.
  let dead = false;
  const never = new Promise<never>(() => undefined);
  const dying: typeof fetch = (input, init) => {
    if (dead) return never;
    const sent = fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith('/files.completeUploadExternal')) return sent;
    dead = true;
    return never;
  };
  const a = await withFile(FILE_SCOPES, { fetch: dying });
  const channel = channelId('engineering');
  const item = a.fileItem(channel);
  emulator.state.faults.add({ method: 'files.completeUploadExternal', kind: 'latency', ms: 400 });
  void a.services.outbox.enqueue(item);
  await eventually(async () => (await a.stored(item.id))?.file?.completing !== undefined, 'A completes');
  const first = (await a.stored(item.id))!.file!.completing!;

  // Worker B finds nothing under that id yet, starts over and shares the file.
  const b = await createServices();
  await a.makeDue(item.id);
  expect(await b.outbox.drain()).toBe(1);
  const entry = await a.history(item.id);
  expect(entry?.abandonedFiles).toEqual([first]);
  expect(entry?.fileId).not.toBe(first);

  // Then A's completion lands: the file is in the channel twice, until the sweep.
  await eventually(() => Promise.resolve(sharedFiles().length === 2), "A's completion lands");
  expect(await b.outbox.sweep(Date.now() + 61_000)).toBe(1);
  expect(sharedFiles().map((f) => f.id)).toEqual([entry!.fileId]);
  expect(sharesIn(channel)).toHaveLength(1);
  expect(await b.outbox.sweep(Date.now() + 61_000)).toBe(0);
});
