// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadShare, DownloadFailure } from './download';
import { sitePattern } from './site';
import type { DownloadShare } from './share';
import { browserFetch } from './testing/browser-fetch';

/** A real PNG's first bytes, then filler: what an image host serves. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5_000, 7)]);
const SIGN_IN = Buffer.from('<!DOCTYPE html><html><body><form>Sign in</form></body></html>');

let site: Server;
let base = '';
/** What the site saw: path and cookie of every request. */
let seen: { path: string; cookie?: string }[] = [];

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/cat.png': (_, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
  '/members/cat.png': (request, response) =>
    request.headers.cookie === 'session=1'
      ? response.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
      : response.writeHead(200, { 'content-type': 'text/html' }).end(SIGN_IN),
  '/members/report.pdf': (request, response) =>
    request.headers.cookie === 'session=1'
      ? response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 report')
      : response.writeHead(403).end(),
  '/login.png': (_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(SIGN_IN),
  '/page.html': (_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(SIGN_IN),
  '/data.png': (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
  '/huge.bin': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 2_000_000_000 });
    response.write(Buffer.alloc(1024));
  },
  '/endless.bin': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const timer = setInterval(() => response.write(Buffer.alloc(16 * 1024)), 1);
    response.on('close', () => clearInterval(timer));
  },
  '/stalled.png': (_, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length });
    response.write(PNG.subarray(0, 100));
  },
  '/silent.png': () => undefined,
  '/gone.png': (_, response) => response.writeHead(404).end(),
  '/busy.png': (_, response) => response.writeHead(503).end(),
};

beforeAll(async () => {
  site = createServer((request, response) => {
    seen.push({ path: request.url ?? '', ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}) });
    (routes[request.url ?? ''] ?? ((_, r: ServerResponse) => r.writeHead(404).end()))(request, response);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => {
  site.closeAllConnections();
  site.close();
});
beforeEach(() => {
  seen = [];
});

const image = (path: string): DownloadShare => ({ kind: 'image', srcUrl: `${base}${path}` });
const file = (path: string): DownloadShare => ({ kind: 'file', url: `${base}${path}` });

async function failure(promise: Promise<unknown>): Promise<DownloadFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DownloadFailure);
  return error as DownloadFailure;
}

