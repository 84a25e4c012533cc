import { z } from 'zod';
import { numberish, okOnlyResponse, okResponse, pagingSchema, ts } from './common';

/** One place a file was shared: `file.shares.public[channelId][]`. */
export const fileShareSchema = z.looseObject({
  ts: ts.optional(),
  thread_ts: ts.optional(),
  latest_reply: ts.optional(),
  channel_name: z.string().optional(),
  team_id: z.string().optional(),
  share_user_id: z.string().optional(),
  reply_users: z.array(z.string()).optional(),
  reply_users_count: z.number().optional(),
  reply_count: z.number().optional(),
  source: z.string().optional(),
  is_silent_share: z.boolean().optional(),
});

const sharesByChannel = z.record(z.string(), z.array(fileShareSchema));

/**
 * A file object (files.info, files.list, files.completeUploadExternal, message.files…). Only `id`
 * is always there; a hidden or tombstoned file can be little more than that. Thumbnail sizes are
 * numbers in Slack's examples and strings in the Java SDK skeletons, so they accept both.
 */
export const fileSchema = z.looseObject({
  id: z.string(),
  created: z.number().optional(),
  timestamp: z.number().optional(),
  updated: z.number().optional(),
  name: z.string().nullish(),
  /** The completeUploadExternal spec declares `title` as string or null. */
  title: z.string().nullish(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  pretty_type: z.string().optional(),
  user: z.string().optional(),
  user_team: z.string().optional(),
  source_team: z.string().optional(),
  mode: z.string().optional(),
  editable: z.boolean().optional(),
  size: z.number().optional(),
  is_external: z.boolean().optional(),
  external_type: z.string().optional(),
  is_public: z.boolean().optional(),
  public_url_shared: z.boolean().optional(),
  display_as_bot: z.boolean().optional(),
  username: z.string().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  permalink: z.string().optional(),
  permalink_public: z.string().optional(),
  edit_link: z.string().optional(),
  preview: z.string().optional(),
  lines: z.number().optional(),
  comments_count: z.number().optional(),
  is_starred: z.boolean().optional(),
  has_rich_preview: z.boolean().optional(),
  file_access: z.string().optional(),
  media_display_type: z.string().optional(),
  alt_txt: z.string().optional(),
  channels: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
  ims: z.array(z.string()).optional(),
  shares: z
    .looseObject({
      public: sharesByChannel.optional(),
      private: sharesByChannel.optional(),
    })
    .optional(),
  has_more_shares: z.boolean().optional(),
  original_w: numberish.optional(),
  original_h: numberish.optional(),
  thumb_64: z.string().optional(),
  thumb_80: z.string().optional(),
  thumb_160: z.string().optional(),
  thumb_360: z.string().optional(),
  thumb_360_w: numberish.optional(),
  thumb_360_h: numberish.optional(),
  thumb_480: z.string().optional(),
  thumb_480_w: numberish.optional(),
  thumb_480_h: numberish.optional(),
  thumb_tiny: z.string().optional(),
});
export type SlackFile = z.output<typeof fileSchema>;

/** A comment in files.info `comments`. */
export const fileCommentSchema = z.looseObject({
  id: z.string().optional(),
  created: z.number().optional(),
  timestamp: z.number().optional(),
  user: z.string().optional(),
  comment: z.string().optional(),
  channel: z.string().optional(),
  is_intro: z.boolean().optional(),
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
  comments: z.array(fileCommentSchema).optional(),
  content: z.string().optional(),
  content_html: z.string().nullish(),
  content_highlight_html: z.string().nullish(),
  content_highlight_css: z.string().nullish(),
  is_truncated: z.boolean().optional(),
  paging: pagingSchema.optional(),
});

export const filesListResponse = okResponse({
  files: z.array(fileSchema),
  paging: pagingSchema.optional(),
});

/** Slack's examples answer only `{ ok: true }`; the Java SDK and the method's schema add `file`. */
export const filesRevokePublicURLResponse = okResponse({
  file: fileSchema.optional(),
});

/** As revokePublicURL; the file carries `permalink_public` and `public_url_shared: true`. */
export const filesSharedPublicURLResponse = okResponse({
  file: fileSchema.optional(),
});
