// Field builders shared by the action entries. Each takes its help text so every field of every
// form says what it is; pickers are marked with meta so the console can offer a channel or user list.
import * as z from 'zod/mini';

const TS_PATTERN = /^\d+\.\d+$/;
const TS_HINT = 'must be a Slack timestamp such as 1712345678.123456';

/** A string that is not blank once trimmed. */
export const filled = () => z.string().check(z.trim(), z.minLength(1));

export const channelId = (help: string) => filled().check(z.describe(help), z.meta({ picker: 'channel' }));
export const userId = (help: string) => filled().check(z.describe(help), z.meta({ picker: 'user' }));
export const fileId = (help: string) => filled().check(z.describe(help));
export const text = (help: string) => z.string().check(z.describe(help));
export const flag = (help: string) => z.boolean().check(z.describe(help));
export const ts = (help: string) => z.string().check(z.regex(TS_PATTERN, TS_HINT), z.describe(help));
/** A range bound for history: a message ts or whole unix seconds ("0" is the beginning). */
export const timeBound = (help: string) =>
  z
    .string()
    .check(
      z.regex(/^\d+(\.\d+)?$/, 'must be unix seconds or a Slack timestamp such as 1712345678.123456'),
      z.describe(help),
    );
export const teamId = () =>
  filled().check(z.describe('Workspace id (T…); needed only with an org-wide (Enterprise Grid) token.'));

/** A list of user ids that Slack takes as one comma-separated string. */
export const userIds = (help: string, max: number) =>
  z
    .array(filled().check(z.meta({ picker: 'user' })))
    .check(z.minLength(1), z.maxLength(max), z.describe(help), z.meta({ picker: 'user' }));

/**
 * Not Slack's page size: the total number of items wanted. List actions walk every page unless it
 * is set, so one field means the same thing on every list action.
 */
export const limit = () =>
  z
    .optional(z.int().check(z.positive()))
    .check(z.describe('How many items to return in all. Leave empty to fetch every page.'));

export const CONVERSATION_TYPES = ['public_channel', 'private_channel', 'mpim', 'im'] as const;
export const conversationTypes = () =>
  z
    .optional(z.array(z.enum(CONVERSATION_TYPES)).check(z.minLength(1)))
    .check(z.describe('Kinds of conversation to include; Slack lists public channels only by default.'));

// Message bodies: Slack takes blocks, attachments and metadata as JSON; the context sends objects
// and arrays as JSON strings in the form, so the schemas hold real objects.
const blocks = z
  .array(z.looseObject({ type: z.string().check(z.minLength(1)) }))
  .check(
    z.maxLength(50),
    z.describe('Block Kit blocks (at most 50), e.g. [{"type":"section","text":{"type":"mrkdwn","text":"Hi"}}].'),
  );
const attachments = z
  .array(z.record(z.string(), z.unknown()))
  .check(z.maxLength(100), z.describe('Legacy attachments (at most 100).'));
const eventMetadata = z
  .looseObject({
    event_type: z.string().check(z.minLength(1), z.describe('Name of the event, e.g. task_created.')),
    event_payload: z.record(z.string(), z.unknown()).check(z.describe('Any JSON object.')),
  })
  .check(z.describe('Message metadata: {event_type, event_payload}, readable by apps in the workspace.'));
const parse = z
  .enum(['none', 'full'])
  .check(z.describe('How Slack treats the text: "full" links names and URLs itself.'));

/** The text-ish fields every message-posting method takes; Slack needs at least one of them. */
export const messageBody = {
  text: z.optional(text('Message text (mrkdwn); the notification fallback when blocks are given.')),
  blocks: z.optional(blocks),
  attachments: z.optional(attachments),
  markdown_text: z.optional(
    z
      .string()
      .check(
        z.maxLength(12_000),
        z.describe('Standard Markdown text (at most 12 000 characters); not together with text or blocks.'),
      ),
  ),
};

export const messageOptions = {
  metadata: z.optional(eventMetadata),
  parse: z.optional(parse),
  link_names: z.optional(flag('Link user groups mentioned by name.')),
};

export const postingOptions = {
  thread_ts: z.optional(ts('Timestamp of the parent message, to reply in its thread.')),
  reply_broadcast: z.optional(flag('With thread_ts: also show the reply in the channel.')),
  unfurl_links: z.optional(flag('Unfurl text links.')),
  unfurl_media: z.optional(flag('Unfurl media links.')),
};

export const customization = {
  username: z.optional(text("The bot's display name for this message (needs chat:write.customize).")),
  icon_url: z.optional(z.url().check(z.describe('Image URL for the icon (needs chat:write.customize).'))),
  icon_emoji: z.optional(text('Emoji for the icon, e.g. :rocket: (needs chat:write.customize).')),
};
