/**
 * One sentence a person can act on for each Slack error code a call may return. Only Slack's code
 * and scope names are ever echoed, and only when they look like one, so nothing from a token, a
 * body or a URL can reach the sentence.
 */

export interface ExplainExtra {
  /** missing_scope: the scopes the method needs (comma-separated, as Slack sends them). */
  needed?: string;
  /** missing_scope: the scopes the token has. */
  provided?: string;
}

const LATER = 'Wait a moment and try again.';
const RECONNECT = "Reconnect the workspace in Courier's options.";

const SENTENCES: Record<string, string> = {
  // The token itself
  not_authed: `Courier sent no token with this request. ${RECONNECT}`,
  invalid_auth: `Slack no longer accepts this workspace's token (or the workspace blocks this network's IP address). ${RECONNECT}`,
  token_revoked: `This workspace's token was revoked, or the app was removed from the workspace. ${RECONNECT}`,
  token_expired: `This workspace's token expired and could not be renewed. ${RECONNECT}`,
  account_inactive: `The Slack user or workspace this account belongs to has been deactivated. ${RECONNECT}`,
  not_allowed_token_type:
    "This action can't run with this kind of token (bot or user). Link the workspace with the other token kind.",
  team_access_not_granted: `The app hasn't been granted access to this workspace. Ask an admin to add it, then reconnect.`,
  no_permission: "The workspace doesn't allow this app to do that. Ask a workspace admin.",
  restricted_action: "The workspace's settings don't allow this. Ask a workspace admin.",
  not_authorized: "You don't have permission to do that in this workspace.",
  user_is_restricted: "Guest accounts can't do that in this workspace.",
  ekm_access_denied: "The workspace's encryption keys are revoked, so Slack can't do that right now.",
  // Courier's own check of an answer (lib/slack/hosts.ts)
  courier_untrusted_upload_url:
    "Slack's answer named an upload address outside Slack's file hosts, so Courier did not send the file. Try again; if it repeats, check the profile's Slack base URL.",
  // Conversations
  channel_not_found:
    "Slack can't find that conversation, or it's private and this account isn't in it. Check the channel and try again.",
  invalid_channel: "That isn't a valid conversation. Pick the channel again.",
  not_in_channel: "This account isn't a member of that conversation. Join it (or invite the app), then try again.",
  is_archived: 'That conversation is archived. Unarchive it in Slack or pick another one.',
  channel_archived: 'That conversation is archived. Unarchive it in Slack or pick another one.',
  already_in_channel: 'That person is already in the conversation.',
  cant_invite_self: "You can't invite yourself; you're already in the conversation.",
  cant_invite: "Slack wouldn't add that person to the conversation.",
  cant_kick_self: "You can't remove yourself that way; leave the conversation instead.",
  cant_kick_from_general: "Nobody can be removed from the workspace's general channel.",
  cant_leave_general: "Nobody can leave the workspace's general channel.",
  last_member: "You're the last member, so you can't leave this conversation; archive it instead.",
  method_not_supported_for_channel_type: "That doesn't work for this kind of conversation.",
  too_many_members: 'That conversation has too many members for this.',
  name_taken: 'A channel with that name already exists. Pick another name.',
  invalid_name:
    'Slack refused that channel name. Use lowercase letters, numbers, hyphens and underscores, at most 80 characters.',
  invalid_name_specials:
    'Channel names may only contain lowercase letters, numbers, hyphens and underscores. Pick another name.',
  invalid_name_punctuation: "A channel name can't be only punctuation. Pick another name.",
  invalid_name_required: 'Give the channel a name.',
  invalid_name_maxlength: 'That channel name is too long (at most 80 characters).',
  user_not_in_channel: "That person isn't in the conversation.",
  thread_not_found: "Slack can't find that thread. It may have been deleted.",
  // People
  user_not_found: "Slack can't find that person. They may have left the workspace.",
  users_not_found: "Slack can't find one or more of those people. They may have left the workspace.",
  user_disabled: "That person's account is deactivated.",
  user_not_visible: "You can't see that person in this workspace.",
  users_list_not_supplied: 'Pick at least one person.',
  not_enough_users: 'Pick at least one person.',
  too_many_users: "That's too many people for one conversation (at most 8).",
  invalid_email: "That isn't a valid email address.",
  invalid_presence: `Presence must be "auto" or "away".`,
  // Messages
  no_text: 'The message is empty. Write some text, then send it.',
  msg_too_long: 'The message is too long for Slack (at most 40 000 characters; 4 000 when editing). Shorten it.',
  msg_blocks_too_long: "The message's blocks are too long for Slack. Shorten it.",
  invalid_blocks: "Slack refused the message's blocks. Check their layout.",
  invalid_blocks_format: "The message's blocks aren't valid JSON.",
  too_many_attachments: 'A message may have at most 100 attachments.',
  markdown_text_conflict: 'A message can have markdown text or text and blocks, not both.',
  invalid_metadata_format: "The message's metadata isn't valid JSON.",
  invalid_metadata_schema: "The message's metadata needs an event_type and an event_payload object.",
  message_not_found: "Slack can't find that message. It may have been deleted.",
  cant_update_message: "Only the message's author can edit it, and this account isn't the author.",
  cant_delete_message: "This account can't delete that message; only its author (or an admin) can.",
  edit_window_closed: 'The workspace no longer allows editing that message; its edit window has closed.',
  is_inactive: "That message can't be changed any more.",
  time_in_past: 'That time is in the past. Pick a time in the future.',
  time_too_far: 'Slack schedules messages at most 120 days ahead. Pick an earlier time.',
  invalid_time: "That isn't a valid time to schedule a message.",
  restricted_too_many: 'Too many messages are already scheduled for that time. Pick another time.',
  messages_tab_disabled: 'That person has turned off direct messages from apps.',
  posting_to_channel_denied: "This account isn't allowed to post in that conversation.",
  rate_limited: 'Slack is limiting how many messages this app may post. Wait a minute and try again.',
  // Files
  file_not_found: "Slack can't find that file, or the upload expired. Try again.",
  file_deleted: 'That file was deleted.',
  already_public: 'That file already has a public link.',
  not_allowed: "The workspace doesn't allow that (public file links may be turned off). Ask a workspace admin.",
  public_video_not_allowed: "Videos can't get public links in this workspace.",
  public_file_type_not_allowed: "This kind of file can't get a public link in this workspace.",
  file_uploads_disabled: 'File uploads are turned off in this workspace.',
  file_uploads_except_images_disabled: 'This workspace only allows image uploads.',
  file_upload_size_restricted: 'The file is larger than this workspace allows.',
  file_type_not_allowed: "This kind of file isn't allowed in this workspace.",
  storage_limit_reached: 'The workspace has run out of file storage.',
  snippet_too_large: 'Snippets can be at most 1 MB.',
  alt_txt_too_large: 'The image description is too long (at most 1 000 characters).',
  channels_limit_exceeded: 'A file can be shared to at most 100 conversations at once.',
  file_update_failed: `Slack couldn't finish the upload. ${LATER}`,
  // Lists and arguments
  invalid_cursor: `Slack's page marker expired while reading the list. ${LATER}`,
  limit_required: 'This workspace is too large to list in one go; Courier must read it page by page.',
  invalid_limit: 'Slack refused the page size.',
  invalid_types: 'Slack refused the conversation types asked for.',
  invalid_arguments: "Slack refused the request's arguments.",
  missing_argument: 'A required value is missing.',
  invalid_array_arg: 'Slack refused a list in the request.',
  invalid_json: "Slack couldn't read the request.",
  json_not_object: "Slack couldn't read the request.",
  unknown_method: "This Slack address doesn't know that method. Check the profile's Slack base URL.",
  // Slack's own trouble
  ratelimited: `Slack is limiting how often Courier may call it. ${LATER}`,
  service_unavailable: `Slack is having trouble right now. ${LATER}`,
  internal_error: `Slack is having trouble right now. ${LATER}`,
  fatal_error: `Slack is having trouble right now. ${LATER}`,
  request_timeout: `Slack took too long to answer. ${LATER}`,
  org_login_required: `The workspace is moving into an Enterprise organization. ${LATER}`,
  team_added_to_org: `The workspace is moving into an Enterprise organization. ${LATER}`,
  not_an_enterprise: 'This only works on an Enterprise organization.',
  not_paid: 'This needs a paid Slack plan.',
};

