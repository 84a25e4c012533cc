// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createLocks } from './locks';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createLocks without Web Locks (the per-context queue)', () => {
  it('runs works on one name one at a time, in order', async () => {
    const withLock = createLocks(undefined);
    const events: string[] = [];
    let holders = 0;
    let most = 0;
    const work = (id: number) =>
      withLock('chain', async () => {
        holders++;
        most = Math.max(most, holders);
        events.push(`start ${id}`);
        await tick();
        events.push(`end ${id}`);
        holders--;
        return id;
      });

    await expect(Promise.all([work(1), work(2), work(3)])).resolves.toEqual([1, 2, 3]);
    expect(most).toBe(1);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('does not make different names wait for each other', async () => {
    const withLock = createLocks(undefined);
    let release!: () => void;
    const held = withLock('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(withLock('b', () => Promise.resolve('b ran'))).resolves.toBe('b ran');
    release();
    await held;
  });

  it('a rejected work rejects its caller only and does not break the queue', async () => {
    const withLock = createLocks(undefined);
    const order: string[] = [];
    const failing = withLock('chain', async () => {
      await tick();
      order.push('failing');
      throw new Error('boom');
    });
    const next = withLock('chain', () => {
      order.push('next');
      return Promise.resolve('ok');
    });

    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    expect(order).toEqual(['failing', 'next']);
    // The queue still works once it has drained.
    await expect(withLock('chain', () => Promise.resolve('later'))).resolves.toBe('later');
  });

  it('a work that throws synchronously is still a rejection, not an exception', async () => {
    const withLock = createLocks(undefined);
    const sync = (() => {
      throw new Error('sync');
    }) as () => Promise<never>;
    await expect(withLock('chain', sync)).rejects.toThrow('sync');
    await expect(withLock('chain', () => Promise.resolve(1))).resolves.toBe(1);
  });

  it('uses the Web Locks API when there is one', async () => {
    const names: string[] = [];
    const locks = {
      request: (name: string, _options: LockOptions, work: () => Promise<unknown>) => {
        names.push(name);
        return work();
      },
    } as unknown as LockManager;
    await expect(createLocks(locks)('courier-chain:x', () => Promise.resolve(7))).resolves.toBe(7);
    expect(names).toEqual(['courier-chain:x']);
  });
});
