// @vitest-environment node
import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { STORAGE_FULL, toWireError } from '../errors';
import { outboxSupport, useEmulator } from './testing/emulator';

const emulator = useEmulator();
const { channelId, copiesOf, calls, linked } = outboxSupport(emulator);

/** The browser refuses every new write to `store`, as a full disk does; returns how to make room again. */
function fill(store: 'outbox' | 'history') {
  // Read off the prototype, not as a method: the spy below takes its place there.
  const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value as (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) => ReturnType<IDBObjectStore['put']>;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('a full disk', () => {
  it('refuses a send whose store-first write fails, with the sentence, and sends nothing', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const waiting = h.item(channel, { state: 'failed', reason: 'Earlier' });
    await h.services.store.db.put('outbox', waiting);
    fill('outbox');

    const refused = await h.services.outbox.enqueue(h.item(channel)).catch((error: unknown) => error);

    expect(toWireError(refused)).toEqual({ kind: 'internal', message: STORAGE_FULL });
    expect(STORAGE_FULL).toMatch(/^Your browser refused to store more data: /);
    expect(calls('chat.postMessage')).toBe(0);
    expect(await h.services.store.db.getAll('outbox')).toEqual([waiting]);
  });

  it('a history write refused after Slack took the message keeps the item, and the retry posts no copy', async () => {
    const h = await linked();
    const channel = channelId('engineering');
    const item = h.item(channel);
    const room = fill('history');

    const result = await h.services.outbox.enqueue(item);

    // Courier tries it again by itself, so the waiting reason keeps what happened and what to free,
    // without "then try again".
    const waiting = STORAGE_FULL.replace(', then try again.', '.');
    expect(result).toMatchObject({ state: 'queued', error: { message: waiting } });
    expect(await h.stored(item.id)).toMatchObject({ state: 'pending', unclear: true, reason: waiting });
    expect(await h.history(item.id)).toBeUndefined();

    room.mockRestore();
    await h.makeDue(item.id);
    await h.services.outbox.drain();
    expect(await h.stored(item.id)).toBeUndefined();
    expect(await h.history(item.id)).toMatchObject({ channel });
    expect(copiesOf(channel, item.id)).toHaveLength(1);
  });
});
