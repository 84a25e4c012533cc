// Runs actions the way the background does (runner + the real Slack client) against the emulator,
// with tokens from emulator.state.install instead of the browser flow.
import type { Emulator, WorkspaceSpec } from '../../../test/emulator';
import { startEmulator } from '../../../test/emulator';
import { toWireError } from '../../errors';
import type { WireError } from '../../protocol';
import { createBudget } from '../../slack/budget';
import { createSlackClient } from '../../slack/client';
import { ACTIONS, actionById } from '../catalog';
import type { ActionOutcome, RunnerDeps, TokenKind } from '../runner';
import { runAction } from '../runner';

export const TEAM = 'T0ACTIONS';

// The scopes of every conversation kind, which the catalog names only as their public minimum.
const BOT_SCOPES = [
  'chat:write', 'chat:write.public', 'channels:read', 'groups:read', 'im:read', 'mpim:read', 'channels:history',
  'groups:history', 'im:history', 'mpim:history', 'channels:join', 'channels:manage', 'groups:write', 'im:write',
  'mpim:write', 'channels:write.invites', 'groups:write.invites', 'conversations.connect:write',
  'conversations.connect:manage', 'files:read', 'files:write', 'users:read', 'users:read.email', 'users:write',
  'users.profile:read', 'usergroups:read', 'team:read',
]; // prettier-ignore
const USER_SCOPES = [
  'chat:write', 'channels:read', 'groups:read', 'im:read', 'mpim:read', 'channels:history', 'groups:history',
  'im:history', 'mpim:history', 'channels:write', 'groups:write', 'im:write', 'mpim:write', 'channels:write.invites',
  'files:read', 'files:write', 'users:read', 'users:read.email', 'users:write', 'users.profile:read',
  'usergroups:read', 'team:read', 'users.profile:write', 'dnd:read', 'dnd:write',
]; // prettier-ignore
/** Every scope the catalog names and more, so an install can run any action unless a test says otherwise. */
const withCatalog = (base: string[], kind: 'bot' | 'user') => [
  ...new Set([...base, ...ACTIONS.flatMap((action) => action.scopes[kind])]),
];
export const ALL_BOT_SCOPES = withCatalog(BOT_SCOPES, 'bot');
export const ALL_USER_SCOPES = withCatalog(USER_SCOPES, 'user');

/** A small, known workspace: who is where is what the error tests lean on. */
export const WORKSPACE: WorkspaceSpec = {
  teamId: TEAM,
  name: 'Actions Inc',
  domain: 'actions',
  plan: 'enterprise',
  signedInUser: 'ada',
  users: [
    { realName: 'Ada Lovelace', name: 'ada', email: 'ada@actions.test', isAdmin: true, isOwner: true },
    { realName: 'Grace Hopper', name: 'grace', email: 'grace@actions.test' },
    { realName: 'Alan Turing', name: 'alan', email: 'alan@actions.test' },
    { realName: 'Gone Person', name: 'gone', email: 'gone@actions.test', deleted: true },
  ],
  channels: [
    { name: 'general', general: true, members: 'all' },
    { name: 'random', members: ['ada', 'grace', 'bot'] },
    { name: 'quiet', members: ['ada', 'grace'] },
    { name: 'secret', private: true, members: ['ada', 'bot'] },
    { name: 'old', archived: true, members: ['ada', 'bot'] },
  ],
};

export interface Install {
  tokens: Partial<Record<TokenKind, string>>;
  botUserId?: string;
  userId: string;
}

export interface Harness {
  emulator: Emulator;
  /** Links the workspace with these scopes (none of a kind: no chain of that kind). */
  install(scopes?: { bot?: string[]; user?: string[]; teamId?: string }): Install;
  /** Runs an action by id through runAction; the default install has every scope of both kinds. */
  run(id: string, input: unknown, install?: Install): Promise<ActionOutcome>;
  /** Runs an action that must fail, and returns what a page would be told (toWireError). */
  fail(id: string, input: unknown, install?: Install): Promise<WireError>;
  channelId(name: string, teamId?: string): string;
  userId(handle: string, teamId?: string): string;
  close(): Promise<void>;
}

// No waiting in tests: the budget's own behaviour is lib/slack's to test.
const OPEN_BUDGET = createBudget({
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  rule: () => ({ limit: 1_000_000, windowMs: 60_000 }),
});

export async function startHarness(workspaces: WorkspaceSpec[] = [WORKSPACE]): Promise<Harness> {
  const emulator = await startEmulator();
  emulator.state.seed({ workspaces });
  const client = createSlackClient({
    baseUrl: emulator.url,
    team: TEAM,
    budget: OPEN_BUDGET,
    sleep: () => Promise.resolve(),
  });

  function install(scopes: { bot?: string[]; user?: string[]; teamId?: string } = {}): Install {
    // Slack adds scopes up across installs; forgetting earlier grants gives exactly these scopes
    // (tokens already issued keep theirs).
    emulator.state.grants.clear();
    const body = emulator.state.install({
      teamId: scopes.teamId ?? TEAM,
      botScopes: scopes.bot ?? ALL_BOT_SCOPES,
      userScopes: scopes.user ?? ALL_USER_SCOPES,
    });
    const tokens: Install['tokens'] = {};
    if (body.access_token) tokens.bot = body.access_token;
    if (body.authed_user.access_token) tokens.user = body.authed_user.access_token;
    return { tokens, userId: body.authed_user.id, ...(body.bot_user_id ? { botUserId: body.bot_user_id } : {}) };
  }

  let everything: Install | undefined;
  const depsFor = (linked: Install): RunnerDeps => ({
    chains: { bot: Boolean(linked.tokens.bot), user: Boolean(linked.tokens.user) },
    withToken: (kind, work) => work(linked.tokens[kind] ?? ''),
    client,
  });
  const run = (id: string, input: unknown, linked?: Install) => {
    const action = actionById(id);
    if (!action) throw new Error(`no action ${id}`);
    everything ??= install();
    return runAction(action, input, depsFor(linked ?? everything));
  };

  const workspace = (teamId: string) => {
    const ws = emulator.state.workspaces.get(teamId);
    if (!ws) throw new Error(`no workspace ${teamId}`);
    return ws;
  };

  return {
    emulator,
    install,
    run,
    async fail(id, input, linked) {
      const error = await run(id, input, linked).then(
        () => new Error(`${id} succeeded`),
        (reason: unknown) => reason,
      );
      const wire = toWireError(error);
      // A bug (or an unexpected success) would read as "internal": show the real error instead.
      if (wire.kind === 'internal') throw error;
      return wire;
    },
    channelId(name, teamId = TEAM) {
      const conv = workspace(teamId).conversations.find((c) => c.name === name);
      if (!conv) throw new Error(`no channel ${name}`);
      return conv.id;
    },
    userId(handle, teamId = TEAM) {
      const user = workspace(teamId).users.find((u) => u.name === handle);
      if (!user) throw new Error(`no user ${handle}`);
      return user.id;
    },
    close: () => emulator.close(),
  };
}
