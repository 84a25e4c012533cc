// Test support: a tiny node:http server playing a few Slack endpoints, for what the emulator does
// not (yet) serve. Each route answers from the form params; every request is recorded.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  params: URLSearchParams;
  bytes: Buffer;
}

export type Route = (request: Recorded, res: ServerResponse, url: string) => void | Promise<void>;

export interface FakeSlack {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(routes: Record<string, Route>): Promise<FakeSlack> {
  const requests: Recorded[] = [];
  let url = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname;
      const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const recorded = {
        path,
        headers: req.headers,
        params: new URLSearchParams(isForm ? bytes.toString() : ''),
        bytes,
      };
      requests.push(recorded);
      const route = routes[path];
      if (!route) return json(res, { ok: false, error: 'unknown_method' });
      Promise.resolve(route(recorded, res, url)).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
