import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../store/settings';
import {
  normaliseSite,
  ruleFor,
  ruleTrouble,
  siteMenuTargets,
  siteOfPage,
  sitePatterns,
  troubleSentence,
  withoutRule,
  withRule,
  withSiteChanged,
} from './site-rules';

const rule = (site: string, key = `acc:${site}`, label = `#${site}`): SiteRule => ({ site, key, label });

describe('normaliseSite', () => {
  it('writes a host, its port and its path prefix the one way rules keep them', () => {
    expect(normaliseSite('github.com')).toBe('github.com');
    expect(normaliseSite('  GitHub.com  ')).toBe('github.com');
    expect(normaliseSite('https://www.github.com/acme/?tab=repositories#top')).toBe('github.com/acme');
    expect(normaliseSite('github.com/acme/')).toBe('github.com/acme');
    expect(normaliseSite('github.com/acme//')).toBe('github.com/acme');
    expect(normaliseSite('github.com/')).toBe('github.com');
    expect(normaliseSite('localhost:3000/app')).toBe('localhost:3000/app');
    expect(normaliseSite('127.0.0.2:8123')).toBe('127.0.0.2:8123');
    expect(normaliseSite('example.com/a b')).toBeNull();
    expect(normaliseSite('example.com/caf\u00e9')).toBe('example.com/caf%C3%A9');
  });

  it('writes the default ports as none', () => {
    expect(normaliseSite('example.com:443')).toBe('example.com');
    expect(normaliseSite('http://example.com:80/x')).toBe('example.com/x');
  });

  it('refuses what names no web site', () => {
    for (const text of ['', '   ', '/acme', '?q', 'ftp://example.com', 'chrome://extensions', '*.example.com', 'a b'])
      expect(normaliseSite(text), text).toBeNull();
    expect(normaliseSite('example.com:99999')).toBeNull();
    expect(normaliseSite('user:secret@example.com')).toBeNull();
  });
});

describe('siteOfPage', () => {
  it('is the page host with its port, without www', () => {
    expect(siteOfPage('https://www.github.com/acme/repo')).toBe('github.com');
    expect(siteOfPage('http://127.0.0.2:8123/article.html')).toBe('127.0.0.2:8123');
    expect(siteOfPage('https://example.com:443/')).toBe('example.com');
  });

  it('is null off the web', () => {
    expect(siteOfPage('chrome://extensions')).toBeNull();
    expect(siteOfPage('file:///tmp/a.html')).toBeNull();
    expect(siteOfPage('')).toBeNull();
    expect(siteOfPage(undefined)).toBeNull();
    expect(siteOfPage('not a url')).toBeNull();
  });
});

describe('ruleFor', () => {
  it('matches a host on any of its pages, with or without www, in either scheme', () => {
    const rules = [rule('github.com')];
    for (const url of [
      'https://github.com/',
      'https://github.com/acme/repo?tab=1#x',
      'http://www.github.com/',
      'https://GITHUB.com/a',
    ])
      expect(ruleFor(rules, url), url).toBe(rules[0]);
    expect(ruleFor([rule('www.github.com')], 'https://github.com/x')?.site).toBe('www.github.com');
  });

  it('does not match other hosts, subdomains or parent domains', () => {
    const rules = [rule('github.com')];
    for (const url of ['https://gist.github.com/', 'https://github.community/', 'https://notgithub.com/'])
      expect(ruleFor(rules, url), url).toBeUndefined();
    expect(ruleFor([rule('docs.example.com')], 'https://example.com/')).toBeUndefined();
  });

  it('matches a path prefix on whole segments, case-sensitively', () => {
    const rules = [rule('github.com/acme/')];
    for (const url of ['https://github.com/acme', 'https://github.com/acme/', 'https://github.com/acme/repo/pulls?q=1'])
      expect(ruleFor(rules, url), url).toBe(rules[0]);
    for (const url of [
      'https://github.com/acme-corp',
      'https://github.com/Acme/repo',
      'https://github.com/',
      'https://github.com/x/acme',
    ])
      expect(ruleFor(rules, url), url).toBeUndefined();
  });

  it('lets the longest path prefix win, wherever it is in the list', () => {
    const host = rule('github.com', 'acc:C1');
    const org = rule('github.com/acme', 'acc:C2');
    const repo = rule('github.com/acme/site', 'acc:C3');
    for (const rules of [
      [host, org, repo],
      [repo, org, host],
      [org, repo, host],
    ]) {
      expect(ruleFor(rules, 'https://github.com/acme/site/issues')).toBe(repo);
      expect(ruleFor(rules, 'https://github.com/acme/other')).toBe(org);
      expect(ruleFor(rules, 'https://github.com/elsewhere')).toBe(host);
    }
  });

  it('matches every port without one and only its port with one, which wins over none', () => {
    const any = rule('localhost', 'acc:C1');
    const dev = rule('localhost:3000', 'acc:C2');
    expect(ruleFor([any], 'http://localhost:8080/')).toBe(any);
    expect(ruleFor([dev], 'http://localhost:8080/')).toBeUndefined();
    expect(ruleFor([any, dev], 'http://localhost:3000/')).toBe(dev);
    expect(ruleFor([dev, any], 'http://localhost:8080/')).toBe(any);
    // A longer path still beats a port.
    const app = rule('localhost/app', 'acc:C3');
    expect(ruleFor([dev, app], 'http://localhost:3000/app/x')).toBe(app);
  });

  it('matches nothing off the web, and skips rules whose site is unreadable', () => {
    expect(ruleFor([rule('github.com')], 'chrome://newtab')).toBeUndefined();
    expect(ruleFor([rule('github.com')], undefined)).toBeUndefined();
    expect(ruleFor([rule('*bad*'), rule('github.com')], 'https://github.com/')?.site).toBe('github.com');
  });
});

