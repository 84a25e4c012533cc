// What a lived-in workspace has besides people and channels, so every method has something real to
// return: history with threads in the general channel, a few files (two shared there, one private),
// usergroups, a scheduled message per bot and for the signed-in person, and a pending Slack Connect
// invite. Timestamps are relative to the emulator clock at seeding time ("recent" history).
import { randomBytes } from 'node:crypto';
import { fileTypeOf } from './filetypes';
import { makeId } from './ids';
import type { Conversation, FileRecord, Message, User, Workspace } from './model';
import type { EmulatorState } from './state';
import { BASE_CREATED } from './workspace';

interface SeedMessage {
  text: string;
  /** Index into the thread's replies: [author offset, text]. */
  replies?: [number, string][];
  file?: { name: string; title: string; bytes: Buffer };
}

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const HISTORY: SeedMessage[] = [
  { text: 'Welcome, everyone! :wave: Handbook and holiday calendar are pinned here.' },
  {
    text: 'Reminder: the deploy freeze starts Friday at 18:00 CET.',
    replies: [
      [2, 'Noted, I will land the migration before then.'],
      [3, 'Same for the search indexer.'],
    ],
  },
  {
    text: 'Q3 roadmap draft, comments welcome',
    file: {
      name: 'q3-roadmap.pdf',
      title: 'Q3 roadmap (draft)',
      bytes: Buffer.from('%PDF-1.4\n% emulator sample\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
    },
  },
  { text: 'New design tokens are live in Figma.', replies: [[1, 'Love the new greys.']] },
  { text: 'Weekly metrics: sign-ups +12% week over week.' },
  {
    text: 'Notes from this morning’s stand-up',
    file: { name: 'standup-notes.txt', title: 'Stand-up notes', bytes: Buffer.from('- shipped search\n- fix CI\n') },
  },
];

function nth<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function tsAt(seconds: number, micros: number): string {
  return `${seconds}.${String(micros).padStart(6, '0')}`;
}

function addFile(ws: Workspace, owner: User, spec: NonNullable<SeedMessage['file']>, created: number): FileRecord {
  const file: FileRecord = {
    id: makeId('F', ws.idTag, ws.nextSeq.file++),
    teamId: ws.id,
    name: spec.name,
    title: spec.title,
    ...fileTypeOf(spec.name),
    user: owner.id,
    created,
    size: spec.bytes.length,
    bytes: spec.bytes,
    shares: [],
    publicUrlShared: false,
    publicSecret: randomBytes(5).toString('hex'),
    deleted: false,
  };
  ws.files.push(file);
  return file;
}

function seedHistory(state: EmulatorState, ws: Workspace, general: Conversation, humans: User[], now: number): void {
  const messages: Message[] = [];
  HISTORY.forEach((spec, i) => {
    const author = nth(humans, i);
    if (!author) return;
    const seconds = now - (HISTORY.length - i) * 2 * 3600;
    const base: Message = {
      team: ws.id,
      channel: general.id,
      ts: tsAt(seconds, 100),
      text: spec.text,
      user: author.id,
    };
    if (spec.file) {
      const file = addFile(ws, author, spec.file, seconds);
      file.shares.push({ channel: general.id, ts: base.ts });
      Object.assign(base, { subtype: 'file_share', files: [file.id] });
    }
    messages.push(base);
    spec.replies?.forEach(([offset, text], k) => {
      const replier = nth(humans, i + offset) ?? author;
      const ts = tsAt(seconds + (k + 1) * 600, 200 + k);
      messages.push({ team: ws.id, channel: general.id, ts, text, user: replier.id, threadTs: base.ts });
    });
  });
  for (const message of messages) state.messages.push({ ...message, seeded: true });
}

function seedUsergroups(ws: Workspace, humans: User[]): void {
  const group = (name: string, handle: string, description: string, extra: Partial<Workspace['usergroups'][0]>) => {
    ws.usergroups.push({
      id: makeId('S', ws.idTag, ws.nextSeq.usergroup++),
      name,
      handle,
      description,
      autoType: null,
      users: [],
      created: BASE_CREATED + ws.nextSeq.usergroup * 86_400,
      createdBy: humans[0]?.id ?? 'USLACKBOT',
      dateDelete: 0,
      ...extra,
    });
  };
  group('Workspace Admins', 'admins', 'A group of all Administrators on your team.', {
    autoType: 'admin',
    createdBy: 'USLACKBOT',
  });
  group('Workspace Owners', 'owners', 'A group of all Owners on your team.', {
    autoType: 'owner',
    createdBy: 'USLACKBOT',
  });
  group('Core Team', 'core-team', 'The people who keep things running.', {
    users: humans.slice(0, 4).map((u) => u.id),
  });
  group('On-call', 'oncall', 'Whoever carries the pager this week.', { users: humans.slice(1, 3).map((u) => u.id) });
  group('Alumni', 'alumni', 'Retired group, kept for history.', { dateDelete: BASE_CREATED + 400 * 86_400 });
}

function seedScheduled(state: EmulatorState, ws: Workspace, general: Conversation, now: number): void {
  const people = ws.users.filter((u) => u.isBot || u.id === ws.signedInUserId);
  people.forEach((user, i) => {
    state.scheduled.push({
      id: makeId('Q', ws.idTag, ws.nextSeq.scheduled++),
      team: ws.id,
      channel: general.id,
      user: user.id,
      botId: user.botId,
      appId: user.appId,
      postAt: now + (3 + i) * 86_400,
      dateCreated: now - 3600,
      text: user.isBot ? 'Reminder: weekly sync notes are due today.' : 'Happy Friday, everyone!',
      seeded: true,
    });
  });
}

function seedConnectInvite(ws: Workspace, channel: Conversation, inviter: User | undefined, now: number): void {
  if (ws.plan === 'free' || !inviter) return;
  ws.connectInvites.push({
    id: makeId('I', ws.idTag, ws.nextSeq.invite++),
    direction: 'outgoing',
    status: 'pending',
    created: now - 86_400,
    invitingTeamId: ws.id,
    invitingUserId: inviter.id,
    channel: { id: channel.id, name: channel.name, isPrivate: channel.kind === 'private_channel' },
    recipientEmail: 'alex.morgan@partner.example.com',
  });
  channel.pendingExtShared = true;
}

export function seedContent(state: EmulatorState, ws: Workspace): void {
  const now = Math.floor(state.now() / 1000);
  const humans = ws.users.filter((u) => !u.isBot && !u.deleted);
  const general =
    ws.conversations.find((c) => c.isGeneral) ?? ws.conversations.find((c) => c.kind === 'public_channel');
  seedUsergroups(ws, humans);
  const signedIn = ws.usersById.get(ws.signedInUserId);
  if (signedIn) addFile(ws, signedIn, { name: 'team-photo.png', title: 'Team photo', bytes: PNG }, now - 86_400);
  if (!general) return;
  seedHistory(state, ws, general, humans, now);
  seedScheduled(state, ws, general, now);
  const shared = ws.conversations.find((c) => c.kind === 'public_channel' && !c.isGeneral && !c.isArchived);
  seedConnectInvite(ws, shared ?? general, signedIn, now);
}
