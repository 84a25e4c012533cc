// @vitest-environment node
// File shares whose site the browser refuses Courier: they wait for the person (never retried
// blindly, never called a connection problem) and go out once, by themselves, when access is granted.
// A site that cannot be reached is tried a few times, then waits for the person too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import { MAX_DOWNLOAD_TRIES } from './classify';
import { browserFetch } from '../share/testing/browser-fetch';
import { BYTES, fileSupport } from './testing/file-sites';
import { outboxHandlers } from '../background/handlers/outbox';

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

const { channelId, withFile, filesNamed, downloads, calls } = fileSupport(() => emulator);

describe('a file share that needs access to its site', () => {
  it('waits as needing access, is not retried, and goes out exactly once when access is granted', async () => {
    const network = { access: false };
    const h = await withFile(undefined, {
      downloads: { fetch: (input, init) => browserFetch({ access: network.access })(input, init) },
    });
    const channel = channelId('engineering');
    const item = h.fileItem(channel);

    const result = await h.services.outbox.enqueue(item);
    expect(result.state).toBe('failed');
    expect(result.error).toMatchObject({ kind: 'needs_access', site: 'http://127.0.0.1/*' });
    expect(result.error?.message).toContain('needs your permission to download from 127.0.0.1');
    expect(result.error?.message).not.toMatch(/connection/i);
    const waiting = await h.stored(item.id);
    expect(waiting).toMatchObject({ state: 'failed', needsAccess: 'http://127.0.0.1/*', attempts: 1 });
    expect(calls('files.getUploadURLExternal'), 'nothing reached Slack').toBe(0);

    const served = downloads();
    await h.services.outbox.retryNow();
    await h.services.outbox.drain();
    expect(downloads(), 'no download is tried again while access is missing').toBe(served);
    expect(await h.services.outbox.resumeAccess(() => Promise.resolve(false))).toBe(0);
    expect((await h.stored(item.id))?.attempts).toBe(1);

    network.access = true;
    expect(await h.services.outbox.resumeAccess((site) => Promise.resolve(site === 'http://127.0.0.1/*'))).toBe(1);
    for (let i = 0; i < 100 && (await h.stored(item.id)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await h.stored(item.id)).toBeUndefined();
    const files = filesNamed('report.pdf');
    expect(files).toHaveLength(1);
    expect(Buffer.compare(files[0]!.bytes, BYTES)).toBe(0);
    expect((await h.history(item.id))?.fileId).toBe(files[0]!.id);

    // Granted again later (another site, a restart): nothing is shared twice.
    expect(await h.services.outbox.resumeAccess(() => Promise.resolve(true))).toBe(0);
    await h.services.outbox.drain();
    expect(filesNamed('report.pdf')).toHaveLength(1);
  });

  it(`a site that cannot be reached is tried ${MAX_DOWNLOAD_TRIES} times, then waits for Retry`, async () => {
    const h = await withFile();
    const channel = channelId('engineering');
    const item = {
      ...h.fileItem(channel),
      file: { ...h.fileItem(channel).file!, share: { kind: 'file' as const, url: 'http://127.0.0.1:9/report.pdf' } },
    };

    const first = await h.services.outbox.enqueue(item);
    expect(first.state).toBe('queued');
    expect(first.error?.message).toContain('Courier will try again');
    for (let i = 1; i < MAX_DOWNLOAD_TRIES + 3; i++) await h.services.outbox.retryNow();

    const stored = await h.stored(item.id);
    expect(stored?.state).toBe('failed');
    expect(stored?.attempts).toBe(MAX_DOWNLOAD_TRIES);
    expect(stored?.reason).toContain(`Courier tried ${MAX_DOWNLOAD_TRIES} times; press Retry`);

    await outboxHandlers(() => Promise.resolve(h.services))['outbox.retry']({ id: item.id });
    await h.services.outbox.drain();
    const retried = await h.stored(item.id);
    expect(retried?.attempts, 'Retry starts the count again').toBe(MAX_DOWNLOAD_TRIES + 1);
    expect(retried?.state).toBe('pending');
  });
});
