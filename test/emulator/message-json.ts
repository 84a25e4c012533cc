// Slack-shaped message objects, with the thread fields Slack derives from the conversation.
import { fileJson } from './file-json';
import type { Message, Workspace } from './model';
import { botProfileJson } from './serialize';

/** The messages of one conversation by ts, and the replies of each thread parent, oldest first. */
export interface ThreadIndex {
  byTs: Map<string, Message>;
  replies: Map<string, Message[]>;
}

export interface MessageView {
  /** conversations.history/replies only include metadata with include_all_metadata=true. */
  includeMetadata: boolean;
  /** For thread fields; without it, messages carry only their own thread_ts. */
  threads?: ThreadIndex;
  origin: string;
}

export function isReply(message: Message): boolean {
  return message.threadTs !== undefined && message.threadTs !== message.ts;
}

/** The conversation's messages, oldest first. ts strings of one form compare as text. */
export function conversationMessages(all: Message[], team: string, channel: string): Message[] {
  return all
    .filter((m) => m.team === team && m.channel === channel)
    .sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}

export function threadIndex(messages: Message[]): ThreadIndex {
  const index: ThreadIndex = { byTs: new Map(), replies: new Map() };
  for (const message of messages) {
    index.byTs.set(message.ts, message);
    if (message.threadTs && isReply(message)) {
      const list = index.replies.get(message.threadTs) ?? [];
      list.push(message);
      index.replies.set(message.threadTs, list);
    }
  }
  return index;
}

function threadFields(message: Message, threads: ThreadIndex | undefined): Record<string, unknown> {
  const replies = threads?.replies.get(message.ts);
  if (replies && replies.length > 0) {
    const users = [...new Set(replies.map((r) => r.user))];
    return {
      thread_ts: message.ts,
      reply_count: replies.length,
      reply_users_count: users.length,
      latest_reply: replies[replies.length - 1]?.ts,
      reply_users: users.slice(0, 5),
      is_locked: false,
      subscribed: false,
    };
  }
  if (!message.threadTs) return {};
  const parent = isReply(message) ? threads?.byTs.get(message.threadTs) : undefined;
  return parent ? { thread_ts: message.threadTs, parent_user_id: parent.user } : { thread_ts: message.threadTs };
}

export function messageJson(ws: Workspace, message: Message, view: MessageView): Record<string, unknown> {
  const json: Record<string, unknown> = { user: message.user, type: 'message', ts: message.ts };
  if (message.subtype) json.subtype = message.subtype;
  if (message.botId) Object.assign(json, { bot_id: message.botId, app_id: message.appId });
  Object.assign(json, { text: message.text, team: message.team });
  const bot = message.botId ? ws.usersById.get(message.user) : undefined;
  if (bot) json.bot_profile = botProfileJson(ws, bot);
  Object.assign(json, threadFields(message, view.threads));
  if (message.edited) json.edited = message.edited;
  if (message.blocks) json.blocks = message.blocks;
  if (message.attachments) json.attachments = message.attachments;
  if (message.files) {
    json.files = message.files.flatMap((id) => {
      const file = ws.files.find((f) => f.id === id);
      return file ? [fileJson(ws, file, { origin: view.origin, withShares: false })] : [];
    });
    json.upload = true;
    json.display_as_bot = false;
  }
  if (message.reactions) {
    json.reactions = message.reactions.map(({ name, users }) => ({ name, users, count: users.length }));
  }
  if (message.metadata && view.includeMetadata) json.metadata = message.metadata;
  return json;
}
