// Files: reading, deleting, the two Web API steps of an external upload, and public links.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import {
  channelId,
  customization,
  cursor,
  fileId,
  limit,
  needs,
  teamId,
  timeBound,
  ts,
  userId,
  filled,
} from './fields';

const READ = { bot: ['files:read'], user: ['files:read'] };
const WRITE = { bot: ['files:write'], user: ['files:write'] };
const FILE_TYPES = ['all', 'spaces', 'snippets', 'images', 'gdocs', 'zips', 'pdfs'] as const;

export const getFile = defineAction({
  id: 'get_file',
  title: 'Get File',
  description: "Returns a file's details: name, type, size, links and where it is shared.",
  group: 'files',
  methods: ['files.info'],
  example: { file: 'F0123456789' },
  // The file's comments come in pages, by cursor (limit) or by page number (count, page).
  input: z.strictObject({
    file: fileId('File id (F…).'),
    limit: limit(),
    cursor: cursor(),
    count: z.optional(z.int().check(z.positive(), z.describe('Comments per numbered page (Slack defaults to 100).'))),
    page: z.optional(z.int().check(z.positive(), z.describe('Which numbered page of comments (from 1).'))),
  }),
  token: 'either-bot',
  scopes: READ,
  run: passTo('files.info'),
});

export const listFiles = defineAction({
  id: 'list_files',
  title: 'List Files',
  description: 'Lists files in the workspace, newest first, optionally by channel, person, type or time.',
  group: 'files',
  methods: ['files.list'],
  example: { types: ['images'], count: 20, page: 2 },
  input: z.strictObject({
    channel: z.optional(channelId('Only files shared in this channel.')),
    user: z.optional(userId('Only files this person uploaded.')),
    ts_from: z.optional(timeBound('Only files created from this time (unix seconds).')),
    ts_to: z.optional(timeBound('Only files created up to this time (unix seconds).')),
    types: z.optional(
      z.array(z.enum(FILE_TYPES)).check(z.minLength(1), z.describe('Kinds of file to include; all by default.')),
    ),
    show_files_hidden_by_limit: z.optional(
      z.boolean().check(z.describe('Include files hidden because the workspace is over its storage limit.')),
    ),
    team_id: z.optional(teamId()),
    // files.list still pages by number: `count` per page, `page` from 1; its answer's paging says how many.
    count: limit(),
    page: z.optional(
      z.int().check(z.positive(), z.describe('Which page (from 1); paging.pages says how many there are.')),
    ),
  }),
  token: 'either-bot',
  scopes: READ,
  pages: { items: 'files', by: 'page' },
  run: passTo('files.list', 'types'),
});

export const deleteFile = defineAction({
  id: 'delete_file',
  title: 'Delete File',
  description: 'Deletes a file.',
  group: 'files',
  methods: ['files.delete'],
  example: { file: 'F0123456789' },
  input: z.strictObject({ file: fileId('File id (F…) to delete.') }),
  token: 'either-bot',
  scopes: WRITE,
  run: passTo('files.delete'),
});

export const getFileUploadUrl = defineAction({
  id: 'get_file_upload_url',
  title: 'Get File Upload URL',
  description: 'Step 1 of an upload: returns a URL to send the bytes to and the new file id.',
  group: 'files',
  methods: ['files.getUploadURLExternal'],
  example: { filename: 'notes.txt', length: 12 },
  input: z.strictObject({
    filename: filled().check(z.describe('Name of the file, e.g. report.pdf.')),
    length: z.int().check(z.positive(), z.describe('Exact size of the file in bytes.')),
    snippet_type: z.optional(
      z.string().check(z.minLength(1), z.describe('Syntax type for a snippet, e.g. javascript.')),
    ),
    alt_txt: z.optional(z.string().check(z.maxLength(1000), z.describe('Description of an image for screen readers.'))),
  }),
  token: 'either-bot',
  scopes: WRITE,
  run: passTo('files.getUploadURLExternal'),
});

export const completeFileUpload = defineAction({
  id: 'complete_file_upload',
  title: 'Complete File Upload',
  description: 'Last step of an upload: finishes the files and shares them, or keeps them private.',
  group: 'files',
  methods: ['files.completeUploadExternal'],
  example: { files: [{ id: 'F0123456789', title: 'Notes' }], channel_id: 'C0123456789' },
  input: z
    .strictObject({
      files: z
        .array(
          z.strictObject({
            id: fileId('File id from Get File Upload URL.'),
            title: z.optional(z.string().check(z.describe('Title of the file.'))),
            highlight_type: z.optional(z.string().check(z.maxLength(10), z.describe('Syntax highlight hint.'))),
          }),
        )
        .check(z.minLength(1), z.describe('The uploaded files: [{"id":"F…","title":"…"}].')),
      channel_id: z.optional(channelId('Channel to share the files in; without one they stay private.')),
      channels: z.optional(
        z
          .array(filled().check(z.meta({ picker: 'channel' })))
          .check(
            z.minLength(1),
            z.maxLength(100),
            z.describe('Several channels to share in (at most 100), instead of channel_id.'),
            z.meta({ picker: 'channel' }),
          ),
      ),
      thread_ts: z.optional(ts('Parent message ts, to share as a thread reply (one channel only).')),
      initial_comment: z.optional(z.string().check(z.describe('Message text that introduces the files.'))),
      blocks: z.optional(
        z
          .array(z.looseObject({ type: z.string().check(z.minLength(1)) }))
          .check(z.maxLength(50), z.describe('Blocks for the message; ignored when initial_comment is given.')),
      ),
      ...customization,
      // The SDK's FileThreadDestinationArgument: a thread reply goes to one named channel.
    })
    .check(needs('thread_ts', 'channel_id', 'channels')),
  token: 'either-bot',
  scopes: WRITE,
  run: passTo('files.completeUploadExternal', 'channels'),
});

export const shareFilePublicUrl = defineAction({
  id: 'share_file_public_url',
  title: 'Share File Public URL',
  description: 'Makes a file readable by anyone with its public link (user tokens only).',
  group: 'files',
  methods: ['files.sharedPublicURL'],
  example: { file: 'F0123456789' },
  input: z.strictObject({ file: fileId('File id (F…) to make public.') }),
  token: 'user',
  scopes: { bot: [], user: ['files:write'] },
  run: passTo('files.sharedPublicURL'),
});

export const revokeFilePublicUrl = defineAction({
  id: 'revoke_file_public_url',
  title: 'Revoke File Public URL',
  description: "Turns a file's public link off again.",
  group: 'files',
  methods: ['files.revokePublicURL'],
  example: { file: 'F0123456789' },
  input: z.strictObject({ file: fileId('File id (F…) whose public link to revoke.') }),
  // Public links are made with a user token, so the same identity is preferred to undo them.
  token: 'either-user',
  scopes: WRITE,
  run: passTo('files.revokePublicURL'),
});

export const FILE_ACTIONS = [
  getFile,
  listFiles,
  deleteFile,
  getFileUploadUrl,
  completeFileUpload,
  shareFilePublicUrl,
  revokeFilePublicUrl,
];
