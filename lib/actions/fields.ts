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

/** Slack's page size (`limit`, or `count` where Slack names it so); empty leaves Slack's default. */
export const limit = (max?: number) =>
  z
    .optional(z.int().check(z.positive(), ...(max ? [z.maximum(max)] : [])))
    .check(z.describe(`Items per page${max ? ` (at most ${max})` : ''}; empty leaves Slack's default.`));

/** Where a page starts: the next_cursor of the page before it. */
export const cursor = () =>
  z.optional(
    filled().check(z.describe("The previous page's response_metadata.next_cursor; empty starts at the first.")),
  );

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
/** chat.update: attachments Slack made from unfurled links, kept or replaced by the edit. */
export const unfurledAttachments = z
  .array(z.record(z.string(), z.unknown()))
  .check(z.maxLength(100), z.describe('Attachments of unfurled links to keep on the edited message.'));
const eventShape = {
  event_type: z.string().check(z.minLength(1), z.describe('Name of the event, e.g. task_created.')),
  event_payload: z.record(z.string(), z.unknown()).check(z.describe('Any JSON object.')),
};
const eventMetadata = z
  .looseObject(eventShape)
  .check(z.describe('Message metadata: {event_type, event_payload}, readable by apps in the workspace.'));
// Work Object entities: Slack checks each entity's own fields (entity_type, entity_payload,
// external_ref, url), so Courier only insists on an array of objects.
const entities = z.array(z.looseObject({ entity_type: z.string().check(z.minLength(1)) }));
/** chat.postMessage takes event metadata, Work Object entities, or both. */
export const postMetadata = z
  .looseObject({
    event_type: z.optional(eventShape.event_type),
    event_payload: z.optional(eventShape.event_payload),
    entities: z.optional(entities),
  })
  .check(
    z.refine((m) => m.entities !== undefined || (m.event_type !== undefined && m.event_payload !== undefined), {
      error: 'metadata needs event_type with event_payload, or entities',
    }),
    z.describe('Message metadata: {event_type, event_payload} and/or {entities: [Work Object entities]}.'),
  );
/** chat.postEphemeral takes entity metadata only: ephemeral messages send no metadata events. */
export const entityMetadata = z
  .looseObject({ entities })
  .check(z.describe('Work Object entity metadata: {entities: […]} (event metadata is ignored here).'));
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

// Rules between fields, from the SDK's argument unions and Slack's method specs: checked after
// each field's own, before any call, and naming the field to fix.
type Input = Record<string, unknown>;
/** A field counts as given unless it is left out or is a false flag. */
const given = (input: Input, name: string) => input[name] !== undefined && input[name] !== false;
const words = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;

/** Between `min` and `max` of the fields are given; the error names the first. */
function counted(names: readonly string[], min: number, max: number, error: string) {
  return z.refine<Input>(
    (input) => {
      const count = names.filter((name) => given(input, name)).length;
      return count >= min && count <= max;
    },
    { error, path: [names[0] ?? ''] },
  );
}
export const oneOf = (...names: string[]) => counted(names, 1, names.length, `give one of ${words(names)}`);
export const exactlyOne = (...names: string[]) => counted(names, 1, 1, `give exactly one of ${words(names)}`);
export const notBoth = (a: string, b: string) => counted([a, b], 0, 1, `give ${a} or ${b}, not both`);
/** `field` means nothing without one of `others`. */
export const needs = (field: string, ...others: string[]) =>
  z.refine<Input>((input) => !given(input, field) || others.some((other) => given(input, other)), {
    error: `${field} needs ${others.length > 1 ? words(others) : (others[0] ?? '')}`,
    path: [field],
  });
