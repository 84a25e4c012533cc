// @vitest-environment node
// File actions against the emulator, including both Web API steps of an upload around the bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import type { Harness, Install } from './testing/emulator-harness';
import { ALL_USER_SCOPES, startHarness } from './testing/emulator-harness';

let h: Harness;
let userOnly: Install;
beforeAll(async () => {
  h = await startHarness();
  userOnly = h.install({ bot: [], user: ALL_USER_SCOPES });
});
afterAll(() => h.close());

const slackSays = (code: string) => explainSlackError(code);
type SlackFile = { id: string; name?: string; public_url_shared?: boolean };

/** The three steps: ask for a URL, send the bytes there, complete (and share) the upload. */
async function upload(
  name: string,
  text: string,
  as?: Install,
  share: Record<string, unknown> = {},
  ask: Record<string, unknown> = {},
): Promise<SlackFile> {
  const bytes = new TextEncoder().encode(text);
  const ticket = (await h.run('get_file_upload_url', { filename: name, length: bytes.length, ...ask }, as)).result as {
    upload_url: string;
    file_id: string;
  };
  expect(ticket.file_id).toMatch(/^F/);
  const sent = await fetch(ticket.upload_url, { method: 'POST', body: bytes });
  expect(sent.status).toBe(200);
  const done = await h.run('complete_file_upload', { files: [{ id: ticket.file_id, title: name }], ...share }, as);
  const files = (done.result as { files: SlackFile[] }).files;
  expect(files.map((f) => f.id)).toEqual([ticket.file_id]);
  return files[0] as SlackFile;
}

describe('uploads', () => {
  it('uploads a file and shares it in a channel', async () => {
    const file = await upload('notes.txt', 'hello from courier', undefined, { channel_id: h.channelId('random') });
    const info = (await h.run('get_file', { file: file.id })).result as { file: SlackFile & { shares?: unknown } };
    expect(info.file).toMatchObject({ id: file.id, name: 'notes.txt' });
  });

  // Slack's spec for files.getUploadURLExternal names the field alt_txt (as the python SDK and the
  // file object do; the node SDK's alt_text is not in the spec), and files.info hands it back.
  it("keeps an image's alt text, sent as alt_txt, and files.info shows it", async () => {
    const png = '\x89PNG\r\n\x1a\n';
    const ask = { alt_txt: 'A bar chart of sends per day' };
    const file = await upload('chart.png', png, undefined, { channel_id: h.channelId('random') }, ask);
    const info = (await h.run('get_file', { file: file.id })).result as { file: { alt_txt?: string } };
    expect(info.file.alt_txt).toBe('A bar chart of sends per day');
    const plain = await upload('plain.png', png);
    const none = (await h.run('get_file', { file: plain.id })).result as { file: { alt_txt?: string } };
    expect(none.file.alt_txt).toBeUndefined();
  });

  it('refuses an unknown snippet type, and completing a file that was never uploaded', async () => {
    const ticket = await h.fail('get_file_upload_url', { filename: 'a.txt', length: 3, snippet_type: 'klingon' });
    expect(ticket.message).toBe(slackSays('unknown_snippet_type'));
    const complete = await h.fail('complete_file_upload', { files: [{ id: 'F0NOSUCH' }] });
    expect(complete.message).toBe(slackSays('file_not_found'));
  });
});

describe('get_file and list_files', () => {
  it('lists files a numbered page at a time, with paging saying how many, and fails for unknown ones', async () => {
    const mine = await upload('list-me.txt', 'listed', undefined, { channel_id: h.channelId('random') });
    await upload('list-me-too.txt', 'listed too', undefined, { channel_id: h.channelId('random') });
    const all = (await h.run('list_files', {})).result as { files: SlackFile[] };
    expect(all.files.map((f) => f.id)).toContain(mine.id);
    type Page = { files: SlackFile[]; paging: { page: number; pages: number; total: number } };
    const first = (await h.run('list_files', { count: 1 })).result as Page;
    expect(first.files).toHaveLength(1);
    expect(first.paging).toMatchObject({ page: 1, pages: first.paging.total });
    expect(first.paging.total).toBeGreaterThanOrEqual(2);
    const second = (await h.run('list_files', { count: 1, page: 2 })).result as Page;
    expect(second.paging.page).toBe(2);
    expect(second.files[0]?.id).not.toBe(first.files[0]?.id);
    expect((await h.fail('get_file', { file: 'F0NOSUCH' })).message).toBe(slackSays('file_not_found'));
    expect((await h.fail('list_files', { user: 'U0NOSUCH' })).message).toBe(slackSays('user_not_found'));
  });
});

describe('public links', () => {
  it('shares a public link with a user token and revokes it', async () => {
    const file = await upload('public.txt', 'for everyone', userOnly);
    const shared = await h.run('share_file_public_url', { file: file.id });
    expect(shared.tokenKind).toBe('user');
    expect((shared.result as { file: SlackFile }).file).toMatchObject({ id: file.id, public_url_shared: true });
    const revoked = await h.run('revoke_file_public_url', { file: file.id });
    expect((revoked.result as { file: SlackFile }).file).toMatchObject({ id: file.id, public_url_shared: false });
  });

  it('needs a user token, and fails for unknown files', async () => {
    const botOnly = h.install({ user: [] });
    const noUser = await h.fail('share_file_public_url', { file: 'F0NOSUCH' }, botOnly);
    expect(noUser).toMatchObject({
      kind: 'missing_scope',
      message: 'Share File Public URL needs a user token: reconnect this workspace with the files:write user scope.',
    });
    expect((await h.fail('share_file_public_url', { file: 'F0NOSUCH' })).message).toBe(slackSays('file_not_found'));
    expect((await h.fail('revoke_file_public_url', { file: 'F0NOSUCH' })).message).toBe(slackSays('file_not_found'));
  });
});

describe('delete_file', () => {
  it('deletes a file once', async () => {
    const file = await upload('bin.txt', 'delete me');
    await h.run('delete_file', { file: file.id });
    const again = await h.fail('delete_file', { file: file.id });
    expect([slackSays('file_deleted'), slackSays('file_not_found')]).toContain(again.message);
  });
});