describe('downloadShare', () => {
  it('downloads an image that the web serves to anyone, without cookies and without access', async () => {
    const got = await downloadShare(image('/cat.png'), { fetch: browserFetch({ access: false, cors: true }) });
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(PNG)).toBe(true);
    expect(got.contentType).toBe('image/png');
    expect(seen).toEqual([{ path: '/cat.png' }]);
  });

  it('a site that refuses other origins without access needs access, and is not called a connection problem', async () => {
    const error = await failure(downloadShare(image('/cat.png'), { fetch: browserFetch({ access: false }) }));
    expect(error.problem).toBe('access');
    expect(error.kind).toBe('needs_access');
    expect(error.site).toBe('http://127.0.0.1/*');
    expect(error.message).toContain('needs your permission to download from 127.0.0.1');
    expect(error.message).not.toMatch(/connection/i);
  });

  it('an unreachable site is a network failure', async () => {
    const error = await failure(
      downloadShare(
        { kind: 'image', srcUrl: 'http://127.0.0.1:9/cat.png' },
        { fetch: browserFetch({ access: false }) },
      ),
    );
    expect(error.problem).toBe('network');
    expect(error.message).toContain('could not reach 127.0.0.1 ');
  });

  it('sends cookies only to a site it has access to, and only once the answer without them wants a sign-in', async () => {
    const got = await downloadShare(image('/members/cat.png'), { fetch: browserFetch({ access: true }) });
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(PNG)).toBe(true);
    expect(seen).toEqual([{ path: '/members/cat.png' }, { path: '/members/cat.png', cookie: 'session=1' }]);

    seen = [];
    await downloadShare(image('/cat.png'), { fetch: browserFetch({ access: true }) });
    expect(seen, 'a public image goes without cookies even with access').toEqual([{ path: '/cat.png' }]);

    seen = [];
    const pdf = await downloadShare(file('/members/report.pdf'), { fetch: browserFetch({ access: true }) });
    expect(await pdf.blob.text()).toBe('%PDF-1.7 report');
    expect(seen.map((request) => request.cookie)).toEqual([undefined, 'session=1']);
  });

  it('a file behind a sign-in, on a CORS site without access, needs access and sends no cookie', async () => {
    const error = await failure(
      downloadShare(file('/members/report.pdf'), { fetch: browserFetch({ access: false, cors: true }) }),
    );
    expect(error.problem).toBe('access');
    expect(error.message).toContain('signed-in visitors');
    expect(seen.every((request) => request.cookie === undefined)).toBe(true);
  });

  it('an "image" answered with a sign-in page is refused with a sentence, even after the cookies', async () => {
    const error = await failure(downloadShare(image('/login.png'), { fetch: browserFetch({ access: true }) }));
    expect(error.problem).toBe('refused');
    expect(error.message).toContain('answered with a web page instead of the image');
    const data = await failure(downloadShare(image('/data.png'), { fetch: browserFetch({ access: true }) }));
    expect(data.message).toContain('not an image (application/json)');
  });

  it('a file link that is a web page itself is downloaded as it is', async () => {
    const page = await downloadShare(file('/page.html'), { fetch: browserFetch({ access: true }) });
    expect(await page.blob.text()).toContain('Sign in');
  });

  it('refuses a file larger than the limit from its Content-Length, without reading it', async () => {
    const error = await failure(downloadShare(file('/huge.bin'), { fetch: browserFetch({ access: true }) }));
    expect(error.problem).toBe('refused');
    expect(error.message).toBe('The file is 1.9 GB, and Slack takes files up to 1 GB, so nothing was uploaded.');
  });

  it('refuses a body that goes past the limit while it streams', async () => {
    const error = await failure(
      downloadShare(file('/endless.bin'), { fetch: browserFetch({ access: true }), maxBytes: 1_000_000 }),
    );
    expect(error.problem).toBe('refused');
    expect(error.message).toContain('is larger than 976.6 KB');
  });

  it('gives up on a body that stalls, and on a site that never answers', async () => {
    const stalled = await failure(
      downloadShare(image('/stalled.png'), { fetch: browserFetch({ access: true }), stallMs: 200 }),
    );
    expect(stalled.problem).toBe('network');
    expect(stalled.message).toContain('stopped sending the file');
    const silent = await failure(
      downloadShare(image('/silent.png'), { fetch: browserFetch({ access: true }), stallMs: 200 }),
    );
    expect(silent.problem).toBe('network');
  });

  it('says what the site answered: 404 is final, 503 is worth another try', async () => {
    expect((await failure(downloadShare(image('/gone.png'), { fetch: browserFetch({ access: true }) }))).problem).toBe(
      'refused',
    );
    expect((await failure(downloadShare(image('/busy.png'), { fetch: browserFetch({ access: true }) }))).problem).toBe(
      'server',
    );
  });

  it.each([
    'file:///etc/passwd',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:https://example.com/0b1c',
    'chrome://settings',
    'about:blank',
    'chrome-extension://abcdefghijklmnop/icon.png',
    'moz-extension://6f1e5c3a/icon.png',
    'javascript:alert(1)',
  ])('never fetches %s', async (srcUrl) => {
    let calls = 0;
    const counting: typeof fetch = () => {
      calls += 1;
      return Promise.reject(new Error('fetched'));
    };
    const error = await failure(downloadShare({ kind: 'image', srcUrl }, { fetch: counting }));
    expect(error.problem).toBe('refused');
    expect(calls).toBe(0);
  });

  it('a cancel passes through as the abort it is', async () => {
    const controller = new AbortController();
    const pending = downloadShare(image('/stalled.png'), {
      fetch: browserFetch({ access: true }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.not.toBeInstanceOf(DownloadFailure);
  });
});

describe('sitePattern', () => {
  it('is the host permission that covers the address, any port', () => {
    expect(sitePattern('https://cdn.example.com:8443/a/b.png?x=1')).toBe('https://cdn.example.com/*');
    expect(sitePattern('http://127.0.0.2:4000/cat.png')).toBe('http://127.0.0.2/*');
  });
});
