// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, control, install, installOnly } from './helpers';
import { UPLOAD_TTL_SECONDS } from './housekeeping';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface Ticket {
  upload_url: string;
  file_id: string;
}

interface FileJson {
  id: string;
  title: string;
  name: string;
  size: number;
  mimetype: string;
  url_private: string;
  channels: string[];
  shares: { public?: Record<string, { ts: string }[]> };
}

let emu: Emulator;
let t: Tokens;
let engineering: string;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
  engineering = channelId(emu, 'engineering');
});

const BYTES = Buffer.from('hello from the emulator\n');

async function ticket(filename = 'notes.txt', length = BYTES.length, token = t.bot): Promise<Ticket> {
  const result = await callApi<Ticket>(emu, 'files.getUploadURLExternal', { filename, length: String(length) }, token);
  expect(result.ok, result.error).toBe(true);
  return result;
}

function upload(url: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  // Like the SDKs: a plain POST, no token.
  return fetch(url, { method: 'POST', body, headers });
}

function complete(files: { id: string; title?: string }[], extra: Record<string, string> = {}, token = t.bot) {
  return callApi<{ files: FileJson[] }>(
    emu,
    'files.completeUploadExternal',
    { files: JSON.stringify(files), ...extra },
    token,
  );
}

describe('external upload', () => {
  it('get URL → POST bytes → complete: the file is shared in the channel as a file_share message', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    expect(fileId).toMatch(/^F[0-9A-Z]+$/);
    expect(url).toMatch(new RegExp(`^${emu.url}/upload/v1/[\\w-]+$`));
    const res = await upload(url, BYTES, { 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`OK - ${BYTES.length}`);
    const done = await complete([{ id: fileId, title: 'Notes' }], {
      channel_id: engineering,
      initial_comment: 'see attached',
    });
    expect(done.ok, done.error).toBe(true);
    expect(done.files).toEqual([
      expect.objectContaining({
        id: fileId,
        title: 'Notes',
        name: 'notes.txt',
        size: BYTES.length,
        mimetype: 'text/plain',
        channels: [engineering],
      }),
    ]);
    const [message] = emu.state.listMessages({ channel: engineering });
    expect(message).toMatchObject({ subtype: 'file_share', text: 'see attached', files: [fileId], user: t.botUserId });
    expect(done.files[0]?.shares.public?.[engineering]?.[0]?.ts).toBe(message?.ts);
    const history = await callApi<{ messages: { files?: { id: string }[] }[] }>(
      emu,
      'conversations.history',
      { channel: engineering, limit: '1' },
      t.bot,
    );
    expect(history.messages[0]?.files?.[0]?.id).toBe(fileId);
    // The stored bytes are served back at url_private to a token that can see the file.
    const download = await fetch(done.files[0]?.url_private ?? '', { headers: { authorization: `Bearer ${t.bot}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(BYTES);
    const listed = await control<{ files: { id: string; text: string | null }[] }>(emu, 'GET', '/files?team=T0ACME001');
    expect(listed.files.find((f) => f.id === fileId)?.text).toBe(BYTES.toString());
  });

  it('accepts multipart form-data and shares into a thread; no channel keeps the file private', async () => {
    const parent = await callApi<{ ts: string }>(emu, 'chat.postMessage', { channel: engineering, text: 'p' }, t.bot);
    const first = await ticket('photo.png', 4);
    const form = new FormData();
    form.set('filename', 'photo.png');
    form.set('file', new Blob([new Uint8Array([1, 2, 3, 4])]), 'photo.png');
    expect((await upload(first.upload_url, form)).status).toBe(200);
    const threaded = await complete([{ id: first.file_id }], { channels: engineering, thread_ts: parent.ts });
    expect(threaded.files[0]).toMatchObject({ mimetype: 'image/png', size: 4, title: 'photo.png' });
    expect(emu.state.listMessages({ channel: engineering }).at(-1)).toMatchObject({ threadTs: parent.ts });
    const second = await ticket('private.txt');
    await upload(second.upload_url, BYTES);
    const unshared = await complete([{ id: second.file_id }]);
    expect(unshared.files[0]?.channels).toEqual([]);
    const seen = await callApi(emu, 'files.info', { file: second.file_id }, t.user);
    expect(seen.error).toBe('file_not_found');
  });

  it('rejects bytes of the wrong length, and completing before the bytes arrive', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    const wrong = await upload(url, Buffer.from('short'));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/length mismatch/);
    expect((await complete([{ id: fileId }], { channel_id: engineering })).error).toBe('file_not_found');
    expect((await upload(url, BYTES)).status).toBe(200);
    expect((await complete([{ id: fileId }], { channel_id: engineering })).ok).toBe(true);
  });

  it('cannot complete the same upload twice; the URL is gone after completion', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    await upload(url, BYTES);
    expect((await complete([{ id: fileId }])).ok).toBe(true);
    expect((await complete([{ id: fileId }])).error).toBe('file_not_found');
    expect((await upload(url, BYTES)).status).toBe(404);
    expect(emu.state.workspaces.get('T0ACME001')?.files.filter((f) => f.id === fileId)).toHaveLength(1);
  });

  it('discards an upload never completed once its time is up', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    await upload(url, BYTES);
    expect(emu.state.stats().uploadsPending).toBe(1);
    emu.state.advanceClock(UPLOAD_TTL_SECONDS + 1);
    expect(emu.state.stats().uploadsPending).toBe(0);
    expect((await complete([{ id: fileId }], { channel_id: engineering })).error).toBe('file_not_found');
    expect((await upload(url, BYTES)).status).toBe(404);
    expect(emu.state.workspaces.get('T0ACME001')?.files.some((f) => f.id === fileId)).toBe(false);
  });

  it('checks channels before changing anything: not_in_channel, channel_not_found, channels_limit_exceeded', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    await upload(url, BYTES);
    const random = channelId(emu, 'random');
    expect((await complete([{ id: fileId }], { channel_id: random })).error).toBe('not_in_channel');
    expect((await complete([{ id: fileId }], { channel_id: 'C0NOPE' })).error).toBe('channel_not_found');
    const many = Array.from({ length: 101 }, (_, i) => `C${i}`).join(',');
    expect((await complete([{ id: fileId }], { channels: many })).error).toBe('channels_limit_exceeded');
    expect((await complete([{ id: 'F0NOPE' }], { channel_id: engineering })).error).toBe('file_not_found');
    // Someone else's ticket is not theirs to complete.
    expect((await complete([{ id: fileId }], { channel_id: engineering }, t.user)).error).toBe('file_not_found');
    expect((await complete([{ id: fileId }], { channel_id: engineering })).ok).toBe(true);
  });

  it('getUploadURLExternal errors: missing_argument, alt_txt_too_large, unknown_snippet_type; needs files:write', async () => {
    const get = (params: Record<string, string>, token = t.bot) =>
      callApi(emu, 'files.getUploadURLExternal', params, token);
    expect((await get({ filename: 'a.txt', length: '0' })).error).toBe('missing_argument');
    expect((await get({ filename: 'a.txt', length: '3', alt_txt: 'x'.repeat(1001) })).error).toBe('alt_txt_too_large');
    expect((await get({ filename: 'a.txt', length: '3', snippet_type: 'cobol-ish' })).error).toBe(
      'unknown_snippet_type',
    );
    expect((await get({ length: '3' })).error).toBe('invalid_arguments');
    const narrow = installOnly(emu, { bot: ['files:read'] });
    expect(await get({ filename: 'a.txt', length: '3' }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'files:write',
    });
  });

  it("faults added for 'upload' hit the byte upload only; the ticket survives for a retry", async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    await control(emu, 'POST', '/faults', { method: 'upload', kind: 'http500', status: 503 });
    await control(emu, 'POST', '/faults', { method: '*', kind: 'ratelimit' });
    expect((await upload(url, BYTES)).status).toBe(503);
    expect((await upload(url, BYTES)).status).toBe(200);
    // The '*' fault was left for the next API call.
    const limited = await fetch(`${emu.url}/api/auth.test`, {
      method: 'POST',
      body: new URLSearchParams({ token: t.bot }),
    });
    expect(limited.status).toBe(429);
    expect((await complete([{ id: fileId }])).ok).toBe(true);
  });

  it('completeUploadExternal takes a JSON body with a files array too', async () => {
    const { upload_url: url, file_id: fileId } = await ticket();
    await upload(url, BYTES);
    const res = await fetch(`${emu.url}/api/files.completeUploadExternal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.bot}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ files: [{ id: fileId, title: 'From JSON' }], channel_id: engineering }),
    });
    expect(await res.json()).toMatchObject({ ok: true, files: [{ id: fileId, title: 'From JSON' }] });
  });

  it('refuses a body over maxUploadBytes with 413 and takes it once the cap is raised (the upload benchmark does)', async () => {
    const bytes = Buffer.alloc(2048, 7);
    emu.state.configure({ maxUploadBytes: 1024 });
    const refused = await upload((await ticket('big.bin', bytes.length)).upload_url, bytes);
    expect(refused.status).toBe(413);
    emu.state.configure({ maxUploadBytes: 4096 });
    const taken = await upload((await ticket('big.bin', bytes.length)).upload_url, bytes);
    expect(taken.status).toBe(200);
  });
});
