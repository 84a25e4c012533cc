// Deterministic workspaces of any size, from a count or from explicit people and channels.
import { pick, prng } from './ids';
import type { App, Plan, Workspace } from './model';
import { CHANNEL_PREFIXES, CHANNEL_WORDS, COLORS, FIRST_NAMES, LAST_NAMES, TIME_ZONES, TITLES } from './names';
import {
  BASE_CREATED,
  addConversation,
  addUser,
  emptyWorkspace,
  ensureBotUser,
  handleOf,
  nextConversationId,
  nextUserId,
} from './workspace';

export interface UserSpec {
  realName: string;
  /** The handle; derived from realName when absent. */
  name?: string;
  displayName?: string;
  email?: string;
  tz?: string;
  title?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  deleted?: boolean;
  online?: boolean;
}

export interface ChannelSpec {
  name: string;
  private?: boolean;
  archived?: boolean;
  general?: boolean;
  topic?: string;
  purpose?: string;
  /** 'all' (every human), or user handles / ids; the entry 'bot' stands for every app's bot user. */
  members?: 'all' | string[];
}

export interface WorkspaceSpec {
  teamId: string;
  name: string;
  domain?: string;
  /** A count generates that many people; a list describes them. */
  users?: number | UserSpec[];
  channels?: number | ChannelSpec[];
  /** Handle of the person the consent page installs as; defaults to the first active human. */
  signedInUser?: string;
  /** Default 'pro'. Free plans have no usergroups or Slack Connect; discoverable contacts need 'enterprise'. */
  plan?: Plan;
  /** Seed history, threads, files, usergroups, a scheduled message and a Connect invite (seed-content.ts); default true. */
  content?: boolean;
}

function addListedUsers(ws: Workspace, specs: UserSpec[], random: () => number): void {
  for (const spec of specs) {
    const [firstName = '', ...rest] = spec.realName.split(' ');
    const name = spec.name ?? handleOf(spec.realName);
    const zone = TIME_ZONES.find((z) => z.tz === spec.tz) ?? pick(random, TIME_ZONES);
    const { id, teamId, updated } = nextUserId(ws);
    addUser(ws, {
      id,
      teamId,
      updated,
      name,
      realName: spec.realName,
      displayName: spec.displayName ?? firstName,
      firstName,
      lastName: rest.join(' '),
      title: spec.title ?? pick(random, TITLES),
      email: spec.email ?? `${name}@${ws.emailDomain}`,
      tz: zone.tz,
      tzLabel: zone.label,
      tzOffset: zone.offset,
      color: pick(random, COLORS),
      isBot: false,
      deleted: spec.deleted ?? false,
      isAdmin: spec.isAdmin ?? false,
      isOwner: spec.isOwner ?? false,
      online: spec.online ?? random() < 0.6,
      manualAway: false,
      lastActivity: BASE_CREATED,
    });
  }
}

const FIRST_HANDLES = new Map(FIRST_NAMES.map((n) => [n, handleOf(n)]));
const LAST_HANDLES = new Map(LAST_NAMES.map((n) => [n, handleOf(n)]));

function addGeneratedUsers(ws: Workspace, count: number, random: () => number): void {
  const taken = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const realName = `${firstName} ${lastName}`;
    const base = `${FIRST_HANDLES.get(firstName) ?? ''}.${LAST_HANDLES.get(lastName) ?? ''}`;
    const seen = taken.get(base) ?? 0;
    taken.set(base, seen + 1);
    const name = seen === 0 ? base : `${base}${seen + 1}`;
    const zone = pick(random, TIME_ZONES);
    const { id, teamId, updated } = nextUserId(ws);
    addUser(ws, {
      id,
      teamId,
      updated,
      name,
      realName,
      displayName: `${firstName} ${lastName.charAt(0)}.`,
      firstName,
      lastName,
      title: pick(random, TITLES),
      email: `${name}@${ws.emailDomain}`,
      tz: zone.tz,
      tzLabel: zone.label,
      tzOffset: zone.offset,
      color: pick(random, COLORS),
      isBot: false,
      // The first person owns the workspace; about one in a hundred has left.
      deleted: i > 0 && random() < 0.01,
      isAdmin: i < 3,
      isOwner: i === 0,
      online: random() < 0.6,
      manualAway: false,
      lastActivity: BASE_CREATED,
    });
  }
}

