// @vitest-environment node
// Screenshots through the outbox, against the emulator: the PNG the background captured goes into
// the item before the first call to Slack, so nothing is downloaded; then it travels as an image.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator/index';
import { startEmulator } from '../../test/emulator/index';
import type { SendTarget } from '../protocol';
import type { ScreenshotShare } from '../share/share';
import type { OutboxItem } from '../store/sending-records';
import { fileSupport } from './testing/file-sites';
import { plannedFile } from './planned-file';
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

const { channelId, calls, withFile, sharesIn, downloads } = fileSupport(() => emulator);

/** A PNG's signature and IHDR (20 × 10), then filler: what the emulator stores must be these bytes. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 20, 0, 0, 0, 10, 8, 6, 0, 0, 0]),
  Buffer.alloc(4_000, 3),
]);

const shot = (overrides: Partial<ScreenshotShare> = {}): ScreenshotShare => ({
  kind: 'screenshot',
  pageUrl: 'https://example.com/charts/q3',
  pageTitle: 'Q3 <charts> & more',
  captureId: 'capture-1',
  blob: new Blob([PNG], { type: 'image/png' }),
  comment: 'Look at the dip',
  ...overrides,
});

describe('screenshots in the outbox', () => {
  it('plans a PNG named after the page, its bytes in the file and not in the stored share', () => {
    const share = shot();
    const { file, comment } = plannedFile(share);
    expect(file.blob).toBe(share.blob);
    expect(file.share).toEqual({
      kind: 'screenshot',
      pageUrl: 'https://example.com/charts/q3',
      pageTitle: 'Q3 <charts> & more',
      captureId: 'capture-1',
      comment: 'Look at the dip',
    });
    expect(file.filename).toMatch(/^screenshot-example\.com-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
    expect(file.title).toBe('Screenshot of Q3 <charts> & more');
    // The person's comment, then the page's title and link, escaped for mrkdwn.
    expect(comment).toBe('Look at the dip\nScreenshot of <https://example.com/charts/q3|Q3 &lt;charts&gt; &amp; more>');
  });

  it('stores the PNG before calling Slack, downloads nothing, and shares it once per target', async () => {
    const h = await withFile();
    const targets: SendTarget[] = ['engineering', 'support'].map((name) => ({
      key: `${h.account.id}:${channelId(name)}`,
      accountId: h.account.id,
      id: channelId(name),
      label: `#${name}`,
    }));
    // Held at the first Slack call, so the stored item can be read while Slack has it.
    emulator.state.faults.add({ method: 'files.getUploadURLExternal', kind: 'latency', ms: 300 });
    const job = uploadToTargets(h.services.outbox, { share: shot(), targets }, new AbortController().signal, () => {});
    let stored: OutboxItem | undefined;
    for (let i = 0; i < 100 && !stored; i++) {
      stored = (await h.services.store.db.getAll('outbox'))[0];
      if (!stored) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(stored?.file?.blob?.size, 'the bytes are in the item from the start').toBe(PNG.length);
    expect(stored?.file?.share).not.toHaveProperty('blob');
    expect(calls('files.completeUploadExternal')).toBe(0);

    const results = await job;
    expect(results.map((result) => result.state)).toEqual(['sent', 'sent']);
    expect(downloads(), 'nothing was fetched for a screenshot').toBe(0);
    const files = emulator.state.workspaces.get('T0ACME001')!.files.filter((f) => f.name.startsWith('screenshot-'));
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(Buffer.compare(file.bytes, PNG)).toBe(0);
      expect(file.mimetype).toBe('image/png');
    }
    for (const name of ['engineering', 'support']) {
      const [share] = sharesIn(channelId(name));
      expect(share?.text).toContain('Look at the dip');
      expect(share?.text).toContain('<https://example.com/charts/q3|Q3 &lt;charts&gt; &amp; more>');
    }
    expect(await h.services.store.db.getAll('outbox')).toEqual([]);
  });

  it('a screenshot stored without its bytes fails with a sentence instead of fetching the page', async () => {
    const h = await withFile();
    const { file, comment } = plannedFile(shot({ blob: undefined }));
    const result = await h.services.outbox.enqueue(h.item(channelId('engineering'), { text: comment, file }));
    expect(result.state).toBe('failed');
    expect(result.error?.message).toBe('This screenshot was not kept. Take it again.');
    expect(downloads()).toBe(0);
  });
});