describe('withRule, withoutRule, withSiteChanged', () => {
  it('adds a rule with its site written as rules keep it, replacing the rule for that site', () => {
    const first = withRule([], rule('https://www.github.com/acme/', 'acc:C1', '#one'));
    expect(first).toEqual([{ site: 'github.com/acme', key: 'acc:C1', label: '#one' }]);
    const other = withRule(first!, rule('example.com', 'acc:C1', '#one'));
    const replaced = withRule(other!, rule('github.com/acme', 'acc:C2', '#two'));
    expect(replaced).toEqual([
      { site: 'example.com', key: 'acc:C1', label: '#one' },
      { site: 'github.com/acme', key: 'acc:C2', label: '#two' },
    ]);
    expect(withRule([], rule('nothing here'))).toBeNull();
  });

  it('removes the rule of a site however it is written', () => {
    const rules = [rule('github.com'), rule('github.com/acme')];
    expect(withoutRule(rules, 'https://github.com/acme/')).toEqual([rules[0]]);
    expect(withoutRule(rules, 'example.com')).toEqual(rules);
  });

  it('widens or narrows a rule, refusing a site that is none or that another rule has', () => {
    const rules = [rule('github.com/acme', 'acc:C1'), rule('example.com', 'acc:C2')];
    expect(withSiteChanged(rules, 'github.com/acme', 'github.com')?.[0]).toEqual({ ...rules[0], site: 'github.com' });
    expect(withSiteChanged(rules, 'github.com/acme', 'github.com/acme/site/')?.[0]?.site).toBe('github.com/acme/site');
    expect(withSiteChanged(rules, 'github.com/acme', 'github.com/acme/')).toEqual(rules);
    expect(withSiteChanged(rules, 'github.com/acme', 'www.example.com')).toBeNull();
    expect(withSiteChanged(rules, 'github.com/acme', '')).toBeNull();
  });
});

describe('sitePatterns and siteMenuTargets', () => {
  it('give the pages of a site as the menus filter them, ports left out', () => {
    expect(sitePatterns('github.com')).toEqual(['*://github.com/*', '*://www.github.com/*']);
    expect(sitePatterns('github.com/acme')).toEqual([
      '*://github.com/acme',
      '*://github.com/acme/*',
      '*://github.com/acme?*',
      '*://www.github.com/acme',
      '*://www.github.com/acme/*',
      '*://www.github.com/acme?*',
    ]);
    expect(sitePatterns('127.0.0.2:8123')).toEqual(['*://127.0.0.2/*']);
    expect(sitePatterns('localhost:3000/app')).toEqual([
      '*://localhost/app',
      '*://localhost/app/*',
      '*://localhost/app?*',
    ]);
    expect(sitePatterns('*')).toEqual([]);
  });

  it('list each target once, with all its sites, the most specific rule first', () => {
    const targets = siteMenuTargets([
      rule('github.com', 'acc:C1', '#all-github'),
      rule('github.com/acme', 'acc:C2', '#acme'),
      rule('example.com', 'acc:C1', '#all-github'),
      rule('*', 'acc:C9', '#never'),
    ]);
    expect(targets.map((target) => target.key)).toEqual(['acc:C2', 'acc:C1']);
    expect(targets[1]).toEqual({
      key: 'acc:C1',
      label: '#all-github',
      documentUrlPatterns: ['*://github.com/*', '*://www.github.com/*', '*://example.com/*', '*://www.example.com/*'],
    });
  });
});

describe('ruleTrouble', () => {
  it('follows the directory: gone when it lists the target no more, left without the membership', () => {
    expect(ruleTrouble(undefined)).toBe('gone');
    expect(ruleTrouble({ kind: 'channel', isMember: true, archived: true })).toBe('gone');
    expect(ruleTrouble({ kind: 'channel', isMember: false })).toBe('left');
    expect(ruleTrouble({ kind: 'private', isMember: false })).toBe('left');
    expect(ruleTrouble({ kind: 'channel', isMember: true })).toBeNull();
    // People and DMs have no membership to lose.
    expect(ruleTrouble({ kind: 'user' })).toBeNull();
    expect(ruleTrouble({ kind: 'im', isMember: true })).toBeNull();
  });

  it('says so in a sentence naming the target', () => {
    expect(troubleSentence({ label: '#design' }, 'gone')).toBe(
      '#design is no longer in your channels: it was archived, or left.',
    );
    expect(troubleSentence({ label: '#design' }, 'left')).toBe(
      '#design was left: Courier is not a member of it any more.',
    );
  });
});
