// @vitest-environment node
import { expect, it } from 'vitest';
import { openCourierDB } from './db';
import type { HistoryEntry, OutboxItem } from './sending-records';
import { createOutboxWrites } from './outbox-writes';

let databases = 0;

/** A fresh database, and the same database counting the transactions opened through it. */
async function fresh() {
  const db = await openCourierDB(`outbox-writes-${++databases}`);
  const scopes: string[][] = [];
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<typeof db.transaction>) => {
        const [names] = args;
        scopes.push(typeof names === 'string' ? [names] : Array.from(names));
        return target.transaction(...args);
      };
    },
  });
  return { db, counted, scopes };
}

const item = (id: string, state: OutboxItem['state'] = 'sending'): OutboxItem => ({
  id,
  accountId: 'p1:T1',
  channel: `C${id}`,
  label: `#${id}`,
  text: id,
  unfurl: false,
  state,
  attempts: 1,
  createdAt: 1,
  nextAttemptAt: 1,
});

const entry = (id: string): HistoryEntry => ({
  id,
  accountId: 'p1:T1',
  teamName: 'Acme',
  channel: `C${id}`,
  label: `#${id}`,
  text: id,
  sentAt: 2,
});

it('writes asked for in the same turn commit in one transaction, each resolving once it has', async () => {
  const { db, counted, scopes } = await fresh();
  await db.put('outbox', item('moved', 'pending'));
  const writes = createOutboxWrites(counted);

  await Promise.all([
    ...Array.from({ length: 50 }, (_, i) => writes.put(item(`m${i}`))),
    writes.move('moved', entry('moved')),
  ]);

  expect(scopes).toEqual([['outbox', 'history']]);
  expect(await db.count('outbox')).toBe(50);
  expect((await db.get('outbox', 'm49'))?.state).toBe('sending');
  expect(await db.get('outbox', 'moved')).toBeUndefined();
  expect(await db.get('history', 'moved')).toEqual(entry('moved'));
});

it('writes asked for in later turns get transactions of their own', async () => {
  const { counted, scopes } = await fresh();
  const writes = createOutboxWrites(counted);

  await writes.put(item('a'));
  await writes.put(item('b'));

  expect(scopes).toHaveLength(2);
});

it('a value that cannot be stored fails alone; the others in its transaction commit', async () => {
  const { db, counted } = await fresh();
  const writes = createOutboxWrites(counted);
  const unstorable = { ...item('bad'), text: (() => 'no') as unknown as string };

  const results = await Promise.allSettled([writes.put(item('a')), writes.put(unstorable), writes.put(item('b'))]);

  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((await db.getAllKeys('outbox')).sort()).toEqual(['a', 'b']);
});

it('a closed database fails every write of the turn, and nothing is left waiting', async () => {
  const { db, counted } = await fresh();
  const writes = createOutboxWrites(counted);
  db.close();

  const results = await Promise.allSettled([writes.put(item('a')), writes.move('a', entry('a'))]);

  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
});