function generatedChannelSpecs(count: number, random: () => number): ChannelSpec[] {
  const fixed: ChannelSpec[] = [
    { name: 'general', general: true, members: 'all', purpose: 'Company-wide announcements and work-based matters' },
    { name: 'random', members: 'all', purpose: 'Non-work banter and water cooler conversation' },
  ];
  const specs = fixed.slice(0, count);
  const taken = new Set(specs.map((s) => s.name));
  for (let i = specs.length; i < count; i += 1) {
    let name = `${pick(random, CHANNEL_PREFIXES)}-${pick(random, CHANNEL_WORDS)}`;
    if (taken.has(name)) name = `${name}-${i}`;
    taken.add(name);
    specs.push({ name, private: i % 10 === 7, archived: i % 20 === 13 });
  }
  return specs;
}

function addChannels(ws: Workspace, specs: ChannelSpec[], random: () => number): void {
  const humans = ws.users.filter((u) => !u.isBot && !u.deleted);
  const bots = ws.users.filter((u) => u.isBot);
  const byHandle = new Map(ws.users.map((u) => [u.name, u.id]));
  const creator = humans[0]?.id ?? '';
  specs.forEach((spec, index) => {
    const members = new Set<string>();
    if (spec.members === 'all') {
      for (const u of humans) members.add(u.id);
      if (spec.general) for (const b of bots) members.add(b.id);
    } else if (spec.members) {
      for (const entry of spec.members) {
        if (entry === 'bot') for (const b of bots) members.add(b.id);
        else members.add(byHandle.get(entry) ?? entry);
      }
    } else {
      // Generated channels: the signed-in person is in half of them, the bots in a third, plus a few others.
      if (index % 2 === 0) members.add(ws.signedInUserId);
      if (index % 3 === 0) for (const b of bots) members.add(b.id);
      const extra = 2 + Math.floor(random() * 5);
      for (let k = 0; k < extra && humans.length > 0; k += 1) members.add(pick(random, humans).id);
    }
    members.delete('');
    const created = BASE_CREATED + index * 3600;
    const kind = spec.private ? 'private_channel' : 'public_channel';
    addConversation(ws, {
      id: nextConversationId(ws, kind),
      teamId: ws.id,
      kind,
      name: spec.name,
      created,
      creator,
      isArchived: spec.archived ?? false,
      isGeneral: spec.general ?? false,
      topic: spec.topic ?? '',
      purpose: spec.purpose ?? '',
      members,
    });
  });
}

/** Builds a workspace from a spec; apps get their bot users. Deterministic for a given spec. */
export function seedWorkspace(spec: WorkspaceSpec, apps: readonly App[] = []): Workspace {
  const ws = emptyWorkspace(spec.teamId, spec.name, spec.domain);
  ws.plan = spec.plan ?? 'pro';
  const random = prng(spec.teamId);
  const users = spec.users ?? 10;
  if (typeof users === 'number') addGeneratedUsers(ws, users, random);
  else addListedUsers(ws, users, random);
  const signedIn = spec.signedInUser ? ws.users.find((u) => u.name === spec.signedInUser) : undefined;
  const signedInUser = signedIn ?? ws.users.find((u) => !u.deleted);
  if (signedInUser) {
    // The person at the keyboard is online, so users.getPresence on them follows setPresence.
    signedInUser.online = true;
    ws.signedInUserId = signedInUser.id;
  }
  for (const app of apps) ensureBotUser(ws, app);
  const channels = spec.channels ?? 10;
  addChannels(ws, typeof channels === 'number' ? generatedChannelSpecs(channels, random) : channels, random);
  return ws;
}
