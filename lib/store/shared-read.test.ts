// @vitest-environment node
import { expect, it } from 'vitest';
import { sharedReads } from './shared-read';

/** A store of one value whose reads are counted and take a turn of the event loop. */
function store() {
  let value = 0;
  const reads: string[] = [];
  return {
    reads,
    write: (next: number) => (value = next),
    read: (key: string) => {
      reads.push(key);
      const seen = value;
      return new Promise<number>((resolve) => setTimeout(() => resolve(seen), 1));
    },
  };
}

it('callers that ask together share one read per key', async () => {
  const s = store();
  const read = sharedReads(s.read);

  const values = await Promise.all([read('a'), read('a'), read('b'), read('a'), read('b')]);

  expect(values).toEqual([0, 0, 0, 0, 0]);
  expect(s.reads).toEqual(['a', 'b']);
});

it('a caller that asks once a read has started gets a new read, which sees writes made before it asked', async () => {
  const s = store();
  const read = sharedReads(s.read);

  const first = read();
  await Promise.resolve();
  await Promise.resolve();
  s.write(1);
  const second = read();

  expect(await first).toBe(0);
  expect(await second).toBe(1);
  expect(s.reads).toEqual(['', '']);
});

it('a write made before asking is always seen, even while an earlier read is waiting to start', async () => {
  const s = store();
  const read = sharedReads(s.read);

  const first = read();
  s.write(2);
  const second = read();

  // Both asked before the shared read started, so it runs after the write.
  expect([await first, await second]).toEqual([2, 2]);
  expect(s.reads).toHaveLength(1);
});
