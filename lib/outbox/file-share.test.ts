// @vitest-environment node
// File shares through the outbox, against the emulator: stored with their bytes before the first
// call to Slack, retried like messages, restarted when a completion went unanswered, cancellable.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import type { SendTarget } from '../protocol';
import type { UploadProgressView } from '../share/upload-progress';
import type { OutboxItem } from '../store/sending-records';
import { historyHandlers } from '../background/handlers/history';
import { BYTES, fileSupport, FILE_SCOPES } from './testing/file-sites';
import { TEAM } from './testing/emulator';
import { outboxHandlers } from '../background/handlers/outbox';
import { plannedFile } from './planned-file';
import { cancellable, cancelUpload } from './aborts';
import { uploadToTargets } from './uploads';

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

const { channelId, calls, withFile, filesNamed, sharesIn, downloads, siteUrl } = fileSupport(() => emulator);

describe('file shares in the outbox', () => {
  it('stores the bytes before calling Slack, shares the file once, and leaves a history entry', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    // Held at the first Slack call, so the stored item can be read while Slack has it.
    emulator.state.faults.add({ method: 'files.getUploadURLExternal', kind: 'latency', ms: 300 });
    const progress: number[] = [];

    const sending = h.services.outbox.enqueue(item, { onProgress: ({ sent }) => progress.push(sent) });
    let stored: OutboxItem | undefined;
    for (let i = 0; i < 100 && !stored?.file?.blob; i++) {
      stored = await h.stored(item.id);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(stored?.state).toBe('sending');
    expect(stored?.file?.blob?.size).toBe(BYTES.length);
    expect(calls('files.completeUploadExternal')).toBe(0);
    const result = await sending;

    expect(result).toMatchObject({ state: 'sent', outboxId: item.id, channel });
    const files = filesNamed('report.pdf');
    expect(files).toHaveLength(1);
    expect(Buffer.compare(files[0]!.bytes, BYTES)).toBe(0);
    const shares = sharesIn(channel);
    expect(shares).toHaveLength(1);
    expect(shares[0]?.files).toEqual([files[0]!.id]);
    expect(shares[0]?.text).toContain('The report');
    expect(progress.at(-1)).toBe(BYTES.length);
    expect(await h.stored(item.id)).toBeUndefined();
    const entry = await h.history(item.id);
    expect(entry?.text).toContain('report.pdf');
    expect(entry?.permalink).toEqual(result.permalink);
    expect(entry?.permalink).toContain(files[0]!.id);
  });

  it('Delete in the history deletes the shared file in Slack, as it deletes a message', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    expect((await h.services.outbox.enqueue(item)).state).toBe('sent');
    const fileId = (await h.history(item.id))?.fileId;
    expect(fileId).toBe(filesNamed('report.pdf')[0]?.id);

    await historyHandlers(() => Promise.resolve(h.services))['history.delete']({ id: item.id });

    expect(filesNamed('report.pdf').map((f) => f.deleted)).toEqual([true]);
    expect(await h.history(item.id)).toMatchObject({ removedAt: expect.any(Number) as number });
  });

  it('a 5xx leaves the item pending with its bytes; the next drain shares it once without downloading again', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    emulator.state.faults.add({ method: 'upload', kind: 'http500' });

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('queued');
    const stored = await h.stored(item.id);
    expect(stored).toMatchObject({ state: 'pending', attempts: 1 });
    expect(stored?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(stored?.file?.blob?.size).toBe(BYTES.length);
    expect(sharesIn(channel)).toHaveLength(0);
    const view = (await outboxHandlers(() => Promise.resolve(h.services))['outbox.list']({})).find(
      (entry) => entry.id === item.id,
    );
    expect(view?.file).toEqual({ name: 'report.pdf', size: BYTES.length });

    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);

    expect(downloads()).toBe(1);
    expect(calls('files.getUploadURLExternal')).toBe(2);
    expect(filesNamed('report.pdf')).toHaveLength(1);
    expect(sharesIn(channel)).toHaveLength(1);
    expect(await h.stored(item.id)).toBeUndefined();
  });

  it('a completion dropped before Slack ran it: files.info says it is not there, the upload starts over, one file is shared', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    emulator.state.faults.add({ method: 'files.completeUploadExternal', kind: 'drop' });

    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    const first = (await h.stored(item.id))?.file?.completing;
    expect(first).toMatch(/^F/);
    expect(filesNamed('report.pdf')).toHaveLength(0);

    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('files.info')).toBe(1);
    expect(calls('files.getUploadURLExternal')).toBe(2);
    const files = filesNamed('report.pdf');
    expect(files).toHaveLength(1);
    expect(files[0]?.id).not.toBe(first);
    expect(sharesIn(channel)).toHaveLength(1);
  });

  it('a completion Slack ran but whose answer was lost is found with files.info and not shared again', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    emulator.state.faults.add({ method: 'files.completeUploadExternal', kind: 'dropAfter' });

    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    expect(sharesIn(channel)).toHaveLength(1);

    await h.makeDue(item.id);
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('files.getUploadURLExternal')).toBe(1);
    expect(filesNamed('report.pdf')).toHaveLength(1);
    expect(sharesIn(channel)).toHaveLength(1);
    expect((await h.history(item.id))?.permalink).toContain(filesNamed('report.pdf')[0]!.id);
  });

  it('a completion the browser resent by itself (the resend finds its upload used) is found, not failed', async () => {
    // What Chromium does below fetch when a reused connection drops: the same POST goes out again,
    // and only the second answer reaches the caller.
    const resending: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.endsWith('/files.completeUploadExternal')) await fetch(input, init);
      return fetch(input, init);
    };
    const h = await withFile(FILE_SCOPES, { fetch: resending });
    const channel = channelId('engineering');
    const item = h.fileItem(channel);

    const result = await h.services.outbox.enqueue(item);

    expect(calls('files.completeUploadExternal')).toBe(2);
    expect(result.state).toBe('sent');
    expect(result.permalink).toContain(filesNamed('report.pdf')[0]!.id);
    expect(sharesIn(channel)).toHaveLength(1);
    expect(await h.stored(item.id)).toBeUndefined();
  });

  it('without files:read, a lost completion is found in the channel history instead', async () => {
    const h = await withFile(FILE_SCOPES.filter((scope) => scope !== 'files:read'));
    const channel = channelId('engineering');
    const item = h.fileItem(channel);
    emulator.state.faults.add({ method: 'files.completeUploadExternal', kind: 'dropAfter' });

    expect((await h.services.outbox.enqueue(item)).state).toBe('queued');
    await h.makeDue(item.id);
    const historyReads = calls('conversations.history');
    expect(await h.services.outbox.drain()).toBe(1);

    expect(calls('conversations.history')).toBe(historyReads + 1);
    expect(calls('files.getUploadURLExternal')).toBe(1);
    expect(sharesIn(channel)).toHaveLength(1);
  });

  it('a terminal error fails the item with its reason and keeps it, bytes and all', async () => {
    const h = await withFile();
    const item = h.fileItem(channelId('old-project'));

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('failed');
    const stored = await h.stored(item.id);
    expect(stored).toMatchObject({ state: 'failed', attempts: 1, reason: result.error?.message });
    expect(stored?.reason).toMatch(/archived/i);
    expect(stored?.file?.blob?.size).toBe(BYTES.length);
    expect(filesNamed('report.pdf')).toHaveLength(0);
    expect(await h.services.outbox.drain()).toBe(0);
    expect(calls('files.getUploadURLExternal')).toBe(1);
  });

  it('a file the site no longer has fails at once instead of being retried', async () => {
    const h = await withFile();
    const { file } = plannedFile({ kind: 'file', url: `${siteUrl()}/gone.pdf` });
    const item = h.item(channelId('engineering'), { text: '', file });

    const result = await h.services.outbox.enqueue(item);

    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain('HTTP 404');
    expect(calls('files.getUploadURLExternal')).toBe(0);
  });

  it('Cancel during the byte upload discards every item of the job; nothing completes', async () => {
    const h = await withFile();
    const targets: SendTarget[] = ['engineering', 'support'].map((name) => ({
      key: `${h.account.id}:${channelId(name)}`,
      accountId: h.account.id,
      id: channelId(name),
      label: `#${name}`,
    }));
    emulator.state.faults.add({ method: 'upload', kind: 'latency', ms: 400 });
    const seen: UploadProgressView[] = [];

    const job = cancellable('job-1', (signal) =>
      uploadToTargets(h.services.outbox, { share: h.share, targets }, signal, (progress) => seen.push(progress)),
    );
    // Wait until the first target's bytes are on their way, then press Cancel.
    for (let i = 0; i < 100 && calls('files.getUploadURLExternal') === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cancelUpload('job-1')).toBe(true);
    const results = await job;

    expect(results.map((result) => result.state)).toEqual(['failed', 'failed']);
    expect(results[0]?.error?.message).toMatch(/cancelled/);
    expect(await h.services.store.db.getAll('outbox')).toEqual([]);
    // The latency fault still holds the bytes: let them land, then check nothing was completed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls('files.completeUploadExternal')).toBe(0);
    expect(filesNamed('report.pdf')).toHaveLength(0);
    expect(seen[0]).toEqual({ done: 0, count: 2, sent: 0, total: 0 });
  });

  it('Discard while a drain is uploading stops that attempt; nothing completes', async () => {
    const h = await withFile();
    const item = h.fileItem(channelId('engineering'));
    await h.services.store.db.put('outbox', item);
    emulator.state.faults.add({ method: 'upload', kind: 'latency', ms: 400 });

    const draining = h.services.outbox.drain();
    for (let i = 0; i < 100 && calls('files.getUploadURLExternal') === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await outboxHandlers(() => Promise.resolve(h.services))['outbox.discard']({ id: item.id });

    expect(await draining).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await h.stored(item.id)).toBeUndefined();
    expect(calls('files.completeUploadExternal')).toBe(0);
    expect(filesNamed('report.pdf')).toHaveLength(0);
  });

  it('keeps order per target: a message behind a waiting file waits, then follows it', async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const file = h.fileItem(channel);
    emulator.state.faults.add({ method: 'files.getUploadURLExternal', kind: 'http500' });
    expect((await h.services.outbox.enqueue(file)).state).toBe('queued');

    const message = h.item(channel);
    const result = await h.services.outbox.enqueue(message);

    expect(result.state).toBe('queued');
    expect(result.error?.message).toContain('waits behind an earlier send');
    expect(calls('chat.postMessage')).toBe(0);
    await h.makeDue(file.id);
    expect(await h.services.outbox.drain()).toBe(2);
    const kinds = emulator.state.listMessages({ team: TEAM, channel }).map((m) => m.subtype ?? 'message');
    expect(kinds).toEqual(['file_share', 'message']);
  });
});
