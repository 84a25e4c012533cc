import { describe, expect, it } from 'vitest';
import { toColumns } from './columns';
import { listedIn } from './lookup';
import type { Target } from './target';

const target = (id: string, name: string, extra: Partial<Target> = {}): Target => ({
  key: `acc:${id}`,
  accountId: 'acc',
  teamName: 'Acme',
  id,
  kind: 'channel',
  name,
  ...extra,
});

describe('listedIn', () => {
  const workspace = {
    accountId: 'acc',
    teamName: 'Acme',
    ...toColumns([
      target('C2', 'random', { isMember: false }),
      target('C1', 'general', { isMember: true }),
      target('C12', 'zeta', { kind: 'private', isMember: true }),
      target('U1', 'maya', { kind: 'user' }),
      target('C3', 'old', { archived: true, isMember: true }),
    ]),
  };

  it('finds a target by its whole id, with its kind and flags', () => {
    expect(listedIn(workspace, 'C1')).toEqual({ kind: 'channel', isMember: true });
    expect(listedIn(workspace, 'C2')).toEqual({ kind: 'channel', isMember: false });
    expect(listedIn(workspace, 'C12')).toEqual({ kind: 'private', isMember: true });
    expect(listedIn(workspace, 'U1')).toEqual({ kind: 'user', isMember: false });
    expect(listedIn(workspace, 'C3')).toEqual({ kind: 'channel', isMember: true, archived: true });
  });

  it('does not take part of an id for another', () => {
    expect(listedIn(workspace, 'C')).toBeUndefined();
    expect(listedIn(workspace, '2')).toBeUndefined();
    expect(listedIn(workspace, 'C9')).toBeUndefined();
    expect(listedIn(workspace, '')).toBeUndefined();
    expect(listedIn({ accountId: 'acc', teamName: 'Acme', ...toColumns([]) }, 'C1')).toBeUndefined();
  });
});
