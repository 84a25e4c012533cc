/**
 * What each Slack error code means to Courier, in one table: the kind a page is told
 * (lib/errors.ts), whether the token is gone, whether Slack may take the same request later (the
 * outbox, the client's read retries, token refreshes), and one sentence a person can act on
 * (lib/slack/explain.ts). Every code the method specs of the methods Courier calls list is here
 * (codes.test.ts); codes Slack adds later fall back to naming the code.
 *
 * Where Courier may repeat the request by itself, the advice to wait and try again sits apart
 * (`later`), so an item the outbox retries shows what happened without it (lib/outbox/waiting-reason).
 */
import type { ErrorKind } from '../protocol';

/** What a sentence may name, where the caller knows it; nothing here is secret. */
export interface SaidTo {
  /** The workspace's name, for reconnect reasons; "This workspace" otherwise. */
  workspace?: string;
  /** missing_scope: the scopes the method needs and those the token has (comma-separated, as Slack sends them). */
  needed?: string;
  provided?: string;
  /** bad_redirect_uri: this browser's redirect URL. */
  redirectUri?: string;
}

export interface CodeMeaning {
  kind: ErrorKind;
  /** An ordinary call answered so: the token is gone, and its chain with it (lib/auth/refresher.ts). */
  dead?: true;
  /** Slack did not act on the request and may well take it later: the outbox sends it again. */
  retry?: true;
  /** Slack's own trouble: a read is repeated at once (lib/slack/client.ts). */
  server?: true;
  /** A refresh or auth check that failed so backs off and keeps the account connected. */
  transient?: true;
  /** What happened and what to do about it; for codes Courier repeats, without "wait and try again". */
  sentence?: string | ((to: SaidTo) => string);
  /** The person should wait a moment and try again, unless Courier does it for them. */
  later?: true;
  /** Courier never sends what earns it, so it has no sentence (Slack's code is named instead). */
  never?: true;
}

export const LATER = 'Wait a moment and try again.';

const SCOPE = /^[a-z][a-z0-9_.:-]{0,79}$/;

/** Scope names from a comma-separated list, dropping anything that does not look like a scope. */
export function scopeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => SCOPE.test(scope));
}

function missingScope(to: SaidTo): string {
  const needed = scopeList(to.needed);
  const provided = scopeList(to.provided);
  const what = needed.length
    ? `This needs the Slack scope${needed.length > 1 ? 's' : ''} ${needed.join(', ')}, which the token doesn't have`
    : 'The token lacks a Slack scope this needs';
  const has = provided.length ? ` (it has ${provided.join(', ')})` : '';
  return `${what}${has}. Add ${needed.length > 1 ? 'them' : 'it'} to the connector profile and reconnect the workspace.`;
}

const who = (to: SaidTo) => to.workspace ?? 'This workspace';
const needsReconnect = (why: string) => (to: SaidTo) => `${who(to)} needs to reconnect: ${why}.`;

const refused = (sentence: string): CodeMeaning => ({ kind: 'slack_error', sentence });
const never: CodeMeaning = { kind: 'slack_error', never: true };
/** Slack's own trouble: worth repeating, for a read, a send and a refresh alike. */
const trouble = (sentence: string): CodeMeaning => ({
  kind: 'slack_error',
  retry: true,
  server: true,
  transient: true,
  sentence,
  later: true,
});
const dead = (why: string): CodeMeaning => ({ kind: 'needs_reconnect', dead: true, sentence: needsReconnect(why) });

const ARCHIVED = refused('That conversation is archived. Unarchive it in Slack or pick another one.');
/** Not now, but not Slack's trouble either: a send and a refresh wait, a read is not repeated at once. */
const ENTERPRISE_MOVE: CodeMeaning = {
  kind: 'slack_error',
  retry: true,
  transient: true,
  sentence: 'The workspace is moving into an Enterprise organization.',
  later: true,
};
const UNREADABLE = refused("Slack couldn't read the request.");
const PICK_SOMEONE = refused('Pick at least one person.');

