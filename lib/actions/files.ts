// Files: reading, deleting, the two Web API steps of an external upload, and public links.
import { z } from 'zod';
import { commaList, defineAction, listAll, passTo, slackCall } from './define';
import { channelId, fileId, limit, teamId, timeBound, ts, userId } from './fields';

const READ = { bot: ['files:read'], user: ['files:read'] };
const WRITE = { bot: ['files:write'], user: ['files:write'] };
const FILE_TYPES = ['all', 'spaces', 'snippets', 'images', 'gdocs', 'zips', 'pdfs'] as const;

export const getFile = defineAction({
  id: 'get_file',
  title: 'Get File',
  description: "Returns a file's details: name, type, size, links and where it is shared.",
  group: 'files',
  methods: ['files.info'],
  input: z.strictObject({ file: fileId('File id (F…).') }),
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
  input: z.strictObject({
    channel: channelId('Only files shared in this channel.').optional(),
    user: userId('Only files this person uploaded.').optional(),
    ts_from: timeBound('Only files created from this time (unix seconds).').optional(),
    ts_to: timeBound('Only files created up to this time (unix seconds).').optional(),
    types: z.array(z.enum(FILE_TYPES)).min(1).describe('Kinds of file to include; all by default.').optional(),
    show_files_hidden_by_limit: z
      .boolean()
      .describe('Include files hidden because the workspace is over its storage limit.')
      .optional(),
    team_id: teamId().optional(),
    limit: limit(),
  }),
  token: 'either-bot',
  scopes: READ,
  // files.list still pages by page/count rather than cursor.
  run: async (ctx, { types, limit, ...params }) => ({
    files: await listAll(
      ctx,
      'files.list',
      { ...params, types: commaList(types) },
      {
        itemsKey: 'files',
        limit,
        style: 'page',
        pageSize: 100,
      },
    ),
  }),
});

export const deleteFile = defineAction({
  id: 'delete_file',
  title: 'Delete File',
  description: 'Deletes a file.',
  group: 'files',
  methods: ['files.delete'],
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
  input: z.strictObject({
    filename: z.string().trim().min(1).describe('Name of the file, e.g. report.pdf.'),
    length: z.number().int().positive().describe('Exact size of the file in bytes.'),
    snippet_type: z.string().min(1).describe('Syntax type for a snippet, e.g. javascript.').optional(),
    alt_txt: z.string().max(1000).describe('Description of an image for screen readers.').optional(),
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
  input: z.strictObject({
    files: z
      .array(
        z.strictObject({
          id: fileId('File id from Get File Upload URL.'),
          title: z.string().describe('Title of the file.').optional(),
          highlight_type: z.string().max(10).describe('Syntax highlight hint.').optional(),
        }),
      )
      .min(1)
      .describe('The uploaded files: [{"id":"F…","title":"…"}].'),
    channel_id: channelId('Channel to share the files in; without one they stay private.').optional(),
    channels: z
      .array(z.string().trim().min(1).meta({ picker: 'channel' }))
      .min(1)
      .max(100)
      .describe('Several channels to share in (at most 100), instead of channel_id.')
      .meta({ picker: 'channel' })
      .optional(),
    thread_ts: ts('Parent message ts, to share as a thread reply (one channel only).').optional(),
    initial_comment: z.string().describe('Message text that introduces the files.').optional(),
    blocks: z
      .array(z.looseObject({ type: z.string().min(1) }))
      .max(50)
      .describe('Blocks for the message; ignored when initial_comment is given.')
      .optional(),
  }),
  token: 'either-bot',
  scopes: WRITE,
  run: (ctx, { channels, ...params }) =>
    slackCall(ctx, 'files.completeUploadExternal', { ...params, channels: commaList(channels) }),
});

export const shareFilePublicUrl = defineAction({
  id: 'share_file_public_url',
  title: 'Share File Public URL',
  description: 'Makes a file readable by anyone with its public link (user tokens only).',
  group: 'files',
  methods: ['files.sharedPublicURL'],
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
