// Files after upload: files.info, files.list (page/count paging), files.delete and the public URL pair.
import type { Params } from '../envelope';
import { SlackError, int, str } from '../envelope';
import { canSeeFile, fileJson } from '../file-json';
import { LIST_TYPES } from '../filetypes';
import type { FileRecord } from '../model';
import type { MethodContext, MethodDef } from './types';

const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;

/** The file named by `file`; deleted ones are file_deleted, invisible ones file_not_found. */
function findFile(ctx: MethodContext): FileRecord {
  const id = str(ctx.params, 'file');
  const file = id ? ctx.ws.files.find((f) => f.id === id) : undefined;
  if (!file) throw new SlackError('file_not_found');
  if (file.deleted) throw new SlackError('file_deleted');
  if (!canSeeFile(ctx.ws, file, ctx.caller, ctx.chain.type)) throw new SlackError('file_not_found');
  return file;
}

function view(ctx: MethodContext, withShares: boolean) {
  return { origin: ctx.request.origin, withShares };
}

function readTypes(params: Params): string[] {
  const types = (str(params, 'types') ?? 'all').split(',').map((t) => t.trim());
  if (!types.every((t) => t in LIST_TYPES)) throw new SlackError('unknown_type');
  return types;
}

function positive(params: Params, key: string, fallback: number): number {
  const value = int(params, key);
  if (value === undefined || value === 0) return fallback;
  if (Number.isNaN(value) || value < 0) throw new SlackError('invalid_arguments');
  return value;
}

export const fileMethods: MethodDef[] = [
  {
    name: 'files.info',
    tier: 4,
    auth: 'token',
    scopes: () => ['files:read'],
    accepted: ['files:read'],
    handler: (ctx) => {
      const file = findFile(ctx);
      return {
        file: fileJson(ctx.ws, file, view(ctx, true)),
        comments: [],
        response_metadata: { next_cursor: '' },
      };
    },
  },
  {
    name: 'files.list',
    tier: 3,
    auth: 'token',
    scopes: () => ['files:read'],
    accepted: ['files:read'],
    handler: (ctx) => {
      const { params, ws } = ctx;
      const userId = str(params, 'user');
      if (userId !== undefined && !ws.usersById.has(userId)) throw new SlackError('user_not_found');
      const channel = str(params, 'channel');
      const types = readTypes(params);
      const from = int(params, 'ts_from') ?? 0;
      const to = int(params, 'ts_to');
      const count = Math.min(positive(params, 'count', DEFAULT_COUNT), MAX_COUNT);
      const page = positive(params, 'page', 1);
      const matching = ws.files
        .filter((f) => !f.deleted && canSeeFile(ws, f, ctx.caller, ctx.chain.type))
        .filter((f) => userId === undefined || f.user === userId)
        .filter((f) => channel === undefined || f.shares.some((s) => s.channel === channel))
        .filter((f) => f.created >= from && (to === undefined || f.created <= to))
        .filter((f) => {
          const facts = { mimetype: f.mimetype, filetype: f.filetype, snippet: f.snippetType !== undefined };
          return types.some((t) => LIST_TYPES[t]?.(facts));
        })
        .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
      const files = matching.slice((page - 1) * count, page * count);
      return {
        files: files.map((f) => fileJson(ws, f, view(ctx, false))),
        paging: { count, total: matching.length, page, pages: Math.ceil(matching.length / count) },
      };
    },
  },
  {
    name: 'files.delete',
    tier: 3,
    auth: 'token',
    scopes: () => ['files:write'],
    accepted: ['files:write'],
    handler: (ctx) => {
      const file = findFile(ctx);
      // Uploaders delete their files; a person who is a workspace admin deletes anyone's.
      if (file.user !== ctx.caller.id && !(ctx.chain.type === 'user' && ctx.caller.isAdmin)) {
        throw new SlackError('cant_delete_file');
      }
      file.deleted = true;
      file.bytes = Buffer.alloc(0);
      return {};
    },
  },
  {
    name: 'files.sharedPublicURL',
    tier: 3,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['files:write'],
    accepted: ['files:write'],
    handler: (ctx) => {
      const file = findFile(ctx);
      if (file.user !== ctx.caller.id) throw new SlackError('not_allowed');
      file.publicUrlShared = true;
      return { file: fileJson(ctx.ws, file, view(ctx, true)) };
    },
  },
  {
    name: 'files.revokePublicURL',
    tier: 3,
    auth: 'token',
    scopes: () => ['files:write'],
    accepted: ['files:write'],
    handler: (ctx) => {
      const file = findFile(ctx);
      if (file.user !== ctx.caller.id) throw new SlackError('file_not_found');
      file.publicUrlShared = false;
      return { file: fileJson(ctx.ws, file, view(ctx, true)) };
    },
  },
];