const TABLE: Record<string, CodeMeaning> = {
  // The token itself
  not_authed: dead('Courier has no token for it'),
  invalid_auth: dead(
    "Slack no longer accepts its token (or the workspace blocks requests from this network's IP address)",
  ),
  token_revoked: dead('its token was revoked, or the app was removed from the workspace'),
  account_inactive: dead('the Slack user or workspace it was linked with has been deactivated'),
  // Reaches the outbox only when a token expired again right after its renewal: the chain lives,
  // so the next attempt renews and goes through. A refresh renews once on it (lib/auth/classify.ts).
  token_expired: {
    kind: 'needs_reconnect',
    retry: true,
    sentence: (to) => `${who(to)}'s token expired and could not be renewed. Reconnect it if this keeps happening.`,
  },
  team_access_not_granted: {
    kind: 'needs_reconnect',
    sentence: (to) =>
      `The app hasn't been granted access to ${to.workspace ?? 'this workspace'}. Ask an admin to add it, then reconnect.`,
  },
  missing_scope: { kind: 'missing_scope', sentence: missingScope },
  not_allowed_token_type: refused(
    "This action can't run with this kind of token (bot or user). Link the workspace with the other token kind.",
  ),
  // Slack's names for a token a method doesn't take; the refresher hands out only live tokens.
  bad_token: refused("This action can't run with this workspace's token. Reconnect the workspace."),
  invalid_token: refused("This action can't run with this workspace's token. Reconnect the workspace."),
  not_bearer_token: refused("Slack can't end this kind of token; remove the app from the workspace to end it."),
  no_permission: refused("The workspace doesn't allow this app to do that. Ask a workspace admin."),
  restricted_action: refused("The workspace's settings don't allow this. Ask a workspace admin."),
  not_authorized: refused("You don't have permission to do that in this workspace."),
  user_is_restricted: refused("Guest accounts can't do that in this workspace."),
  app_access_restricted: refused("You aren't allowed to use this app in this workspace. Ask a workspace admin."),
  ekm_access_denied: refused("The workspace's encryption keys are revoked, so Slack can't do that right now."),
  enterprise_is_restricted: refused("This works with a workspace's token, not an Enterprise organization's."),
  // Connecting (oauth.v2.access)
  bad_client_secret: refused(
    "Slack rejected the Client secret. Copy it again from your Slack app's Basic Information page into this profile; if it was regenerated, every workspace on this profile must reconnect.",
  ),
  invalid_client_id: refused(
    "Slack doesn't recognise this Client ID. Copy it again from your Slack app's Basic Information page into this profile.",
  ),
  bad_redirect_uri: {
    kind: 'slack_error',
    sentence: (to) =>
      to.redirectUri
        ? `Add this redirect URL to your Slack app: ${to.redirectUri} (under OAuth & Permissions → Redirect URLs), then connect again.`
        : "Add this browser's redirect URL (shown in Diagnostics) to your Slack app under OAuth & Permissions → Redirect URLs, then connect again.",
  },
  no_scopes: refused('Add at least one bot or user scope to the profile, then connect again.'),
  cannot_install_an_org_installed_app: refused(
    'This app is installed for a whole Enterprise organization, which Courier does not support yet. Use an app installed on a single workspace.',
  ),
  invalid_code: refused("Slack's sign-in code expired or was already used (codes last 10 minutes). Connect again."),
  oauth_authorization_url_mismatch: refused(
    "Slack says this sign-in didn't start at its authorize page. Connect again from Courier.",
  ),
  pkce_not_allowed: refused(
    "This Slack app doesn't have PKCE enabled. Turn on PKCE in the app's OAuth & Permissions settings, or make this profile a confidential client with the app's Client secret.",
  ),
  invalid_code_verifier: refused(
    "Slack couldn't match this sign-in to the request Courier started (PKCE verifier mismatch). Connect again from the start.",
  ),
  // Answers only a refresh, which lib/auth turns into its own needs_reconnect failure.
  invalid_refresh_token: {
    kind: 'slack_error',
    sentence: needsReconnect(
      "Slack no longer accepts its refresh token (it was revoked, used twice, or the app's client secret was regenerated)",
    ),
  },
  invalid_grant_type: never,
  preview_feature_not_available: refused("Slack hasn't made this available to the workspace yet."),
  user_email_unverified: refused('Verify your email address in Slack, then connect again.'),
  // Courier's own check of an answer (lib/slack/hosts.ts)
  courier_untrusted_upload_url: refused(
    "Slack's answer named an upload address outside Slack's file hosts, so Courier did not send the file. Try again; if it repeats, check the profile's Slack base URL.",
  ),
  // Conversations
  channel_not_found: refused(
    "Slack can't find that conversation, or it's private and this account isn't in it. Check the channel and try again.",
  ),
  channel_is_limited_access: refused("This account can't open that conversation."),
  invalid_channel: refused("That isn't a valid conversation. Pick the channel again."),
  not_in_channel: {
    kind: 'not_in_channel',
    sentence: "This account isn't a member of that conversation. Join it (or invite the app), then try again.",
  },
  is_archived: ARCHIVED,
  channel_archived: ARCHIVED,
  already_in_channel: refused('That person is already in the conversation.'),
  cant_invite_self: refused("You can't invite yourself; you're already in the conversation."),
  cant_invite: refused("Slack wouldn't add that person to the conversation."),
  app_cannot_join_channel: refused("The app can't be added to that conversation."),
  invitee_cant_see_channel: refused(
    "That person's workspaces don't have this channel. Share it with their workspace first.",
  ),
  org_user_not_in_team: refused("One of those people isn't in this workspace, only in its organization."),
  ura_max_channels: refused('One of those people is a single-channel guest who is already in a channel.'),
  no_external_invite_permission: refused("You aren't allowed to invite people from other organizations here."),
  no_user: PICK_SOMEONE,
  cant_kick_self: refused("You can't remove yourself that way; leave the conversation instead."),
  cant_kick_from_general: refused("Nobody can be removed from the workspace's general channel."),
  cant_leave_general: refused("Nobody can leave the workspace's general channel."),
  last_member: refused("You're the last member, so you can't leave this conversation; archive it instead."),
  method_not_supported_for_channel_type: refused("That doesn't work for this kind of conversation."),
  not_supported: refused("That doesn't work for this conversation."),
  too_many_members: refused('That conversation has too many members for this.'),
  fetch_members_failed: refused("Slack couldn't list that conversation's members."),
  external_channel_migrating: refused('That conversation is being moved between workspaces. Try again later.'),
  name_taken: refused('A channel with that name already exists. Pick another name.'),
  // conversations.create and rename answer it for a channel name, reactions.add for an unknown emoji.
  invalid_name: refused(
    'Slack refused that name. A channel name takes lowercase letters, numbers, hyphens and underscores (at most 80 characters); an emoji must be one the workspace has.',
  ),
  invalid_name_specials: refused(
    'Channel names may only contain lowercase letters, numbers, hyphens and underscores. Pick another name.',
  ),
  invalid_name_punctuation: refused("A channel name can't be only punctuation. Pick another name."),
  invalid_name_required: refused('Give the channel a name.'),
  no_channel: refused('Give the channel a name.'),
  invalid_name_maxlength: refused('That channel name is too long (at most 80 characters).'),
  cannot_create_channel: refused("Slack couldn't create that channel."),
  canvas_disabled_user_team: refused('Canvases are turned off in this workspace.'),
  user_not_in_channel: refused("That person isn't in the conversation."),
  thread_not_found: refused("Slack can't find that thread. It may have been deleted."),
  invalid_ts_latest: refused("That isn't a valid message time for the end of the range."),
  invalid_ts_oldest: refused("That isn't a valid message time for the start of the range."),
  invalid_metadata_filter_keys: never,
  list_record_comment_fetch_failed: refused("Slack couldn't read the comments of that list item."),
  // Slack Connect invitations (conversations.inviteShared)
  not_allowed_for_grid_workspace: refused(
    "This workspace can't share channels with other organizations (Slack Connect is off).",
  ),
  cannot_share_cross_workspace_channel: refused(
    "A channel shared across workspaces or the whole organization can't be shared again.",
  ),
  cannot_share_mandatory_channel: refused("The general channel, and channels everyone must be in, can't be shared."),
  invalid_channel_type: refused('Only channels can be shared, not direct messages.'),
  not_owner: refused('Only the organization that hosts this channel can share it.'),
  connection_limit_exceeded: refused('That channel is shared with as many organizations as it can be.'),
  legacy_connection_limit_exceeded: refused('That channel is shared with as many organizations as it can be.'),
  connection_limit_exceeded_pending: refused('That channel already has an invitation waiting to be accepted.'),
  member_limit_exceeded: refused('That channel has as many members as it can have.'),
  recipients_not_specified: refused('Name at least one person to invite (an email address or a user).'),
  too_many_emails: refused('That is too many email addresses for one invitation.'),
  message_too_long: refused('The invitation message is too long (at most 560 characters).'),
  url_in_message: refused("The invitation message can't contain a link."),
  invite_lookup_error: refused("Slack couldn't check the channel's invitations."),
  invite_not_found: refused("Slack couldn't send the invitation."),
  ratelimit: refused('Slack is limiting how many invitations this account may send. Try again later.'),
  // People
  user_not_found: refused("Slack can't find that person. They may have left the workspace."),
  users_not_found: refused("Slack can't find one or more of those people. They may have left the workspace."),
  missing_user: refused("Slack can't find that person. They may have left the workspace."),
  user_disabled: refused("That person's account is deactivated."),
  user_not_visible: refused("You can't see that person in this workspace."),
  users_list_not_supplied: PICK_SOMEONE,
  not_enough_users: PICK_SOMEONE,
  too_many_users: refused("That's too many people for one conversation (at most 8)."),
  invalid_user_combination: refused(
    'People from other organizations must share a channel with you before you can message them together.',
  ),
  invalid_email: refused("That isn't a valid email address."),
  invalid_presence: refused(`Presence must be "auto" or "away".`),
  no_such_subteam: refused("Slack can't find that user group."),
  invalid_team: refused("Slack can't find that user group's workspace."),
  plan_upgrade_required: refused('User groups need a paid Slack plan.'),
  // Workspaces (team.info)
  team_not_found: never,
  enterprise_not_found: refused("Slack can't find that Enterprise organization."),
  org_not_found: refused("Slack can't find that organization."),
  team_not_on_enterprise: refused('Workspaces are only found by domain on an Enterprise organization.'),
  fail_to_get_teams_for_restricted_user: refused("Slack couldn't list the workspaces of this guest account."),
  // Messages
  no_text: refused('The message is empty. Write some text, then send it.'),
  msg_too_long: refused(
    'The message is too long for Slack (at most 40 000 characters; 4 000 when editing). Shorten it.',
  ),
  msg_blocks_too_long: refused("The message's blocks are too long for Slack. Shorten it."),
  invalid_blocks: refused("Slack refused the message's blocks. Check their layout."),
  invalid_blocks_format: refused("The message's blocks aren't valid JSON."),
  block_mismatch: refused("A message written with rich text can't be replaced with other blocks."),
  invalid_attachments: refused("Slack refused the message's attachments. Attachments can't hold blocks."),
  too_many_attachments: refused('A message may have at most 100 attachments.'),
  attachment_payload_limit_exceeded: refused("The message's attachments are too long for Slack. Shorten them."),
  markdown_text_conflict: refused('A message can have markdown text or text and blocks, not both.'),
  invalid_metadata_format: refused("The message's metadata isn't valid JSON."),
  invalid_metadata_schema: refused("The message's metadata needs an event_type and an event_payload object."),
  metadata_too_large: refused("The message's metadata is too large for Slack. Shorten it."),
  metadata_must_be_sent_from_app: refused(
    "Only the app's bot token can send message metadata. Send it as the bot, or without metadata.",
  ),
  message_not_found: refused("Slack can't find that message. It may have been deleted."),
  // reactions.add.
  already_reacted: refused('You already reacted with that emoji.'),
  too_many_emoji: refused('That message has as many different emoji as Slack allows.'),
  too_many_reactions: refused('You have added as many reactions to that message as Slack allows.'),
  not_reactable: refused("That message can't take reactions."),
  thread_locked: refused('That thread is locked: nobody can reply or react.'),
  no_item_specified: refused('Say which message: its channel and timestamp.'),
  bad_timestamp: refused('That message timestamp is not valid (such as 1712345678.123456).'),
  cant_update_message: refused("Only the message's author can edit it, and this account isn't the author."),
  cant_delete_message: refused("This account can't delete that message; only its author (or an admin) can."),
  cant_broadcast_message: refused("Slack can't also send that reply to the channel."),
  no_dual_broadcast_content_update: refused(
    "A reply can't be sent to the channel and edited at the same time. Do one, then the other.",
  ),
  streaming_state_conflict: refused("That message is still being written, so it can't be edited yet."),
  update_failed: refused("Slack couldn't edit that message."),
  edit_window_closed: refused('The workspace no longer allows editing that message; its edit window has closed.'),
  is_inactive: refused("That message can't be changed any more."),
  cannot_reply_to_message: refused("That message can't have replies in a thread."),
  restricted_action_read_only_channel: refused('That conversation is read-only: nobody may post in it.'),
  restricted_action_thread_only_channel: refused(
    'That conversation only takes replies in threads. Reply to a message.',
  ),
  restricted_action_non_threadable_channel: refused("That conversation doesn't take replies in threads."),
  restricted_action_thread_locked: refused('An admin has locked that thread, so nobody may reply in it.'),
  time_in_past: refused('That time is in the past. Pick a time in the future.'),
  time_too_far: refused('Slack schedules messages at most 120 days ahead. Pick an earlier time.'),
  invalid_time: refused("That isn't a valid time to schedule a message."),
  restricted_too_many: refused('Too many messages are already scheduled for that time. Pick another time.'),
  invalid_scheduled_message_id: refused(
    "Slack can't find that scheduled message. It may have been sent or deleted already.",
  ),
  messages_tab_disabled: refused('That person has turned off direct messages from apps.'),
  posting_to_channel_denied: refused("This account isn't allowed to post in that conversation."),
  // The app's posting limit, not a 429: the same message gets the same answer for a while.
  rate_limited: {
    kind: 'rate_limited',
    sentence: 'Slack is limiting how many messages this app may post. Wait a minute and try again.',
  },
  message_limit_exceeded: refused(
    'Members of this workspace are sending too many messages for its Slack plan. Try again later.',
  ),
  as_user_not_supported: never,
  send_on_behalf_not_allowed: never,
  too_many_contact_cards: never,
  missing_file_data: never,
  draft_already_deleted: never,
  draft_already_sent: never,
  draft_has_conflict: never,
  draft_not_found: never,
  duplicate_channel_not_found: never,
  duplicate_message_not_found: never,
  // Files
  file_not_found: refused("Slack can't find that file, or the upload expired. Try again."),
  file_deleted: refused('That file was deleted.'),
  file_is_deleted: refused('That file was deleted.'),
  access_denied: refused("Only the file's owner can do that."),
  not_visible: refused("This account can't see that file."),
  template_not_visible: refused("This account can't see that template."),
  cant_delete_file: refused("This account can't delete that file; only its owner (or an admin) can."),
  delete_not_allowed: refused("That file can't be deleted (canvas templates, for example, can't)."),
  file_deleting_disabled: refused('Deleting files is turned off in this workspace.'),
  canvas_disabled_file_team: refused("Canvases are turned off in the file's workspace."),
  canvas_globally_disabled: refused('Canvases are turned off in this workspace.'),
  already_public: refused('That file already has a public link.'),
  not_allowed: refused(
    "The workspace doesn't allow that (public file links may be turned off). Ask a workspace admin.",
  ),
  public_video_not_allowed: refused("Videos can't get public links in this workspace."),
  public_file_type_not_allowed: refused("This kind of file can't get a public link in this workspace."),
  file_uploads_disabled: refused('File uploads are turned off in this workspace.'),
  file_uploads_except_images_disabled: refused('This workspace only allows image uploads.'),
  file_upload_size_restricted: refused('The file is larger than this workspace allows.'),
  file_type_not_allowed: refused("This kind of file isn't allowed in this workspace."),
  blocked_file_type: refused("This kind of file isn't allowed in this workspace."),
  storage_limit_reached: refused('The workspace has run out of file storage.'),
  snippet_too_large: refused('Snippets can be at most 1 MB.'),
  unknown_snippet_type: refused("Slack doesn't know that kind of snippet."),
  unknown_subtype: never,
  alt_txt_too_large: refused('The image description is too long (at most 1 000 characters).'),
  channels_limit_exceeded: refused('A file can be shared to at most 100 conversations at once.'),
  file_share_limit_reached: refused('That file has been shared as often as Slack allows.'),
  max_file_sharing_exceeded: refused('That message shares more files than Slack allows.'),
  unable_to_share_files: refused("Slack couldn't share the message's files."),
  file_update_failed: { kind: 'slack_error', sentence: "Slack couldn't finish the upload.", later: true },
  unknown_type: refused('Slack refused the file types asked for.'),
  // Slack Connect policies
  slack_connect_blocked_file_type: refused("This kind of file isn't allowed in Slack Connect conversations."),
  slack_connect_canvas_sharing_blocked: refused(
    "An admin doesn't allow sharing canvases in Slack Connect conversations.",
  ),
  slack_connect_clip_sharing_blocked: refused("An admin doesn't allow clips in Slack Connect conversations."),
  slack_connect_file_link_sharing_blocked: refused(
    "An admin doesn't allow sharing Slack files in Slack Connect conversations.",
  ),
  slack_connect_file_upload_sharing_blocked: refused(
    "An admin doesn't allow file uploads in Slack Connect conversations.",
  ),
  slack_connect_lists_sharing_blocked: refused("An admin doesn't allow sharing lists in Slack Connect conversations."),
  // Status and notification pause (users.profile.set, dnd.*)
  invalid_profile: refused("Slack couldn't read the status Courier sent."),
  profile_set_failed: refused("Slack couldn't set the status."),
  profile_status_set_failed_not_emoji_syntax: refused(
    'Write the emoji as a short name between colons, such as :calendar:.',
  ),
  profile_status_set_failed_not_valid_emoji: refused(
    'This workspace has no emoji by that name. Pick one it has, or add it in Slack first.',
  ),
  reserved_name: refused('That name is reserved in Slack. Pick another one.'),
  not_admin: refused("Only a workspace admin can change another person's profile."),
  not_app_admin: refused("Only the workspace's owners can change a bot's profile."),
  cannot_update_admin_user: refused("Only the primary owner can change an admin's profile."),
  too_long: refused('That is more than Slack takes: at most 100 characters of status, or a shorter pause.'),
  missing_duration: refused('Say for how many minutes to pause notifications.'),
  snooze_failed: refused("Slack couldn't pause notifications."),
  snooze_end_failed: refused("Slack couldn't resume notifications."),
  snooze_not_active: refused("Notifications aren't paused, so there is nothing to resume."),
  // Lists and arguments
  invalid_cursor: { kind: 'slack_error', sentence: "Slack's page marker expired while reading the list.", later: true },
  limit_required: refused('This workspace is too large to list in one go; Courier must read it page by page.'),
  invalid_limit: refused('Slack refused the page size.'),
  invalid_types: refused('Slack refused the conversation types asked for.'),
  invalid_arguments: refused("Slack refused the request's arguments."),
  missing_argument: refused('A required value is missing.'),
  invalid_array_arg: refused('Slack refused a list in the request.'),
  invalid_json: UNREADABLE,
  json_not_object: UNREADABLE,
  unknown_method: refused("This Slack address doesn't know that method. Check the profile's Slack base URL."),
  not_an_enterprise: refused('This only works on an Enterprise organization.'),
  not_paid: refused('This needs a paid Slack plan.'),
  // Slack's own trouble
  ratelimited: {
    kind: 'rate_limited',
    retry: true,
    transient: true,
    sentence: 'Slack is limiting how often Courier may call it.',
    later: true,
  },
  service_unavailable: trouble('Slack is having trouble right now.'),
  internal_error: trouble('Slack is having trouble right now.'),
  fatal_error: trouble('Slack is having trouble right now.'),
  request_timeout: trouble('Slack took too long to answer.'),
  // Enterprise migrations: Slack calls them temporary.
  org_login_required: ENTERPRISE_MOVE,
  team_added_to_org: ENTERPRISE_MOVE,
  // Courier's name for ok:false without a code (lib/slack/transport.ts): it tells nothing, so a
  // refresh earns a retry rather than a reconnect.
  unknown_error: { kind: 'slack_error', transient: true },
};

/** What Courier makes of a Slack code; undefined for codes it doesn't know (or inherited names). */
export function codeMeaning(code: string): CodeMeaning | undefined {
  return Object.hasOwn(TABLE, code) ? TABLE[code] : undefined;
}

/** Every code in the table, for the tests that walk it. */
export const CODES: readonly string[] = Object.keys(TABLE);
