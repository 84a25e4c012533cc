import * as z from 'zod/mini';
import { read, write, type MethodTable } from '../tier-rules';
import { numberish, okOnlyResponse, okResponse, pagingSchema, ts } from './common';

/** One place a file was shared: `file.shares.public[channelId][]`. */
export const fileShareSchema = z.looseObject({
  ts: z.optional(ts),
  thread_ts: z.optional(ts),
  latest_reply: z.optional(ts),
  channel_name: z.optional(z.string()),
  team_id: z.optional(z.string()),
  share_user_id: z.optional(z.string()),
  reply_users: z.optional(z.array(z.string())),
  reply_users_count: z.optional(z.number()),
  reply_count: z.optional(z.number()),
  source: z.optional(z.string()),
  is_silent_share: z.optional(z.boolean()),
});

const sharesByChannel = z.record(z.string(), z.array(fileShareSchema));

/**
 * A file object (files.info, files.list, files.completeUploadExternal, message.files…). Only `id`
 * is always there; a hidden or tombstoned file can be little more than that. Thumbnail sizes are
 * numbers in Slack's examples and strings in the Java SDK skeletons, so they accept both.
 */
export const fileSchema = z.looseObject({
  id: z.string(),
  created: z.optional(z.number()),
  timestamp: z.optional(z.number()),
  updated: z.optional(z.number()),
  name: z.nullish(z.string()),
  /** The completeUploadExternal spec declares `title` as string or null. */
  title: z.nullish(z.string()),
  mimetype: z.optional(z.string()),
  filetype: z.optional(z.string()),
  pretty_type: z.optional(z.string()),
  user: z.optional(z.string()),
  user_team: z.optional(z.string()),
  source_team: z.optional(z.string()),
  mode: z.optional(z.string()),
  editable: z.optional(z.boolean()),
  size: z.optional(z.number()),
  is_external: z.optional(z.boolean()),
  external_type: z.optional(z.string()),
  is_public: z.optional(z.boolean()),
  public_url_shared: z.optional(z.boolean()),
  display_as_bot: z.optional(z.boolean()),
  username: z.optional(z.string()),
  url_private: z.optional(z.string()),
  url_private_download: z.optional(z.string()),
  permalink: z.optional(z.string()),
  permalink_public: z.optional(z.string()),
  edit_link: z.optional(z.string()),
  preview: z.optional(z.string()),
  lines: z.optional(z.number()),
  comments_count: z.optional(z.number()),
  is_starred: z.optional(z.boolean()),
  has_rich_preview: z.optional(z.boolean()),
  file_access: z.optional(z.string()),
  media_display_type: z.optional(z.string()),
  alt_txt: z.optional(z.string()),
  channels: z.optional(z.array(z.string())),
  groups: z.optional(z.array(z.string())),
  ims: z.optional(z.array(z.string())),
  shares: z.optional(
    z.looseObject({
      public: z.optional(sharesByChannel),
      private: z.optional(sharesByChannel),
    }),
  ),
  has_more_shares: z.optional(z.boolean()),
  original_w: z.optional(numberish),
  original_h: z.optional(numberish),
  thumb_64: z.optional(z.string()),
  thumb_80: z.optional(z.string()),
  thumb_160: z.optional(z.string()),
  thumb_360: z.optional(z.string()),
  thumb_360_w: z.optional(numberish),
  thumb_360_h: z.optional(numberish),
  thumb_480: z.optional(z.string()),
  thumb_480_w: z.optional(numberish),
  thumb_480_h: z.optional(numberish),
  thumb_tiny: z.optional(z.string()),
});
export type SlackFile = z.output<typeof fileSchema>;

/** A comment in files.info `comments`. */
export const fileCommentSchema = z.looseObject({
  id: z.optional(z.string()),
  created: z.optional(z.number()),
  timestamp: z.optional(z.number()),
  user: z.optional(z.string()),
  comment: z.optional(z.string()),
  channel: z.optional(z.string()),
  is_intro: z.optional(z.boolean()),
});

export const filesCompleteUploadExternalResponse = okResponse({
  files: z.array(fileSchema),
});

export const filesDeleteResponse = okOnlyResponse;

export const filesGetUploadURLExternalResponse = okResponse({
  upload_url: z.string(),
  file_id: z.string(),
});

export const filesInfoResponse = okResponse({
  file: fileSchema,
  comments: z.optional(z.array(fileCommentSchema)),
  content: z.optional(z.string()),
  content_html: z.nullish(z.string()),
  content_highlight_html: z.nullish(z.string()),
  content_highlight_css: z.nullish(z.string()),
  is_truncated: z.optional(z.boolean()),
  paging: z.optional(pagingSchema),
});

export const filesListResponse = okResponse({
  files: z.array(fileSchema),
  paging: z.optional(pagingSchema),
});

/** Slack's examples answer only `{ ok: true }`; the Java SDK and the method's schema add `file`. */
export const filesRevokePublicURLResponse = okResponse({
  file: z.optional(fileSchema),
});

/** As revokePublicURL; the file carries `permalink_public` and `public_url_shared: true`. */
export const filesSharedPublicURLResponse = okResponse({
  file: z.optional(fileSchema),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const FILES_METHODS = {
  'files.getUploadURLExternal': { response: filesGetUploadURLExternalResponse, ...write(4) },
  'files.completeUploadExternal': { response: filesCompleteUploadExternalResponse, ...write(4) },
  'files.info': { response: filesInfoResponse, ...read(4) },
  'files.list': { response: filesListResponse, ...read(3) },
  'files.delete': { response: filesDeleteResponse, ...write(3) },
  'files.sharedPublicURL': { response: filesSharedPublicURLResponse, ...write(3) },
  'files.revokePublicURL': { response: filesRevokePublicURLResponse, ...write(3) },
} as const satisfies MethodTable;
