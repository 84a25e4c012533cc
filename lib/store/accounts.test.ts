// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listAccountSummaries } from './accounts';
import { freshStore } from './testing/fresh-store';
import { accountDraft, botChain, profileDraft, userChain } from './testing/samples';

describe('accounts', () => {
  it('links a team and updates it in place when it is linked again', async () => {
    const store = await freshStore();
    const linked = await store.accounts.upsert(accountDraft);
    expect(linked).toEqual({ ...accountDraft, linkedAt: store.clock.now, updatedAt: store.clock.now });
    store.clock.now += 60_000;
    const relinked = await store.accounts.upsert({ ...accountDraft, teamName: 'Acme Corp', userScopes: [] });
    expect(relinked).toMatchObject({ teamName: 'Acme Corp', linkedAt: linked.linkedAt, updatedAt: store.clock.now });
    await expect(store.accounts.list()).resolves.toEqual([relinked]);
    await expect(store.accounts.get(accountDraft.id)).resolves.toEqual(relinked);
  });

  it('lists by profile', async () => {
    const store = await freshStore();
    await store.accounts.upsert(accountDraft);
    await store.accounts.upsert({ ...accountDraft, id: 'p1:T2', teamId: 'T2', teamName: 'Beta' });
    await store.accounts.upsert({ ...accountDraft, id: 'p2:T1', profileId: 'p2' });
    const ids = (await store.accounts.listByProfile('p1')).map(({ id }) => id);
    expect(ids.sort()).toEqual(['p1:T1', 'p1:T2']);
  });

  it('refuses an id that is not its profile and team', async () => {
    const store = await freshStore();
    await expect(store.accounts.upsert({ ...accountDraft, id: 'T1' })).rejects.toThrow();
  });

  it('sets the status, with a reason only when one is given', async () => {
    const store = await freshStore();
    await store.accounts.upsert(accountDraft);
    store.clock.now += 1;
    const broken = await store.accounts.setStatus(accountDraft.id, 'needs_reconnect', 'The token was revoked.');
    expect(broken).toMatchObject({
      status: 'needs_reconnect',
      reason: 'The token was revoked.',
      updatedAt: store.clock.now,
    });
    const fixed = await store.accounts.setStatus(accountDraft.id, 'connected');
    expect(fixed?.status).toBe('connected');
    expect(fixed).not.toHaveProperty('reason');
    await expect(store.accounts.get(accountDraft.id)).resolves.toEqual(fixed);
    await expect(store.accounts.setStatus('p9:T9', 'connected')).resolves.toBeUndefined();
  });

  it('removes an account together with its chains only', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    await store.chains.saveLinked(accountDraft, [botChain, userChain]);
    const other = { ...accountDraft, id: 'p1:T2', teamId: 'T2' };
    await store.chains.saveLinked(other, [{ ...botChain, id: 'p1:T2:bot', accountId: 'p1:T2' }]);
    await store.accounts.remove(accountDraft.id);
    await expect(store.accounts.list()).resolves.toMatchObject([{ id: 'p1:T2' }]);
    await expect(store.chains.listMeta()).resolves.toMatchObject([{ id: 'p1:T2:bot' }]);
    await expect(store.profiles.list()).resolves.toHaveLength(1);
  });

  it('summarises when a PKCE sign-in ends: its live chains’ earliest refresh-token end', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    const end = botChain.refreshedAt + 30 * 86_400_000;
    await store.chains.saveLinked(accountDraft, [
      { ...botChain, refreshExpiresAt: end + 60_000 },
      { ...userChain, refreshExpiresAt: end },
    ]);
    await expect(listAccountSummaries(store.db)).resolves.toMatchObject([{ signInEndsAt: end }]);
    // A dead chain ends nothing any more: the account needs a reconnect instead.
    await store.chains.markDead(userChain.id, 'invalid_refresh_token');
    await expect(listAccountSummaries(store.db)).resolves.toMatchObject([{ signInEndsAt: end + 60_000 }]);
    await store.chains.markDead(botChain.id, 'invalid_refresh_token');
    const [summary] = await listAccountSummaries(store.db);
    expect(summary).not.toHaveProperty('signInEndsAt');
  });

  it('remembers a run-out warning until the account is linked again', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    await store.chains.saveLinked(accountDraft, [botChain]);
    await store.accounts.noteRunOutWarning(accountDraft.id, 42);
    await store.accounts.setStatus(accountDraft.id, 'connected');
    await expect(store.accounts.get(accountDraft.id)).resolves.toMatchObject({ runOutWarnedFor: 42 });
    await store.chains.saveLinked(accountDraft, [botChain]);
    await expect(store.accounts.get(accountDraft.id)).resolves.not.toHaveProperty('runOutWarnedFor');
    await expect(store.accounts.noteRunOutWarning('p9:T9', 42)).resolves.toBeUndefined();
    await expect(store.accounts.list()).resolves.toHaveLength(1);
  });

  it('summarises accounts for the UI without any token material', async () => {
    const store = await freshStore();
    await store.profiles.put(profileDraft);
    await store.chains.saveLinked(accountDraft, [botChain, userChain]);
    await store.accounts.upsert({ ...accountDraft, id: 'p2:T0', profileId: 'p2', teamId: 'T0', teamName: 'Zeta' });
    await store.accounts.setStatus('p2:T0', 'needs_reconnect', 'Reconnect it.');
    await expect(listAccountSummaries(store.db)).resolves.toEqual([
      {
        id: 'p1:T1',
        profileId: 'p1',
        profileName: 'Acme app',
        teamId: 'T1',
        teamName: 'Acme',
        authedUserId: 'U1',
        botScopes: accountDraft.botScopes,
        userScopes: accountDraft.userScopes,
        status: 'connected',
      },
      {
        id: 'p2:T0',
        profileId: 'p2',
        teamId: 'T0',
        teamName: 'Zeta',
        authedUserId: 'U1',
        botScopes: accountDraft.botScopes,
        userScopes: accountDraft.userScopes,
        status: 'needs_reconnect',
        reason: 'Reconnect it.',
      },
    ]);
  });
});
