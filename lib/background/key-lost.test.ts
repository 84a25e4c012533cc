// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateSealingKey } from '../crypto/key';
import { seal } from '../crypto/seal';
import { KEY_LOST_REASON } from '../store/key-lost';
import { chainId } from '../store/records';
import { outboxSupport, useEmulator } from '../outbox/testing/emulator';
import { toProfileView } from './handlers/profiles';
import { createServices } from './services';

const emulator = useEmulator();
const { channelId, calls, linked } = outboxSupport(emulator);

describe('a workspace whose sign-in was sealed under a lost key', () => {
  it('after a start that finds the key gone: its sends wait as needing a reconnect, not retried', async () => {
    const h = await linked();
    await h.services.store.db.delete('keys', 'sealing');
    const restarted = await createServices();
    const item = h.item(channelId('engineering'));

    const result = await restarted.outbox.enqueue(item);

    expect(result).toMatchObject({ state: 'failed', error: { kind: 'needs_reconnect', message: KEY_LOST_REASON } });
    expect(await h.stored(item.id)).toMatchObject({ state: 'failed', reason: KEY_LOST_REASON });
    expect(calls('chat.postMessage')).toBe(0);
    await expect(restarted.store.accounts.get(h.account.id)).resolves.toMatchObject({ status: 'needs_reconnect' });
    // A drain leaves it waiting for the person.
    await restarted.outbox.drain();
    expect(await h.stored(item.id)).toMatchObject({ state: 'failed', attempts: 1 });
    // Its profile still lists; the form is told the secret must be entered again.
    const [profile] = await restarted.store.profiles.list();
    expect(toProfileView(profile!)).toMatchObject({ hasSecret: false, secretLost: true });
  });

  it('found on first use (the key opens nothing of it): the workspace is marked and the send waits', async () => {
    const h = await linked();
    const { db } = h.services.store;
    const id = chainId(h.account.id, 'bot');
    const chain = await db.get('chains', id);
    if (!chain) throw new Error('no bot chain');
    const tokens = await seal(
      await generateSealingKey(),
      '{"accessToken":"x"}',
      JSON.stringify(['chain', id, 'tokens']),
    );
    await db.put('chains', { ...chain, sealedTokens: tokens });
    const item = h.item(channelId('engineering'));

    const result = await h.services.outbox.enqueue(item);

    expect(result).toMatchObject({ state: 'failed', error: { kind: 'needs_reconnect', message: KEY_LOST_REASON } });
    expect(await h.stored(item.id)).toMatchObject({ state: 'failed' });
    const account = await h.services.store.accounts.get(h.account.id);
    expect(account).toMatchObject({ status: 'needs_reconnect' });
    expect(account?.reason).toContain(KEY_LOST_REASON);
    expect((await h.services.store.chains.listMeta(h.account.id)).find((c) => c.id === id)?.dead).toBeDefined();
  });
});
