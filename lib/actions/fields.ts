// Field builders shared by the action entries. Each takes its help text so every field of every
// form says what it is; pickers are marked with meta so the console can offer a channel or user list.
import { z } from 'zod';

const TS_PATTERN = /^\d+\.\d+$/;
const TS_HINT = 'must be a Slack timestamp such as 1712345678.123456';

export const channelId = (help: string) => z.string().trim().min(1).describe(help).meta({ picker: 'channel' });
export const userId = (help: string) => z.string().trim().min(1).describe(help).meta({ picker: 'user' });
export const fileId = (help: string) => z.string().trim().min(1).describe(help);
export const text = (help: string) => z.string().describe(help);
export const flag = (help: string) => z.boolean().describe(help);
export const ts = (help: string) => z.string().regex(TS_PATTERN, TS_HINT).describe(help);
/** A range bound for history: a message ts or whole unix seconds ("0" is the beginning). */
export const timeBound = (help: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be unix seconds or a Slack timestamp such as 1712345678.123456')
    .describe(help);
export const teamId = () =>
  z.string().trim().min(1).describe('Workspace id (T…); needed only with an org-wide (Enterprise Grid) token.');

/** A list of user ids that Slack takes as one comma-separated string. */
export const userIds = (help: string, max: number) =>
  z
    .array(z.string().trim().min(1).meta({ picker: 'user' }))
    .min(1)
    .max(max)
    .describe(help)
    .meta({ picker: 'user' });

/**
 * Not Slack's page size: the total number of items wanted. List actions walk every page unless it
 * is set, so one field means the same thing on every list action.
 */
export const limit = () =>
  z.number().int().positive().optional().describe('How many items to return in all. Leave empty to fetch every page.');

export const CONVERSATION_TYPES = ['public_channel', 'private_channel', 'mpim', 'im'] as const;
export const conversationTypes = () =>
  z
    .array(z.enum(CONVERSATION_TYPES))
    .min(1)
    .optional()
    .describe('Kinds of conversation to include; Slack lists public channels only by default.');

// Message bodies: Slack takes blocks, attachments and metadata as JSON; the context sends objects
// and arrays as JSON strings in the form, so the schemas hold real objects.
const blocks = z
  .array(z.looseObject({ type: z.string().min(1) }))
  .max(50)
  .describe('Block Kit blocks (at most 50), e.g. [{"type":"section","text":{"type":"mrkdwn","text":"Hi"}}].');
const attachments = z.array(z.record(z.string(), z.unknown())).max(100).describe('Legacy attachments (at most 100).');
const eventMetadata = z
  .looseObject({
    event_type: z.string().min(1).describe('Name of the event, e.g. task_created.'),
    event_payload: z.record(z.string(), z.unknown()).describe('Any JSON object.'),
  })
  .describe('Message metadata: {event_type, event_payload}, readable by apps in the workspace.');
const parse = z.enum(['none', 'full']).describe('How Slack treats the text: "full" links names and URLs itself.');

/** The text-ish fields every message-posting method takes; Slack needs at least one of them. */
export const messageBody = {
  text: text('Message text (mrkdwn); the notification fallback when blocks are given.').optional(),
  blocks: blocks.optional(),
  attachments: attachments.optional(),
  markdown_text: z
    .string()
    .max(12_000)
    .describe('Standard Markdown text (at most 12 000 characters); not together with text or blocks.')
    .optional(),
};

export const messageOptions = {
  metadata: eventMetadata.optional(),
  parse: parse.optional(),
  link_names: flag('Link user groups mentioned by name.').optional(),
};

export const postingOptions = {
  thread_ts: ts('Timestamp of the parent message, to reply in its thread.').optional(),
  reply_broadcast: flag('With thread_ts: also show the reply in the channel.').optional(),
  unfurl_links: flag('Unfurl text links.').optional(),
  unfurl_media: flag('Unfurl media links.').optional(),
};

export const customization = {
  username: text("The bot's display name for this message (needs chat:write.customize).").optional(),
  icon_url: z.url().describe('Image URL for the icon (needs chat:write.customize).').optional(),
  icon_emoji: text('Emoji for the icon, e.g. :rocket: (needs chat:write.customize).').optional(),
};
