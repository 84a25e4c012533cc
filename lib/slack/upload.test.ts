// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { createBudget } from './budget';
import type { SlackClientOptions } from './client';
import { bindToken, createSlackClient } from './client';
import { SlackApiError, SlackTransportError } from './errors';
import type { UploadProgress } from './send-bytes';
import { createByteSender } from './send-bytes';
import type { FakeSlack } from './testing/fake-slack';
import { json, startFakeSlack } from './testing/fake-slack';
import { uploadFile } from './upload';

// The three steps against the emulator, and against a small server playing them as slack-api.md §3
// describes, for what the emulator can't show (what arrives on the wire, refusals, odd answers).
const TOKEN = 'xoxb-upload-test';
let slack: FakeSlack;
let uploadStatus = 200;

beforeAll(async () => {
  slack = await startFakeSlack({
    '/api/files.getUploadURLExternal': (req, res, url) => {
      if (req.params.get('token') !== TOKEN) return json(res, { ok: false, error: 'invalid_auth' });
      if (!req.params.get('filename') || !Number(req.params.get('length'))) {
        return json(res, { ok: false, error: 'missing_argument' });
      }
      json(res, { ok: true, upload_url: `${url}/upload/v1/F0UPLOAD1`, file_id: 'F0UPLOAD1' });
    },
    '/upload/v1/F0UPLOAD1': (req, res) => {
      res.writeHead(uploadStatus, { 'content-type': 'text/plain' });
      res.end(`OK - ${req.bytes.length}`);
    },
    '/api/files.completeUploadExternal': (req, res) => {
      const files = JSON.parse(req.params.get('files') ?? '[]') as { id: string; title: string }[];
      if (files[0]?.id !== 'F0UPLOAD1') return json(res, { ok: false, error: 'file_not_found' });
      json(res, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: 'report.png' })) });
    },
  });
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.requests.length = 0;
  uploadStatus = 200;
});

