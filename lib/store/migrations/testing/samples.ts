import type { AccountV2, ChainV2, ProfileV2 } from '../v2';
import type { DirectoryV3, HistoryEntryV3, OutboxItemV3 } from '../v3';
import type { DirectoryV4 } from '../v4';

/**
 * Records as each version wrote them, typed against that version's own shapes (the fixture of
 * version 1 is fixture-v1.ts). Frozen: they describe the past, so they never follow today's records.
 */

export const profileV2 = {
  id: 'p1',
  name: 'Acme app',
  baseUrl: 'https://slack.com',
  clientType: 'confidential',
  clientId: '1.2',
  botScopes: ['chat:write'],
  userScopes: [],
  actions: ['send_message'],
  createdAt: 1,
  updatedAt: 2,
} satisfies ProfileV2;

export const accountV2 = {
  id: 'p1:T1',
  profileId: 'p1',
  teamId: 'T1',
  teamName: 'Acme',
  appId: 'A1',
  botScopes: ['chat:write'],
  userScopes: [],
  status: 'connected',
  linkedAt: 1,
  updatedAt: 2,
} satisfies AccountV2;

export const chainV2 = { id: 'p1:T1:bot', accountId: 'p1:T1', kind: 'bot', version: 1 } satisfies ChainV2;

export const directoryV3 = {
  accountId: 'p1:T1',
  teamName: 'Acme',
  refreshedAt: 1,
  targets: [{ key: 'p1:T1:C1', accountId: 'p1:T1', teamName: 'Acme', id: 'C1', kind: 'channel', name: 'general' }],
} satisfies DirectoryV3;

export const outboxItemV3 = {
  id: 'o1',
  accountId: 'p1:T1',
  channel: 'C1',
  label: '#general',
  text: 'hi',
  unfurl: true,
  state: 'failed',
  attempts: 1,
  createdAt: 1,
  nextAttemptAt: 2,
  reason: 'Slack was unreachable.',
} satisfies OutboxItemV3;

export const historyEntryV3 = {
  id: 'h1',
  accountId: 'p1:T1',
  teamName: 'Acme',
  channel: 'C1',
  label: '#general',
  text: 'sent',
  sentAt: 3,
} satisfies HistoryEntryV3;

const columns = { ids: 'C1', names: '', realNames: '', haystacks: 'general', kinds: [0], flags: [2] };

/** One directory in the columns format, and one from a build before `format` existed. */
export const directoriesV4 = [
  { accountId: 'p1:T1', teamName: 'Acme', refreshedAt: 5, format: 2, count: 1, ...columns },
  { accountId: 'p2:T2', teamName: 'Beta', refreshedAt: 6, count: 1, ...columns },
] satisfies DirectoryV4[];
