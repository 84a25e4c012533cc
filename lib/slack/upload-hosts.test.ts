// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBudget } from './budget';
import { bindToken, createSlackClient, UNTRUSTED_UPLOAD_URL } from './client';
import { SlackApiError } from './errors';
import type { FakeSlack } from './testing/fake-slack';
import { json, startFakeSlack } from './testing/fake-slack';
import { uploadFile } from './upload';

// A Slack whose answer names another host for the bytes: nothing may reach that host.
let slack: FakeSlack;
let elsewhere: FakeSlack;
let uploadUrl = '';

beforeAll(async () => {
  elsewhere = await startFakeSlack({ '/upload/v1/F1': (_req, res) => json(res, { ok: true }) });
  slack = await startFakeSlack({
    '/api/files.getUploadURLExternal': (_req, res) => json(res, { ok: true, upload_url: uploadUrl, file_id: 'F1' }),
    '/api/files.completeUploadExternal': (_req, res) => json(res, { ok: true, files: [{ id: 'F1' }] }),
  });
});
afterAll(async () => {
  await Promise.all([slack.close(), elsewhere.close()]);
});

function calls() {
  const budget = createBudget({ now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  return bindToken(createSlackClient({ baseUrl: slack.url, team: 'T1', budget }), 'xoxb-hosts');
}

it.each([
  ['another http host', () => `${elsewhere.url}/upload/v1/F1`],
  ['http on Slack file host', () => 'http://files.slack.com/upload/v1/F1'],
  ['https elsewhere', () => 'https://files.slack.com.example.invalid/upload/v1/F1'],
])('refuses an upload_url on %s and sends no bytes', async (_name, url) => {
  uploadUrl = url();
  const file = new Blob([new Uint8Array(64)]);
  const failure = await uploadFile(calls(), { file, filename: 'a.bin', channelId: 'C1' }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(SlackApiError);
  expect((failure as SlackApiError).code).toBe(UNTRUSTED_UPLOAD_URL);
  expect((failure as SlackApiError).sentence).toMatch(/did not send the file/);
  expect(elsewhere.requests).toHaveLength(0);
  expect(slack.requests.map((r) => r.path)).not.toContain('/api/files.completeUploadExternal');
});

it('sends the bytes to an upload_url on the base origin', async () => {
  uploadUrl = `${slack.url}/upload/v1/F1`;
  await uploadFile(calls(), { file: new Blob([new Uint8Array(8)]), filename: 'a.bin', channelId: 'C1' });
  expect(slack.requests.map((r) => r.path)).toContain('/upload/v1/F1');
});
