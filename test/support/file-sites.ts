// Test support for sharing from the real web: a page on one host and the files it links on another,
// both on loopback addresses that no e2e build holds a host permission for (127.0.0.1 is the one
// the e2e build lists). The site answers as the web does: with CORS headers or without, behind a
// sign-in cookie, huge, stalled, or with a sign-in page where an image was asked for.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pngBytes } from './images';

export const CORS_IMAGE = pngBytes(30_000, 3);
export const PLAIN_IMAGE = pngBytes(40_000, 5);
export const REPORT = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, 9)]);
const SIGN_IN = '<!DOCTYPE html><html><body><form action="/login">Sign in to see this file</form></body></html>';

const filler = (from: number, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<p>Filler paragraph ${from + i} keeps what follows below the fold.</p>`,
  ).join('\n');
/** A long quote (one paragraph, with the directive's syntax characters in its first and last words). */
export const LONG_QUOTE =
  'Well-known results, checked twice & published in full: the cost of shipping rose by a third over the year, ' +
  'and most of that rise came in the last two months, when fuel, tolls and wages all went up at once, a well-timed, hard-won end.';
/** A sentence the page holds twice: only the words before the second tell it apart. */
export const TWICE = 'the report says costs went up.';
/** A paragraph the page holds twice, whole. */
export const AGAIN = 'Costs went up again.';
/**
 * /long.html on the page host: a heading with an id at the top, the sentence said twice (once near
 * the top, once far below), a paragraph said twice likewise, and the long quote far below the fold.
 */
export const LONG_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head><body>
<h1 id="intro">A long article</h1>
<p id="first">In 2024 ${TWICE}</p>
<p id="early-again">${AGAIN}</p>
${filler(1, 80)}
<p id="quote">${LONG_QUOTE}</p>
${filler(81, 80)}
<p id="second">In 2025 ${TWICE}</p>
${filler(161, 40)}
<p id="late-again">${AGAIN}</p>
${filler(201, 40)}
</body></html>`;

/** The address of the files: a host permission only the grant build holds. */
export const FILE_HOST = '127.0.0.2';
/** The address of the page the person right-clicks on. */
export const PAGE_HOST = '127.0.0.3';

export interface FileSites {
  /** http://127.0.0.2:<port> */
  files: string;
  /** http://127.0.0.3:<port>/article.html */
  page: string;
  /** Every request the file host saw: its path and whether it carried the sign-in cookie. */
  requests: { path: string; signedIn: boolean }[];
  close(): void;
}

function listen(server: Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port)));
}

/** `port` reuses an address (a relaunched browser's stored shares name it). */
export async function startFileSites(port = 0): Promise<FileSites> {
  const requests: FileSites['requests'] = [];
  const held = new Set<ServerResponse>();
  const fileServer = createServer((request, response) => {
    const signedIn = /(^|;\s*)session=1(;|$)/.test(request.headers.cookie ?? '');
    requests.push({ path: request.url ?? '', signedIn });
    const open = { 'access-control-allow-origin': '*' };
    switch (request.url) {
      case '/login':
        // The person signs in here: a lasting cookie, as sites set them.
        response.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=1; Max-Age=3600; Path=/' });
        return void response.end('<p>Signed in.</p>');
      case '/cors.png':
        return void response.writeHead(200, { ...open, 'content-type': 'image/png' }).end(CORS_IMAGE);
      case '/plain.png':
        return void response.writeHead(200, { 'content-type': 'image/png' }).end(PLAIN_IMAGE);
      case '/members/report.pdf':
        if (signedIn) return void response.writeHead(200, { 'content-type': 'application/pdf' }).end(REPORT);
        return void response.writeHead(200, { 'content-type': 'text/html' }).end(SIGN_IN);
      case '/sign-in.png':
        return void response.writeHead(200, { ...open, 'content-type': 'text/html' }).end(SIGN_IN);
      case '/data.png':
        return void response.writeHead(200, { ...open, 'content-type': 'application/json' }).end('{"ok":true}');
      case '/huge.png':
        response.writeHead(200, { ...open, 'content-type': 'image/png', 'content-length': 2_000_000_000 });
        held.add(response);
        return void response.write(PLAIN_IMAGE.subarray(0, 1024));
      case '/stalled.png':
        response.writeHead(200, { ...open, 'content-type': 'image/png', 'content-length': PLAIN_IMAGE.length });
        held.add(response);
        return void response.write(PLAIN_IMAGE.subarray(0, 1024));
      default:
        response.writeHead(404).end();
    }
  });
  const pageServer = createServer((request, response) => {
    const long = new URL(request.url ?? '/', 'http://page').pathname === '/long.html';
    response.writeHead(200, { 'content-type': 'text/html' }).end(long ? LONG_PAGE : '<h1>An article</h1>');
  });
  const filePort = await listen(fileServer, FILE_HOST, port);
  const pagePort = await listen(pageServer, PAGE_HOST);
  return {
    files: `http://${FILE_HOST}:${filePort}`,
    page: `http://${PAGE_HOST}:${pagePort}/article.html`,
    requests,
    close() {
      for (const response of held) response.destroy();
      for (const server of [fileServer, pageServer]) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}
