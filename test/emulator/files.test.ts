// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, channelId, install, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface FileJson {
  id: string;
  name: string;
  user: string;
  public_url_shared: boolean;
  permalink_public: string;
  shares?: unknown;
  channels: string[];
}

interface Listing {
  files: FileJson[];
  paging: { count: number; total: number; page: number; pages: number };
}

let emu: Emulator;
let t: Tokens;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
});

const seededFiles = () => emu.state.workspaces.get('T0ACME001')?.files ?? [];
const fileNamed = (name: string) => {
  const file = seededFiles().find((f) => f.name === name);
  if (!file) throw new Error(`no file ${name}`);
  return file;
};

/** Uploads a small file through the real flow and returns its id. */
async function uploadFile(name: string, token: string, channel?: string): Promise<string> {
  const bytes = Buffer.from(`contents of ${name}`);
  const ticket = await callApi<{ upload_url: string; file_id: string }>(
    emu,
    'files.getUploadURLExternal',
    { filename: name, length: String(bytes.length) },
    token,
  );
  await fetch(ticket.upload_url, { method: 'POST', body: bytes });
  const done = await callApi(
    emu,
    'files.completeUploadExternal',
    { files: JSON.stringify([{ id: ticket.file_id }]), ...(channel ? { channel_id: channel } : {}) },
    token,
  );
  expect(done.ok, done.error).toBe(true);
  return ticket.file_id;
}

describe('files.info', () => {
  it('describes a seeded file shared in #general, with shares and comments', async () => {
    const roadmap = fileNamed('q3-roadmap.pdf');
    const info = await callApi<{ file: FileJson; comments: unknown[] }>(emu, 'files.info', { file: roadmap.id }, t.bot);
    expect(info).toMatchObject({
      ok: true,
      file: { id: roadmap.id, name: 'q3-roadmap.pdf', channels: [channelId(emu, 'general')] },
      comments: [],
    });
    expect(info.file.shares).toHaveProperty(['public', channelId(emu, 'general')]);
  });

  it('file_not_found for unknown and invisible files, file_deleted after delete', async () => {
    expect((await callApi(emu, 'files.info', { file: 'F0NOPE' }, t.bot)).error).toBe('file_not_found');
    // team-photo.png is Maya's and shared nowhere: the bot cannot see it, Maya can.
    const photo = fileNamed('team-photo.png');
    expect((await callApi(emu, 'files.info', { file: photo.id }, t.bot)).error).toBe('file_not_found');
    expect((await callApi(emu, 'files.info', { file: photo.id }, t.user)).ok).toBe(true);
    expect((await callApi(emu, 'files.delete', { file: photo.id }, t.user)).ok).toBe(true);
    expect((await callApi(emu, 'files.info', { file: photo.id }, t.user)).error).toBe('file_deleted');
  });
});

describe('files.list', () => {
  it('pages with page/count and reports paging {count,total,page,pages}', async () => {
    for (let i = 0; i < 3; i += 1) await uploadFile(`doc-${i}.txt`, t.user, channelId(emu, 'general'));
    const all = await callApi<Listing>(emu, 'files.list', {}, t.user);
    // Three seeded files (two shared in #general, Maya's private photo) and three new ones.
    expect(all.paging).toEqual({ count: 100, total: 6, page: 1, pages: 1 });
    const page2 = await callApi<Listing>(emu, 'files.list', { count: '4', page: '2' }, t.user);
    expect(page2.paging).toEqual({ count: 4, total: 6, page: 2, pages: 2 });
    expect(page2.files).toHaveLength(2);
    const names = all.files.map((f) => f.name);
    expect(names.slice(0, 3)).toEqual(['doc-2.txt', 'doc-1.txt', 'doc-0.txt']);
    expect(all.files[0]).not.toHaveProperty('shares');
  });

  it('filters by user, channel and types; unknown_type and user_not_found', async () => {
    const maya = t.userId;
    const mine = await callApi<Listing>(emu, 'files.list', { user: maya }, t.user);
    expect(mine.files.every((f) => f.user === maya)).toBe(true);
    const images = await callApi<Listing>(emu, 'files.list', { types: 'images' }, t.user);
    expect(images.files.map((f) => f.name)).toEqual(['team-photo.png']);
    const pdfs = await callApi<Listing>(emu, 'files.list', { types: 'pdfs,zips' }, t.user);
    expect(pdfs.files.map((f) => f.name)).toEqual(['q3-roadmap.pdf']);
    const random = await callApi<Listing>(emu, 'files.list', { channel: channelId(emu, 'random') }, t.user);
    expect(random.paging.total).toBe(0);
    expect((await callApi(emu, 'files.list', { types: 'videos' }, t.user)).error).toBe('unknown_type');
    expect((await callApi(emu, 'files.list', { user: 'U0NOBODY' }, t.user)).error).toBe('user_not_found');
  });

  it('shows a bot only what it can see', async () => {
    const botList = await callApi<Listing>(emu, 'files.list', {}, t.bot);
    expect(botList.files.map((f) => f.name).sort()).toEqual(['q3-roadmap.pdf', 'standup-notes.txt']);
  });
});

describe('files.delete', () => {
  it('deletes the caller’s file; cant_delete_file for someone else’s; file_deleted twice', async () => {
    const id = await uploadFile('mine.txt', t.bot, channelId(emu, 'engineering'));
    expect((await callApi(emu, 'files.delete', { file: id }, t.bot)).ok).toBe(true);
    expect((await callApi(emu, 'files.delete', { file: id }, t.bot)).error).toBe('file_deleted');
    const roadmap = fileNamed('q3-roadmap.pdf');
    expect((await callApi(emu, 'files.delete', { file: roadmap.id }, t.bot)).error).toBe('cant_delete_file');
    // Amara is no admin, and the roadmap is Sofia's.
    const amara = install(emu, { userId: userId(emu, 'amara.okafor') });
    expect((await callApi(emu, 'files.delete', { file: roadmap.id }, amara.user)).error).toBe('cant_delete_file');
    expect((await callApi(emu, 'files.delete', { file: 'F0NOPE' }, t.bot)).error).toBe('file_not_found');
  });
});

describe('public URLs', () => {
  it('sharedPublicURL (user tokens only) sets public_url_shared; revokePublicURL clears it', async () => {
    const photo = fileNamed('team-photo.png');
    const shared = await callApi<{ file: FileJson }>(emu, 'files.sharedPublicURL', { file: photo.id }, t.user);
    expect(shared.file).toMatchObject({ id: photo.id, public_url_shared: true });
    expect(shared.file.permalink_public).toMatch(/^https:\/\/slack-files\.com\/T0ACME001-/);
    const revoked = await callApi<{ file: FileJson }>(emu, 'files.revokePublicURL', { file: photo.id }, t.user);
    expect(revoked.file.public_url_shared).toBe(false);
  });

  it('not_allowed_token_type for a bot, file_not_found and not_allowed', async () => {
    const roadmap = fileNamed('q3-roadmap.pdf');
    expect((await callApi(emu, 'files.sharedPublicURL', { file: roadmap.id }, t.bot)).error).toBe(
      'not_allowed_token_type',
    );
    expect((await callApi(emu, 'files.sharedPublicURL', { file: 'F0NOPE' }, t.user)).error).toBe('file_not_found');
    // Maya can see Sofia's roadmap but it is not hers to publish.
    expect((await callApi(emu, 'files.sharedPublicURL', { file: roadmap.id }, t.user)).error).toBe('not_allowed');
    expect((await callApi(emu, 'files.revokePublicURL', { file: 'F0NOPE' }, t.bot)).error).toBe('file_not_found');
  });
});
