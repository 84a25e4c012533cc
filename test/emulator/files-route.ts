// The non-API file endpoints: POST /upload/v1/<ticket> takes the bytes of an external upload (raw body
// or multipart, no token: the URL itself authorizes), GET /files-pri/<team>-<file>/… serves a file's
// bytes to a token that can see it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UPLOAD_FAULT_METHOD, applyFault } from './faults';
import { canSeeFile } from './file-json';
import { readBytes, sendText } from './http';
import { multipartFile } from './multipart';
import type { EmulatorState } from './state';

export async function handleUpload(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  ticket: string,
  cors: Record<string, string>,
): Promise<void> {
  state.housekeep();
  const fault = state.faults.take(UPLOAD_FAULT_METHOD, true);
  if (fault) {
    const outcome = await applyFault(fault, { req, res, corsHeaders: cors, revokeCaller: () => undefined });
    if (outcome === 'handled') return;
  }
  const upload = state.uploads.get(ticket);
  // Unknown, completed and discarded tickets look the same.
  if (!upload) return sendText(res, 404, 'upload not found or expired', undefined, cors);
  const body = await readBytes(req, state.config.maxUploadBytes);
  const contentType = req.headers['content-type'] ?? '';
  const bytes = contentType.toLowerCase().startsWith('multipart/form-data') ? multipartFile(body, contentType) : body;
  if (!bytes) return sendText(res, 400, 'multipart body without a file part', undefined, cors);
  if (bytes.length !== upload.length) {
    return sendText(res, 400, `length mismatch: expected ${upload.length} bytes, got ${bytes.length}`, undefined, cors);
  }
  upload.bytes = bytes;
  sendText(res, 200, `OK - ${bytes.length}`, undefined, cors);
}

export function handleFileDownload(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  cors: Record<string, string>,
): void {
  const match = /^\/files-pri\/(T[0-9A-Z]+)-(F[0-9A-Z]+)\//.exec(path);
  const ws = match ? state.workspaces.get(match[1] ?? '') : undefined;
  const file = ws?.files.find((f) => f.id === match?.[2] && !f.deleted);
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const found = state.tokens.lookupAccess(token, state.now());
  const caller = found.ok ? ws?.usersById.get(found.chain.userId) : undefined;
  if (!ws || !file || !found.ok || found.chain.teamId !== ws.id || !caller) {
    return sendText(res, 404, 'Not found', undefined, cors);
  }
  if (!found.chain.scopes.includes('files:read') || !canSeeFile(ws, file, caller, found.chain.type)) {
    return sendText(res, 403, 'Forbidden', undefined, cors);
  }
  res.writeHead(200, { ...cors, 'content-type': file.mimetype, 'content-length': file.bytes.length });
  res.end(file.bytes);
}
