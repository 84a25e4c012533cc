// Slack's rules for channel names (conversations.create and conversations.rename): lowercase
// letters, digits, hyphens and underscores, at most 80 characters.
import { SlackError } from './envelope';
import type { Workspace } from './model';

export const MAX_CHANNEL_NAME = 80;

// Names that Slack keeps for mentions and its own use.
const RESERVED = new Set(['here', 'channel', 'everyone', 'group', 'archive', 'archived', 'slackbot', 'private']);

/** The name if it is valid, else the invalid_name* error Slack gives for it. */
export function checkChannelName(name: string | undefined): string {
  if (!name) throw new SlackError('invalid_name_required');
  if ([...name].length > MAX_CHANNEL_NAME) throw new SlackError('invalid_name_maxlength');
  if (/^[-_]+$/.test(name)) throw new SlackError('invalid_name_punctuation');
  if (/[^\p{Ll}\p{Lo}\p{Nd}_-]/u.test(name)) throw new SlackError('invalid_name_specials');
  if (RESERVED.has(name)) throw new SlackError('invalid_name');
  return name;
}

/** Names are unique across every conversation, archived and private ones included. */
export function nameTaken(ws: Workspace, name: string): boolean {
  return ws.conversations.some((c) => c.kind !== 'im' && c.name === name);
}
