import { describe, expect, it } from 'vitest';
import { createIndex, search, targetFor, warmUp } from './filter';
import type { Target, TargetKind } from './target';

function target(name: string, kind: TargetKind = 'channel', extra: Partial<Target> = {}): Target {
  const accountId = extra.accountId ?? 'A1';
  const id = extra.id ?? `${kind === 'user' ? 'U' : 'C'}-${name}`;
  return { key: `${accountId}:${id}`, accountId, teamName: 'Acme', id, kind, name, ...extra };
}

const names = (targets: Target[]) => targets.map((t) => t.name);

describe('search with an empty query', () => {
  const directory = [
    target('zeta', 'channel', { isMember: true }),
    target('alpha', 'channel', { isMember: true }),
    target('beta', 'channel'),
    target('gamma', 'private', { isMember: true }),
    target('maya', 'user', { realName: 'Maya Chen' }),
    target('omar', 'user'),
    target('old', 'channel', { isMember: true, archived: true }),
  ];
  const index = createIndex(directory);
  const key = (name: string) => directory.find((t) => t.name === name)!.key;

  it('lists favourites, then recents (most recent first), then conversations the user is in, alphabetically', () => {
    const result = search(index, '', {
      favourites: new Set([key('zeta'), key('omar')]),
      recents: [key('beta'), key('maya'), key('zeta')],
    });
    expect(names(result)).toEqual(['omar', 'zeta', 'beta', 'maya', 'alpha', 'gamma']);
  });

  it('lists only member conversations without favourites or recents', () => {
    expect(names(search(index, ''))).toEqual(['alpha', 'gamma', 'zeta']);
    expect(names(search(index, '   '))).toEqual(['alpha', 'gamma', 'zeta']);
  });

  it("narrows to channels with '#' and to people with '@'", () => {
    const options = { recents: [key('maya'), key('beta')] };
    expect(names(search(index, '#', options))).toEqual(['beta', 'alpha', 'gamma', 'zeta']);
    expect(names(search(index, '@', options))).toEqual(['maya']);
  });

  it('never lists archived channels, even as a favourite, recent or member', () => {
    const result = search(index, '', { favourites: new Set([key('old')]), recents: [key('old')] });
    expect(names(result)).not.toContain('old');
    expect(names(search(index, 'old'))).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(names(search(index, '', { limit: 2 }))).toEqual(['alpha', 'gamma']);
  });
});