function client(options: Partial<SlackClientOptions> = {}) {
  const budget = createBudget({ now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  return createSlackClient({ baseUrl: slack.url, team: 'T1', budget, ...options });
}

/** 1 MiB of varied bytes, typed as an image. */
function pngBlob(size = 1024 * 1024): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return new Blob([bytes], { type: 'image/png' });
}

const uploads = () => slack.requests.filter((r) => r.path.startsWith('/upload/'));

function expectHonestProgress(events: UploadProgress[], total: number) {
  expect(events[0]).toEqual({ sent: 0, total });
  expect(events.at(-1)).toEqual({ sent: total, total });
  for (let i = 1; i < events.length; i++) {
    expect(events[i]?.sent).toBeGreaterThan(events[i - 1]?.sent ?? -1);
  }
}

describe('uploadFile', () => {
  it('runs the three steps and streams the bytes with real progress', async () => {
    const file = pngBlob();
    const events: UploadProgress[] = [];
    const result = await uploadFile(bindToken(client(), TOKEN), {
      file,
      filename: 'report.png',
      title: 'Q3 report',
      channelId: 'C0ENG',
      initialComment: 'Here it is',
      threadTs: '1700000000.000100',
      altText: 'A chart',
      onProgress: (p) => events.push(p),
    });
    expect(result.fileId).toBe('F0UPLOAD1');
    expect(result.completed.files).toEqual([{ id: 'F0UPLOAD1', title: 'Q3 report', name: 'report.png' }]);

    const [ticket, bytes, complete] = slack.requests;
    expect(slack.requests.map((r) => r.path)).toEqual([
      '/api/files.getUploadURLExternal',
      '/upload/v1/F0UPLOAD1',
      '/api/files.completeUploadExternal',
    ]);
    expect(Object.fromEntries(ticket?.params ?? [])).toEqual({
      filename: 'report.png',
      length: String(file.size),
      alt_txt: 'A chart',
      token: TOKEN,
    });
    // The upload URL authorizes: no token, and no Content-Type that would need a CORS preflight.
    expect(bytes?.bytes.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    expect(bytes?.headers.authorization).toBeUndefined();
    expect(bytes?.headers['content-type']).toBeUndefined();
    expect(bytes?.bytes.includes(Buffer.from(TOKEN))).toBe(false);
    // Node streams request bodies over HTTP/1.1: chunked, with progress along the way.
    expect(bytes?.headers['transfer-encoding']).toBe('chunked');
    expectHonestProgress(events, file.size);
    expect(events.length).toBeGreaterThan(4);
    expect(events.length).toBeLessThanOrEqual(102);

    expect(JSON.parse(complete?.params.get('files') ?? '')).toEqual([{ id: 'F0UPLOAD1', title: 'Q3 report' }]);
    expect(complete?.params.get('channel_id')).toBe('C0ENG');
    expect(complete?.params.get('initial_comment')).toBe('Here it is');
    expect(complete?.params.get('thread_ts')).toBe('1700000000.000100');
  });

  it('keeps the file private without a channel, titled by its name', async () => {
    await uploadFile(bindToken(client(), TOKEN), { file: pngBlob(10), filename: 'tiny.png', threadTs: '1.2' });
    const complete = slack.requests.at(-1);
    expect(JSON.parse(complete?.params.get('files') ?? '')).toEqual([{ id: 'F0UPLOAD1', title: 'tiny.png' }]);
    expect(complete?.params.has('channel_id')).toBe(false);
    expect(complete?.params.has('thread_ts')).toBe(false);
  });

  it('sends the Blob whole where fetch cannot stream, reporting 0 and 100 % only', async () => {
    const file = pngBlob();
    const events: UploadProgress[] = [];
    const sendBytes = createByteSender({ fetch, streams: false, timeoutMs: 5_000 });
    await uploadFile(bindToken(client({ sendBytes }), TOKEN), {
      file,
      filename: 'report.png',
      onProgress: (p) => events.push(p),
    });
    expect(events).toEqual([
      { sent: 0, total: file.size },
      { sent: file.size, total: file.size },
    ]);
    expect(uploads()[0]?.headers['content-length']).toBe(String(file.size));
    expect(uploads()[0]?.bytes.length).toBe(file.size);
  });

  it('falls back to the whole Blob when the origin refuses a streamed body (Chrome on HTTP/1.1), and remembers', async () => {
    let streamAttempts = 0;
    // Chrome fails a streamed body over HTTP/1.1 before reading it (ERR_H2_OR_QUIC_REQUIRED).
    const chromeOnHttp1: typeof fetch = (input, init) => {
      if (init?.body instanceof ReadableStream) {
        streamAttempts++;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    };
    const sendBytes = createByteSender({ fetch: chromeOnHttp1, streams: true, timeoutMs: 5_000 });
    const api = bindToken(client({ sendBytes }), TOKEN);
    const events: UploadProgress[] = [];
    await uploadFile(api, { file: pngBlob(), filename: 'a.png', onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.sent)).toEqual([0, 1024 * 1024]);
    await uploadFile(api, { file: pngBlob(), filename: 'b.png' });
    expect(streamAttempts).toBe(1);
    expect(uploads().map((u) => u.bytes.length)).toEqual([1024 * 1024, 1024 * 1024]);
  });

  it('sends the Blob whole after 411 Length Required', async () => {
    let streamed = 0;
    const lengthRequired: typeof fetch = async (input, init) => {
      if (!(init?.body instanceof ReadableStream)) return fetch(input, init);
      streamed++;
      await init.body.cancel();
      return new Response('Length Required', { status: 411 });
    };
    const sendBytes = createByteSender({ fetch: lengthRequired, streams: true, timeoutMs: 5_000 });
    await uploadFile(bindToken(client({ sendBytes }), TOKEN), { file: pngBlob(1000), filename: 'c.png' });
    expect(streamed).toBe(1);
    expect(uploads()).toHaveLength(1);
  });

  it('fails on any upload status but 200, and never completes', async () => {
    uploadStatus = 500;
    const error = await uploadFile(bindToken(client(), TOKEN), { file: pngBlob(100), filename: 'x.png' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ failure: 'http_error', status: 500 });
    expect(slack.requests.map((r) => r.path)).not.toContain('/api/files.completeUploadExternal');
  });

  it('passes Slack errors of the steps through, typed', async () => {
    const error = await uploadFile(bindToken(client(), 'xoxb-wrong'), { file: pngBlob(100), filename: 'x.png' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ code: 'invalid_auth', method: 'files.getUploadURLExternal' });
    expect(uploads()).toHaveLength(0);
  });

  it('refuses a ticket without an upload URL, before sending any bytes', async () => {
    const real = client();
    // Slack's ticket without its upload_url: the call's own parse refuses it.
    const raw = {
      ...real,
      call: () => Promise.resolve({ ok: true, file_id: 'F1' }),
    };
    const broken = bindToken(raw, TOKEN);
    await expect(uploadFile(broken, { file: pngBlob(10), filename: 'x.png' })).rejects.toMatchObject({
      name: 'SlackResponseShapeError',
      paths: ['upload_url'],
    });
    expect(uploads()).toHaveLength(0);
  });

  it('stops mid-stream when aborted', async () => {
    const controller = new AbortController();
    const file = pngBlob(8 * 1024 * 1024);
    const error = await uploadFile(bindToken(client(), TOKEN), {
      file,
      filename: 'big.png',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.sent > 0) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(slack.requests.map((r) => r.path)).not.toContain('/api/files.completeUploadExternal');
  });
});

/** Enough of XMLHttpRequest to drive the sender: upload progress, then a status. */
class FakeXhr {
  static last: FakeXhr | undefined;
  static status = 200;
  upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null };
  status = 0;
  timeout = 0;
  method = '';
  url = '';
  body: Blob | undefined;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: Blob) {
    this.body = body;
    setTimeout(() => {
      for (const loaded of [100_000, 500_000, body.size]) this.upload.onprogress?.({ loaded });
      this.status = FakeXhr.status;
      this.onload?.();
    }, 1);
  }
  abort() {
    this.onabort?.();
  }
}

describe('send bytes through XMLHttpRequest (Firefox background page)', () => {
  const sender = () =>
    createByteSender({
      fetch: () => Promise.reject(new Error('fetch must not be used')),
      XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
      timeoutMs: 1_000,
    });

  it('reports real progress from upload events and sends the bytes untyped', async () => {
    FakeXhr.status = 200;
    const file = pngBlob();
    const events: UploadProgress[] = [];
    await sender()('https://files.example/upload/1', file, { onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.sent)).toEqual([0, 100_000, 500_000, file.size]);
    expect(FakeXhr.last?.method).toBe('POST');
    expect(FakeXhr.last?.body?.type).toBe('');
    expect(FakeXhr.last?.body?.size).toBe(file.size);
    // A megabyte at the slowest acceptable pace, on top of the base time.
    expect(FakeXhr.last?.timeout).toBe(1_000 + 32_000);
  });

  it('fails on a status other than 200', async () => {
    FakeXhr.status = 403;
    await expect(sender()('https://files.example/upload/1', pngBlob(10))).rejects.toMatchObject({
      failure: 'http_error',
      status: 403,
    });
  });
});

describe('uploadFile against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('uploads, shares into the channel with its comment, and Slack has the same bytes', async () => {
    const ACME = 'T0ACME001';
    const token = emulator.state.install({
      teamId: ACME,
      botScopes: ['files:write', 'files:read', 'chat:write'],
    }).access_token;
    const ws = emulator.state.workspaces.get(ACME);
    const engineering = ws?.conversations.find((c) => c.name === 'engineering')?.id ?? '';
    const file = pngBlob(300 * 1024);
    const events: UploadProgress[] = [];
    const result = await uploadFile(bindToken(client({ baseUrl: emulator.url }), token ?? ''), {
      file,
      filename: 'chart.png',
      title: 'Chart',
      channelId: engineering,
      initialComment: 'Numbers are in',
      onProgress: (p) => events.push(p),
    });
    const stored = ws?.files.find((f) => f.id === result.fileId);
    expect(stored?.bytes.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    expect(stored?.title).toBe('Chart');
    expect(result.completed.files).toEqual([expect.objectContaining({ id: result.fileId, title: 'Chart' })]);
    const [message] = emulator.state.listMessages({ team: ACME, channel: engineering });
    expect(message).toMatchObject({ text: 'Numbers are in', files: [result.fileId] });
    expectHonestProgress(events, file.size);
    expect(events.length).toBeGreaterThan(2);

    // files.list pages by page/count: walking 2 at a time finds exactly what one big page holds.
    const api = bindToken(client({ baseUrl: emulator.url }), token ?? '');
    for (let i = 0; i < 4; i++) {
      await uploadFile(api, { file: pngBlob(100 + i), filename: `f${i}.png`, channelId: engineering });
    }
    const all = await api.call('files.list', { count: 100 });
    const walked: unknown[] = [];
    for await (const f of api.paginate('files.list', {}, { itemsKey: 'files', style: 'page', pageSize: 2 })) {
      walked.push(f);
    }
    const ids = (files: unknown) => (files as { id: string }[]).map((f) => f.id);
    expect(ids(walked)).toEqual(ids(all.files));
    expect(walked.length).toBeGreaterThanOrEqual(5);
  });
});
