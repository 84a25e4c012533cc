// The two API steps of Slack's external upload (slack-api.md §3): files.getUploadURLExternal hands
// out a ticket URL on this emulator (files-route.ts takes the bytes there), and
// files.completeUploadExternal turns uploaded tickets into files, sharing them where asked.
import { randomBytes } from 'node:crypto';
import { SlackError, int, jsonArg, str } from '../envelope';
import { fileJson } from '../file-json';
import { SNIPPET_TYPES, fileTypeOf } from '../filetypes';
import { makeId } from '../ids';
import type { Conversation, FileRecord, Message, PendingUpload } from '../model';
import { authorFields, readList } from './posting';
import type { MethodContext, MethodDef } from './types';

const MAX_ALT_TXT = 1000;
const MAX_SNIPPET_BYTES = 1024 * 1024;
const MAX_CHANNELS = 100;

interface FileArg {
  id: string;
  title?: string;
}

function readFiles(ctx: MethodContext): FileArg[] {
  const arg = jsonArg(ctx.params, 'files');
  const value = arg.value;
  if (arg.invalid || !Array.isArray(value) || value.length === 0) throw new SlackError('invalid_arguments');
  return value.map((item: unknown) => {
    const entry = item as Partial<Record<string, unknown>> | null;
    if (typeof entry?.id !== 'string') throw new SlackError('invalid_arguments');
    return { id: entry.id, title: typeof entry.title === 'string' ? entry.title : undefined };
  });
}

/** The caller's own ticket for a file id, once its bytes have arrived; anything else is file_not_found. */
function uploadedTicket(ctx: MethodContext, fileId: string): PendingUpload & { bytes: Buffer } {
  const upload = [...ctx.state.uploads.values()].find(
    (u) => u.fileId === fileId && u.teamId === ctx.ws.id && u.userId === ctx.caller.id,
  );
  if (!upload?.bytes) throw new SlackError('file_not_found');
  return upload as PendingUpload & { bytes: Buffer };
}

function readChannels(ctx: MethodContext): Conversation[] {
  const raw = str(ctx.params, 'channel_id') ?? str(ctx.params, 'channels') ?? '';
  const ids = [...new Set(raw.split(',').map((id) => id.trim()))].filter(Boolean);
  if (ids.length > MAX_CHANNELS) throw new SlackError('channels_limit_exceeded');
  if (ids.length > 1 && str(ctx.params, 'thread_ts')) throw new SlackError('invalid_arguments');
  return ids.map((id) => {
    const conv = ctx.ws.conversationsById.get(id);
    if (!conv || (conv.kind !== 'public_channel' && !conv.members.has(ctx.caller.id))) {
      throw new SlackError('channel_not_found');
    }
    if (conv.isArchived) throw new SlackError('is_archived');
    if (!conv.members.has(ctx.caller.id)) throw new SlackError('not_in_channel');
    return conv;
  });
}

function fileFromUpload(ctx: MethodContext, upload: PendingUpload & { bytes: Buffer }, title?: string): FileRecord {
  const type = fileTypeOf(upload.filename, upload.snippetType);
  return {
    id: upload.fileId,
    teamId: ctx.ws.id,
    name: upload.filename,
    title: title ?? upload.filename,
    ...type,
    user: ctx.caller.id,
    created: Math.floor(ctx.state.now() / 1000),
    size: upload.bytes.length,
    bytes: upload.bytes,
    altTxt: upload.altTxt,
    snippetType: upload.snippetType,
    shares: [],
    publicUrlShared: false,
    publicSecret: randomBytes(5).toString('hex'),
    deleted: false,
  };
}

export const uploadMethods: MethodDef[] = [
  {
    name: 'files.getUploadURLExternal',
    tier: 4,
    auth: 'token',
    scopes: () => ['files:write'],
    accepted: ['files:write'],
    handler: (ctx) => {
      const filename = str(ctx.params, 'filename');
      if (!filename) throw new SlackError('invalid_arguments');
      const length = int(ctx.params, 'length');
      if (length === undefined || length === 0) throw new SlackError('missing_argument');
      if (Number.isNaN(length) || length < 0) throw new SlackError('invalid_arguments');
      const altTxt = str(ctx.params, 'alt_txt');
      if (altTxt !== undefined && altTxt.length > MAX_ALT_TXT) throw new SlackError('alt_txt_too_large');
      const snippetType = str(ctx.params, 'snippet_type');
      if (snippetType !== undefined && !SNIPPET_TYPES.has(snippetType)) throw new SlackError('unknown_snippet_type');
      if (snippetType !== undefined && length > MAX_SNIPPET_BYTES) throw new SlackError('snippet_too_large');
      const ticket = randomBytes(18).toString('base64url');
      const fileId = makeId('F', ctx.ws.idTag, ctx.ws.nextSeq.file++);
      ctx.state.uploads.set(ticket, {
        ticket,
        fileId,
        teamId: ctx.ws.id,
        userId: ctx.caller.id,
        filename,
        length,
        altTxt,
        snippetType,
        createdAt: ctx.state.now(),
      });
      return { upload_url: `${ctx.request.origin}/upload/v1/${ticket}`, file_id: fileId };
    },
  },
  {
    name: 'files.completeUploadExternal',
    tier: 4,
    auth: 'token',
    scopes: () => ['files:write'],
    accepted: ['files:write'],
    handler: (ctx) => {
      // Everything is checked before anything changes, so a failed call leaves the tickets usable.
      const wanted = readFiles(ctx);
      const uploads = wanted.map((f) => uploadedTicket(ctx, f.id));
      const channels = readChannels(ctx);
      const blocks = readList(ctx, 'blocks');
      const comment = str(ctx.params, 'initial_comment');
      const threadTs = str(ctx.params, 'thread_ts');
      const files = uploads.map((upload, i) => fileFromUpload(ctx, upload, wanted[i]?.title));
      for (const upload of uploads) ctx.state.uploads.delete(upload.ticket);
      ctx.ws.files.push(...files);
      for (const conv of channels) {
        const message: Message = {
          team: ctx.ws.id,
          channel: conv.id,
          ts: ctx.state.nextTs(),
          text: comment ?? '',
          ...authorFields(ctx),
          subtype: 'file_share',
          threadTs,
          files: files.map((f) => f.id),
          // Slack ignores blocks when there is an initial comment.
          blocks: comment ? undefined : blocks,
        };
        ctx.state.messages.push(message);
        for (const file of files) file.shares.push({ channel: conv.id, ts: message.ts, threadTs });
      }
      return { files: files.map((f) => fileJson(ctx.ws, f, { origin: ctx.request.origin, withShares: true })) };
    },
  },
];