describe('search ranking', () => {
  const directory = [
    target('garden'), // "gen" in order, within twice its length
    target('engineering'), // "gen" in order, spread out; "engr" in order, within twice its length
    target('regenerate'), // substring
    target('eng-general'), // word start
    target('general'), // prefix
    target('gen'), // exact
    target('design'), // no match for "gen"
    target('maya', 'user', { realName: 'Maya Chen', displayName: 'mchen' }),
    target('kitchen'),
    target('en', 'user', { realName: 'Greg' }),
  ];
  const index = createIndex(directory);
  const key = (name: string) => directory.find((t) => t.name === name)!.key;

  it('ranks exact, prefix and word-start matches, then substrings, then characters in order', () => {
    expect(names(search(index, 'gen'))).toEqual([
      'gen', // exact
      'general', // prefix
      'eng-general', // word start
      'regenerate', // substring
      'garden', // in order, tight
      'engineering', // in order, loose
    ]);
  });

  it('puts an exact match on any field before prefix matches', () => {
    const exact = createIndex([target('ann-team'), target('zed', 'user', { displayName: 'Ann' }), target('annex')]);
    expect(names(search(exact, 'ann'))).toEqual(['zed', 'ann-team', 'annex']);
  });

  it('matches word starts and prefixes of real and display names', () => {
    // "Maya Chen" starts a word with "chen"; "kitchen" only contains it.
    expect(names(search(index, 'chen'))).toEqual(['maya', 'kitchen']);
    expect(names(search(index, 'mch'))).toEqual(['maya']);
    expect(names(search(index, 'Maya C'))).toEqual(['maya']);
  });

  it('matches characters in order within one field, not across name and real name', () => {
    expect(names(search(index, 'engr'))).toEqual(['engineering', 'eng-general']);
    expect(names(search(index, 'engreg'))).toEqual([]);
  });

  it('puts favourites, then recents, first within each tier but not above a better tier', () => {
    const options = {
      favourites: new Set([key('garden'), key('eng-general')]),
      recents: [key('regenerate'), key('general')],
    };
    expect(names(search(index, 'gen', options))).toEqual([
      'eng-general', // favourite, first tier
      'general', // recent, first tier
      'gen',
      'regenerate', // recent, second tier
      'garden', // favourite, third tier
      'engineering',
    ]);
  });

  it('forgets favourites and recents between searches', () => {
    search(index, 'gen', { favourites: new Set([key('garden')]), recents: [key('regenerate')] });
    expect(names(search(index, 'gen'))).toEqual([
      'gen',
      'general',
      'eng-general',
      'regenerate',
      'garden',
      'engineering',
    ]);
  });

  it('ignores case and accents, in queries and in names', () => {
    const accented = createIndex([target('zoe', 'user', { realName: 'Zoë Dubois' }), target('cafe-ops')]);
    expect(names(search(accented, 'ZOË'))).toEqual(['zoe']);
    expect(names(search(accented, 'dubois'))).toEqual(['zoe']);
    expect(names(search(accented, 'CAFÉ'))).toEqual(['cafe-ops']);
  });

  it("narrows to channels with '#' and to people (users, DMs, group DMs) with '@'", () => {
    const mixed = createIndex([
      target('ann', 'channel'),
      target('ann-private', 'private'),
      target('ann', 'user', { id: 'U1' }),
      target('ann', 'im', { id: 'D1' }),
      target('ann--bob', 'mpim', { id: 'G1' }),
    ]);
    expect(search(mixed, '#ann').map((t) => t.kind)).toEqual(['channel', 'private']);
    expect(
      search(mixed, '@ ann')
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['im', 'mpim', 'user']);
    expect(search(mixed, 'ann')).toHaveLength(5);
  });

  it('never returns archived channels', () => {
    const withArchived = createIndex([target('general', 'channel', { archived: true }), target('general-2')]);
    expect(names(search(withArchived, 'general'))).toEqual(['general-2']);
    expect(targetFor(withArchived, 'A1:C-general')?.archived).toBe(true);
  });

  it('stops at the limit', () => {
    expect(names(search(index, 'gen', { limit: 3 }))).toEqual(['gen', 'general', 'eng-general']);
  });
});