const CODE = /^[a-z][a-z0-9_]{0,58}[a-z0-9]$/;
const SCOPE = /^[a-z][a-z0-9_.:-]{0,79}$/;

/** Scope names from a comma-separated list, dropping anything that does not look like a scope. */
export function scopeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => SCOPE.test(scope));
}

function missingScope(extra: ExplainExtra): string {
  const needed = scopeList(extra.needed);
  const provided = scopeList(extra.provided);
  const what = needed.length
    ? `This needs the Slack scope${needed.length > 1 ? 's' : ''} ${needed.join(', ')}, which the token doesn't have`
    : 'The token lacks a Slack scope this needs';
  const has = provided.length ? ` (it has ${provided.join(', ')})` : '';
  return `${what}${has}. Add ${needed.length > 1 ? 'them' : 'it'} to the connector profile and reconnect the workspace.`;
}

/** A sentence for a Slack error code; unknown codes are named, when they look like one. */
export function explainSlackError(code: string, extra: ExplainExtra = {}): string {
  if (code === 'missing_scope') return missingScope(extra);
  const known = Object.hasOwn(SENTENCES, code) ? SENTENCES[code] : undefined;
  if (known) return known;
  const shown = CODE.test(code) ? `"${code}"` : "an error Courier doesn't recognise";
  return `Slack refused with ${shown}.`;
}

/** Sentences for failures before any Slack code could be read (network, timeout, 5xx, 429, garbage). */
export function explainTransport(
  failure: 'network' | 'timeout' | 'garbage' | 'http_error' | 'rate_limited',
  extra: { status?: number; retryAfter?: number } = {},
): string {
  switch (failure) {
    case 'network':
      return "Courier can't reach Slack. Check that you're online, then try again.";
    case 'timeout':
      return `Slack took too long to answer. ${LATER}`;
    case 'rate_limited':
      return extra.retryAfter !== undefined
        ? `Slack is limiting how often Courier may call it. Try again in ${Math.max(1, Math.ceil(extra.retryAfter))} s.`
        : `Slack is limiting how often Courier may call it. ${LATER}`;
    case 'http_error':
      return extra.status !== undefined && extra.status >= 500
        ? `Slack is having trouble right now (HTTP ${extra.status}). ${LATER}`
        : `Slack answered with HTTP ${extra.status ?? '?'}. Check the profile's Slack base URL.`;
    case 'garbage':
      return "Slack answered with something Courier can't read. Check the profile's Slack base URL.";
  }
}
