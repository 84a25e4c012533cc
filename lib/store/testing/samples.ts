import type { AccountDraft, ChainDraft, ProfileDraft } from '../records';

/** Realistic-looking records for tests; the secrets are the strings a raw dump must never show. */
export const SECRETS = {
  clientSecret: '8f3b2c1d9e7a4f60b5c3d2e1f0a9b8c7',
  botAccess: 'xoxe.xoxb-1-MTcwMDAwMDAwMGJvdEFjY2Vzcw-Kq7Zr',
  botRefresh: 'xoxe-1-My0xNzAwYm90UmVmcmVzaA-Wp4Lm',
  userAccess: 'xoxe.xoxp-1-VXNlckFjY2Vzc1Rva2Vu-Hj2Nb',
  userRefresh: 'xoxe-1-dXNlclJlZnJlc2hUb2tlbg-Tc9Qx',
} as const;

export const profileDraft: ProfileDraft = {
  id: 'p1',
  name: 'Acme app',
  baseUrl: 'https://slack.com',
  clientType: 'confidential',
  clientId: '1111.2222',
  clientSecret: SECRETS.clientSecret,
  botScopes: ['chat:write', 'channels:read'],
  userScopes: ['users:write'],
  actions: ['chat.postMessage'],
};

export const accountDraft: AccountDraft = {
  id: 'p1:T1',
  profileId: 'p1',
  teamId: 'T1',
  teamName: 'Acme',
  teamUrl: 'https://acme.slack.com/',
  appId: 'A1',
  botUserId: 'U0BOT',
  authedUserId: 'U1',
  botScopes: ['chat:write', 'channels:read'],
  userScopes: ['users:write'],
  status: 'connected',
};

export const botChain: ChainDraft = {
  id: 'p1:T1:bot',
  accountId: 'p1:T1',
  kind: 'bot',
  accessToken: SECRETS.botAccess,
  refreshToken: SECRETS.botRefresh,
  expiresAt: 1_700_043_200_000,
  lifetimeMs: 43_200_000,
  scopes: ['chat:write', 'channels:read'],
  refreshedAt: 1_700_000_000_000,
};

export const userChain: ChainDraft = {
  id: 'p1:T1:user',
  accountId: 'p1:T1',
  kind: 'user',
  accessToken: SECRETS.userAccess,
  refreshToken: SECRETS.userRefresh,
  expiresAt: 1_700_043_200_000,
  lifetimeMs: 43_200_000,
  scopes: ['users:write'],
  refreshedAt: 1_700_000_000_000,
};
