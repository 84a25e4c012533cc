import { describe, expect, it } from 'vitest';
import { decodeEntities, readMrkdwn } from './mrkdwn';

const text = (value: string) => ({ kind: 'text', text: value });
const link = (url: string, label: string) => ({ kind: 'link', url, label });

describe('readMrkdwn', () => {
  it('reads links with and without labels, between text', () => {
    expect(readMrkdwn('from <https://example.com/a|How we ship…> and <https://example.com/b>')).toEqual([
      text('from '),
      link('https://example.com/a', 'How we ship…'),
      text(' and '),
      link('https://example.com/b', 'https://example.com/b'),
    ]);
    expect(readMrkdwn('<http://intranet.test/x?a=1&amp;b=2|Intranet>')).toEqual([
      link('http://intranet.test/x?a=1&b=2', 'Intranet'),
    ]);
  });

  it('decodes &amp; &lt; &gt; once, in text and labels, and never turns them into markup', () => {
    expect(readMrkdwn('Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;')).toEqual([text('Fish & chips <b>bold</b>')]);
    expect(readMrkdwn('&amp;lt;https://evil.test&amp;gt;')).toEqual([text('&lt;https://evil.test&gt;')]);
    expect(readMrkdwn('&lt;https://evil.test|click&gt;')).toEqual([text('<https://evil.test|click>')]);
    expect(readMrkdwn('<https://a.test|Q&amp;A &lt;3>')).toEqual([link('https://a.test/', 'Q&A <3')]);
    expect(decodeEntities('&quot;&#39;&nbsp;')).toBe('&quot;&#39;&nbsp;');
  });

  it('shows channels, people and broadcasts as text', () => {
    expect(readMrkdwn('See <#C123|general>, <#C456>, <@U123>, <@U9|maya> and <!here>')).toEqual([
      text('See #general, #C456, @U123, @maya and @here'),
    ]);
    expect(readMrkdwn('<!subteam^S1|@design> <!date^1700000000^{date}|14 Nov> <!channel>')).toEqual([
      text('@design 14 Nov @channel'),
    ]);
  });

  it('makes links of http(s) only: other schemes are their label as text', () => {
    for (const hostile of [
      '<javascript:alert(1)|click me>',
      '<JavaScript:alert(1)|click me>',
      '< javascript:alert(1)|click me>',
      '<data:text/html;base64,PHNjcmlwdD4=|click me>',
      '<vbscript:msgbox(1)|click me>',
      '<file:///etc/passwd|click me>',
      '<chrome-extension://abc/options.html|click me>',
      '<mailto:a@b.test|click me>',
    ]) {
      expect(readMrkdwn(hostile), hostile).toEqual([text('click me')]);
    }
    expect(readMrkdwn('<javascript:alert(1)>')).toEqual([text('javascript:alert(1)')]);
    expect(readMrkdwn('<javascript:alert(1)|https://safe.test>')).toEqual([text('https://safe.test')]);
    expect(readMrkdwn('<http://>')).toEqual([text('http://')]);
    // The URL parser's own reading is what goes into href: no stray whitespace or control characters.
    expect(readMrkdwn('<https://a.test/\tx|A>')).toEqual([link('https://a.test/x', 'A')]);
    expect(readMrkdwn('<HTTPS://A.TEST|A>')).toEqual([link('https://a.test/', 'A')]);
  });

  it('leaves unclosed and nested brackets as text', () => {
    expect(readMrkdwn('a <https://a.test|unclosed')).toEqual([text('a <https://a.test|unclosed')]);
    expect(readMrkdwn('a > b')).toEqual([text('a > b')]);
    expect(readMrkdwn('<https://a.test|<https://b.test>>')).toEqual([
      text('<https://a.test|'),
      link('https://b.test/', 'https://b.test'),
      text('>'),
    ]);
    expect(readMrkdwn('<<javascript:alert(1)|x>>')).toEqual([text('<x>')]);
    expect(readMrkdwn('<>')).toEqual([]);
    expect(readMrkdwn('')).toEqual([]);
  });

  it('splits a link at its first |: the label may hold more', () => {
    expect(readMrkdwn('<https://a.test|one | two>')).toEqual([link('https://a.test/', 'one | two')]);
    expect(readMrkdwn('<https://a.test|>')).toEqual([link('https://a.test/', 'https://a.test')]);
  });

  it('reads a long hostile run in linear time', () => {
    const started = performance.now();
    const pieces = readMrkdwn('<'.repeat(50_000) + 'x' + '>'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.label)).join('')).toContain('x');
  });
});