describe('incremental narrowing', () => {
  const words = ['eng', 'general', 'ops', 'design', 'infra', 'random', 'help', 'maya', 'chen', 'zoë', 'release'];
  const directory: Target[] = [];
  for (let i = 0; i < 3000; i++) {
    const a = words[i % words.length]!;
    const b = words[(i * 7 + 3) % words.length]!;
    const kind: TargetKind = i % 3 === 0 ? 'user' : i % 5 === 0 ? 'private' : 'channel';
    directory.push(
      target(`${a}-${b}${i % 13}`, kind, {
        id: `X${i}`,
        accountId: i % 2 ? 'A1' : 'A2',
        realName: kind === 'user' ? `${b} ${a}` : undefined,
        isMember: i % 4 === 0,
        archived: i % 17 === 0,
      }),
    );
  }
  const options = {
    favourites: new Set(directory.filter((_, i) => i % 97 === 0).map((t) => t.key)),
    recents: directory.filter((_, i) => i % 89 === 0).map((t) => t.key),
  };

  it('returns what a fresh index returns, while typing, deleting and switching between # and @', () => {
    const sequences = [
      ['e', 'en', 'eng', 'engr', 'eng', 'en', 'e', ''],
      ['g', 'ge', 'gen', 'gene', 'general-', 'general-o'],
      ['#', '#e', '#en', 'en', '@en', '@e', 'e', '#e'],
      ['m', 'ma', 'may', 'maya', 'maya c', 'maya ch', 'mayach', 'm'],
      ['z', 'zo', 'zoe', 'Zoë-', 'zoe-r'],
      ['x', 'xe', 'e', 'ex', 'exo'],
    ];
    const reused = createIndex(directory);
    let compared = 0;
    for (const sequence of sequences) {
      for (const query of sequence) {
        const expected = search(createIndex(directory), query, options);
        expect(search(reused, query, options), query).toEqual(expected);
        if (expected.length) compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('is not changed by a warm-up: the trail a person built stays, and results stay the same', () => {
    const warmed = createIndex(directory);
    search(warmed, 'ma', options);
    const trail = warmed.trail.map((step) => step.text);
    warmUp(warmed);
    expect(warmed.trail.map((step) => step.text)).toEqual(trail);
    for (const query of ['e', 'ea', 'may', '@e', '']) {
      expect(search(warmed, query, options), query).toEqual(search(createIndex(directory), query, options));
    }
  });
});

/** The ranking rules written plainly, without the index's shortcuts, to check `search` against. */
function referenceSearch(directory: Target[], query: string, favourites: Set<string>, recents: string[]): Target[] {
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  let text = plain(query);
  let wanted = (_: Target) => true;
  if (text.startsWith('#')) wanted = (t) => t.kind === 'channel' || t.kind === 'private';
  if (text.startsWith('@')) wanted = (t) => t.kind !== 'channel' && t.kind !== 'private';
  if (/^[#@]/.test(text)) text = text.slice(1).trim();

  const startsWord = (field: string) =>
    [...field].some((_, at) => at > 0 && field.startsWith(text, at) && !/[a-z0-9\u0080-\uffff]/.test(field[at - 1]!));
  const inOrder = (field: string): number | undefined => {
    let at = -1;
    let first = -1;
    for (const char of text) {
      at = field.indexOf(char, at + 1);
      if (at < 0) return undefined;
      if (first < 0) first = at;
    }
    return at - first + 1;
  };
  const rankOf = (t: Target): number => {
    const fields = [t.name, t.displayName, t.realName].filter((f): f is string => !!f).map(plain);
    if (fields.includes(text)) return 0;
    if (fields.some((f) => f.startsWith(text))) return 1;
    if (fields.some(startsWord)) return 2;
    if (fields.some((f) => f.includes(text))) return 3;
    for (const field of fields) {
      const span = inOrder(field);
      if (span !== undefined) return span <= text.length * 2 ? 4 : 5;
    }
    return -1;
  };
  const tierOf = (rank: number) => (rank <= 2 ? 0 : rank === 3 ? 1 : 2);
  const boostOf = (t: Target) =>
    favourites.has(t.key) ? 0 : recents.includes(t.key) ? 1 + recents.indexOf(t.key) : Infinity;
  const order = (a: Target, b: Target) => {
    const nameA = plain(a.name);
    const nameB = plain(b.name);
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    return a.teamName + a.key < b.teamName + b.key ? -1 : 1;
  };
  return directory
    .filter((t) => !t.archived && wanted(t))
    .map((t) => ({ t, rank: rankOf(t) }))
    .filter(({ rank }) => rank >= 0)
    .sort(
      (a, b) => tierOf(a.rank) - tierOf(b.rank) || boostOf(a.t) - boostOf(b.t) || a.rank - b.rank || order(a.t, b.t),
    )
    .map(({ t }) => t);
}

describe('search compared with the rules written plainly', () => {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words = ['eng', 'ops', 'design', 'x', 'e', 'release', 'zoë', 'café', 'a1', 'team', 'help', 'mc', 'chen'];
  const separators = ['-', '_', '.', ' ', ''];
  const kinds: TargetKind[] = ['channel', 'private', 'user', 'im', 'mpim'];
  const directory = Array.from({ length: 1500 }, (_, i) => {
    const kind = pick(kinds);
    const name = random() < 0.1 ? pick(words) : `${pick(words)}${pick(separators)}${pick(words)}${i % 7}`;
    // A workspace has one name: the directory stores it once per workspace.
    const accountId = pick(['A1', 'A2']);
    return target(name, kind, {
      id: `T${i}`,
      accountId,
      teamName: accountId === 'A1' ? 'Globex' : 'Acme',
      displayName: random() < 0.3 ? `${pick(words)}${pick(separators)}${pick(words)}` : undefined,
      realName: random() < 0.4 ? `${pick(words)} ${pick(words)}` : undefined,
      archived: random() < 0.05,
    });
  });
  const favourites = new Set(directory.filter(() => random() < 0.03).map((t) => t.key));
  const recents = directory.filter(() => random() < 0.03).map((t) => t.key);
  const index = createIndex(directory);

  const letters = [...'abcdefghijklmnopqrstuvwxyz'].filter((letter) => words.some((word) => word.includes(letter)));
  const queries = [
    ...letters,
    '1',
    '_',
    '#e',
    '@x',
    'en',
    'eng',
    'e-o',
    'ch',
    'chen',
    'zoe',
    'cafe',
    'dsgn',
    'rls',
    'mcx',
    'x e',
    'ops_',
  ];
  it.each(queries)('%j', (query) => {
    const expected = referenceSearch(directory, query, favourites, recents).map((t) => t.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(search(index, query, { favourites, recents }).map((t) => t.key)).toEqual(expected);
  });
});
