/**
 * Something a message can be sent to, in one linked workspace: a channel, a private channel, a
 * direct message, a group DM or a person. The directory is the list of all of them, across
 * workspaces; the channel picker searches it.
 */
export type TargetKind = 'channel' | 'private' | 'im' | 'mpim' | 'user';

export interface Target {
  /** Unique across workspaces: `${accountId}:${id}` (see {@link targetKey}). */
  key: string;
  accountId: string;
  teamName: string;
  /** Slack's id: C… or G… for channels, D… for DMs, U… or W… for people. */
  id: string;
  kind: TargetKind;
  /** The channel name without '#', or the person's handle. */
  name: string;
  realName?: string;
  displayName?: string;
  archived?: boolean;
  /** The linked user is in the conversation. */
  isMember?: boolean;
}

export function targetKey(accountId: string, id: string): string {
  return `${accountId}:${id}`;
}

/** People, and conversations with people rather than channels: what '@' narrows to. */
export function isPersonKind(kind: TargetKind): boolean {
  return kind === 'user' || kind === 'im' || kind === 'mpim';
}
