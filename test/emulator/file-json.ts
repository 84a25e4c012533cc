// Slack-shaped file objects (files.info, files.list, completeUploadExternal, file_share messages).
import type { Conversation, FileRecord, TokenType, User, Workspace } from './model';

export interface FileView {
  /** The emulator's origin, for url_private (served by files-route.ts). */
  origin: string;
  /** files.info and completeUploadExternal give `shares`; files.list does not. */
  withShares: boolean;
}

/** A file is visible to whoever uploaded it and to whoever can read a conversation it is shared in. */
export function canSeeFile(ws: Workspace, file: FileRecord, caller: User, type: TokenType): boolean {
  if (file.user === caller.id) return true;
  return file.shares.some(({ channel }) => {
    const conv = ws.conversationsById.get(channel);
    return !!conv && (conv.members.has(caller.id) || (type === 'user' && conv.kind === 'public_channel'));
  });
}

function bucket(conv: Conversation): 'channels' | 'groups' | 'ims' {
  if (conv.kind === 'public_channel') return 'channels';
  return conv.kind === 'im' ? 'ims' : 'groups';
}

export function fileUrlPath(file: FileRecord): string {
  return `/files-pri/${file.teamId}-${file.id}/${encodeURIComponent(file.name)}`;
}

function sharesJson(ws: Workspace, file: FileRecord): Record<string, unknown> {
  const shares: Record<'public' | 'private', Record<string, unknown[]>> = { public: {}, private: {} };
  for (const share of file.shares) {
    const conv = ws.conversationsById.get(share.channel);
    if (!conv) continue;
    const side = conv.kind === 'public_channel' ? shares.public : shares.private;
    const entry: Record<string, unknown> = {
      reply_users: [],
      reply_users_count: 0,
      reply_count: 0,
      ts: share.ts,
      channel_name: conv.name,
      team_id: ws.id,
      share_user_id: file.user,
    };
    if (share.threadTs) entry.thread_ts = share.threadTs;
    (side[conv.id] ??= []).push(entry);
  }
  const json: Record<string, unknown> = {};
  if (Object.keys(shares.public).length > 0) json.public = shares.public;
  if (Object.keys(shares.private).length > 0) json.private = shares.private;
  return json;
}

export function fileJson(ws: Workspace, file: FileRecord, view: FileView): Record<string, unknown> {
  if (file.deleted) return { id: file.id, mode: 'tombstone' };
  const where: Record<'channels' | 'groups' | 'ims', string[]> = { channels: [], groups: [], ims: [] };
  for (const share of file.shares) {
    const conv = ws.conversationsById.get(share.channel);
    if (conv && !where[bucket(conv)].includes(conv.id)) where[bucket(conv)].push(conv.id);
  }
  const url = view.origin + fileUrlPath(file);
  const json: Record<string, unknown> = {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    pretty_type: file.prettyType,
    user: file.user,
    user_team: ws.id,
    editable: file.snippetType !== undefined,
    size: file.size,
    mode: file.snippetType ? 'snippet' : 'hosted',
    is_external: false,
    external_type: '',
    is_public: where.channels.length > 0,
    public_url_shared: file.publicUrlShared,
    display_as_bot: false,
    username: '',
    url_private: url,
    url_private_download: url.replace(/\/([^/]*)$/, '/download/$1'),
    permalink: `https://${ws.domain}.slack.com/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
    permalink_public: `https://slack-files.com/${file.teamId}-${file.id}-${file.publicSecret}`,
    comments_count: 0,
    is_starred: false,
  };
  if (view.withShares) json.shares = sharesJson(ws, file);
  Object.assign(json, where, { has_rich_preview: false });
  if (file.altTxt) json.alt_txt = file.altTxt;
  return json;
}
