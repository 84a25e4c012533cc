import { describe, expect, it } from 'vitest';
import { toColumns } from './columns';
import { indexDirectory } from './directory-index';
import { searchPositions } from './filter';
import type { Target } from './target';

function target(accountId: string, teamName: string, id: string, name: string, extra: Partial<Target> = {}): Target {
  return { key: `${accountId}:${id}`, accountId, teamName, id, kind: 'channel', name, isMember: false, ...extra };
}

function workspace(accountId: string, teamName: string, targets: Target[]) {
  return { accountId, teamName, ...toColumns(targets) };
}

const acme = [
  target('p1:T1', 'Acme', 'C12', 'general', { isMember: true }),
  target('p1:T1', 'Acme', 'C1', 'Zeta'),
  target('p1:T1', 'Acme', 'U7', 'maya', { kind: 'user', realName: 'Maya Chén', displayName: 'mc' }),
  target('p1:T1', 'Acme', 'C9', 'old', { archived: true, isMember: true }),
];
const globex = [
  target('p2:T2', 'Globex', 'C3', 'general'),
  target('p2:T2', 'Globex', 'C4', 'alpha', { kind: 'private', isMember: true }),
];
const all = () => {
  const index = indexDirectory([workspace('p2:T2', 'Globex', globex), workspace('p1:T1', 'Acme', acme)]);
  return { index, targets: Array.from({ length: index.count }, (_, position) => index.targetAt(position)) };
};

describe('indexDirectory', () => {
  it('merges workspaces in name order, ties by team, and gives every target back as stored but its display name', () => {
    const { index, targets } = all();
    expect(index.workspaceCount).toBe(2);
    expect(targets.map((t) => `${t.name}/${t.teamName}`)).toEqual([
      'alpha/Globex',
      'general/Acme',
      'general/Globex',
      'maya/Acme',
      'old/Acme',
      'Zeta/Acme',
    ]);
    // The display name is searched (through the haystack), never shown: it is not stored.
    const { displayName, ...shown } = acme[2]!;
    expect(targets.find((t) => t.id === 'U7')).toEqual(shown);
    expect(searchPositions(index, displayName!).map((position) => index.targetAt(position).id)).toEqual(['U7']);
    // A name that is not its folded form is stored as it is.
    expect(targets.find((t) => t.id === 'C1')).toEqual(acme[1]);
    expect(targets.find((t) => t.id === 'C9')).toEqual(acme[3]);
    expect(targets.find((t) => t.id === 'C4')).toEqual(globex[1]);
  });

  it('finds a key by its account and id, whole ids only, archived or not', () => {
    const { index } = all();
    const at = (key: string) => {
      const position = index.positionOf(key);
      return position === undefined ? undefined : index.targetAt(position).key;
    };
    expect(at('p1:T1:C1')).toBe('p1:T1:C1');
    expect(at('p1:T1:C12')).toBe('p1:T1:C12');
    expect(at('p1:T1:C9')).toBe('p1:T1:C9');
    expect(at('p2:T2:C3')).toBe('p2:T2:C3');
    expect(at('p1:T1:C')).toBeUndefined();
    expect(at('p1:T1:2')).toBeUndefined();
    expect(at('p2:T2:C1')).toBeUndefined();
    expect(at('nobody:C1')).toBeUndefined();
  });

  it('lists members and never archived targets', () => {
    const { index } = all();
    const names = (query: string) => searchPositions(index, query).map((position) => index.targetAt(position).name);
    expect(names('')).toEqual(['alpha', 'general']);
    expect(names('old')).toEqual([]);
    expect(names('chen')).toEqual(['maya']);
  });

  it('searches the same before and after prepare()', () => {
    const single = indexDirectory([workspace('p1:T1', 'Acme', acme)]);
    const before = ['g', 'ge', 'm', 'mc', 'z'].map((query) => searchPositions(single, query));
    const fresh = indexDirectory([workspace('p1:T1', 'Acme', acme)]);
    let steps = 0;
    while (fresh.prepare()) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(['g', 'ge', 'm', 'mc', 'z'].map((query) => searchPositions(fresh, query))).toEqual(before);
    expect(before.flat().length).toBeGreaterThan(4);
  });

  it('is empty without workspaces or targets', () => {
    expect(indexDirectory([]).count).toBe(0);
    const empty = indexDirectory([workspace('p1:T1', 'Acme', [])]);
    expect(searchPositions(empty, 'a')).toEqual([]);
    expect(empty.positionOf('p1:T1:C1')).toBeUndefined();
  });
});
