// Routing for the one HTTP server: /api/*, /upload/v1/*, /files-pri/*, /oauth/v2/authorize*, /apps (new app), /_control/*.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { CORS_HEADERS, handleApi } from './api';
import { handleControl } from './control';
import { handleFileDownload, handleUpload } from './files-route';
import { HttpError, sendJson, sendText } from './http';
import { handleCreateApp, handleNewApp } from './new-app';
import { handleAuthorize, handleDecision } from './oauth';
import type { EmulatorState } from './state';

async function route(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return void res.end();
    }
    return handleApi(state, req, res, path.slice('/api/'.length), url);
  }
  if (path.startsWith('/upload/v1/') || path.startsWith('/files-pri/')) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return void res.end();
    }
    if (path.startsWith('/upload/v1/') && req.method === 'POST') {
      return handleUpload(state, req, res, path.slice('/upload/v1/'.length), CORS_HEADERS);
    }
    if (path.startsWith('/files-pri/') && req.method === 'GET') {
      return handleFileDownload(state, req, res, path, CORS_HEADERS);
    }
  }
  if (path === '/oauth/v2/authorize' && req.method === 'GET') return handleAuthorize(state, res, url);
  if (path === '/oauth/v2/authorize/decision' && req.method === 'POST') return handleDecision(state, req, res);
  if (path === '/apps' && req.method === 'GET') return handleNewApp(state, res, url);
  if (path === '/apps/create' && req.method === 'POST') return handleCreateApp(state, req, res);
  if (path.startsWith('/_control/')) return handleControl(state, req, res, url);
  sendText(res, 404, 'Not found');
}

export function createRequestListener(state: EmulatorState): RequestListener {
  return (req, res) => {
    route(state, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendText(res, error.status, error.message);
      // A bug in the emulator, not a simulated failure: say so loudly.
      console.error('[slack-emulator]', error);
      sendJson(res, 500, { ok: false, error: 'emulator_bug', detail: String(error) });
    });
  };
}
