// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  SLACK_TEXT_LIMIT,
  TEXT_BUDGET,
  escapeMrkdwn,
  fallbackText,
  formatShare,
  mrkdwnLink,
  quoteBlock,
  uploadPlan,
} from './format';
import { filenameFromDisposition, sanitizeFilename, uploadFilename } from './filename';
import type { SelectionShare } from './share';

/** Every `<…>` in a text: the only places Slack parses links and mentions. */
const angleTokens = (text: string) => text.match(/<[^<>]*>/g) ?? [];

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >, & first', () => {
    expect(escapeMrkdwn('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('mrkdwnLink', () => {
  it('builds <url|label> with the label escaped and on one line', () => {
    expect(mrkdwnLink('https://example.com/a', 'Tom & Jerry\n <b>')).toBe(
      '<https://example.com/a|Tom &amp; Jerry &lt;b&gt;>',
    );
  });

  it('keeps a | in the label (Slack splits at the first one) but encodes | and angle brackets in the URL', () => {
    const link = mrkdwnLink('https://example.com/a|b?q=<x>', 'Docs | MDN');
    expect(link).toBe('<https://example.com/a%7Cb?q=%3Cx%3E|Docs | MDN>');
    // The URL part, up to the first |, is the whole address.
    expect(link.slice(1, link.indexOf('|'))).toBe('https://example.com/a%7Cb?q=%3Cx%3E');
  });

  it('writes a bare <url> when the label is missing or is the URL itself', () => {
    expect(mrkdwnLink('https://example.com/')).toBe('<https://example.com/>');
    expect(mrkdwnLink('https://example.com/', 'https://example.com/')).toBe('<https://example.com/>');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'chrome://settings', ''])(
    'never links %j: only the escaped label is left',
    (url) => {
      const out = mrkdwnLink(url, 'Click <me>');
      expect(out).toBe('Click &lt;me&gt;');
      expect(angleTokens(out)).toEqual([]);
    },
  );

  it('drops credentials written into the URL', () => {
    expect(mrkdwnLink('https://ann:secret@example.com/x', 'x')).toBe('<https://example.com/x|x>');
  });
});

describe('formatShare: page', () => {
  it('puts the comment first, then <url|title>, and lets Slack unfurl', () => {
    expect(
      formatShare({ kind: 'page', title: 'Example', url: 'https://example.com/', comment: 'Read *this*' }),
    ).toEqual({ text: 'Read *this*\n<https://example.com/|Example>', unfurl_links: true, unfurl_media: true });
  });

  it('falls back to the URL when the page has no title', () => {
    expect(formatShare({ kind: 'page', title: '', url: 'https://example.com/' }).text).toBe('<https://example.com/>');
  });

  it('cannot be made to mention @channel, @here or anyone by a page title or a comment', () => {
    const { text } = formatShare({
      kind: 'page',
      title: '<!channel> <!here|here> <@U0123> <!subteam^S1>',
      url: 'https://example.com/',
      comment: '<!everyone> hi',
    });
    // The only Slack token left is our link; everything else is shown as text.
    expect(angleTokens(text)).toEqual([
      '<https://example.com/|&lt;!channel&gt; &lt;!here|here&gt; &lt;@U0123&gt; &lt;!subteam^S1&gt;>',
    ]);
    expect(text).toContain('&lt;!everyone&gt; hi');
    expect(text).not.toMatch(/<[!@]/);
  });

  it('cannot close the link early with a > in the title', () => {
    const { text } = formatShare({ kind: 'page', title: 'a> <!channel>', url: 'https://example.com/' });
    expect(angleTokens(text)).toHaveLength(1);
    expect(text).toBe('<https://example.com/|a&gt; &lt;!channel&gt;>');
  });

  it('shows a javascript: page as text, not as a link', () => {
    const { text } = formatShare({ kind: 'page', title: 'Evil', url: 'javascript:alert(document.cookie)' });
    expect(text).toBe('Evil');
  });

  it('shortens very long titles', () => {
    const { text } = formatShare({ kind: 'page', title: 'x'.repeat(1000), url: 'https://example.com/' });
    expect(text.length).toBeLessThan(300);
    expect(text).toMatch(/x…>$/);
  });
});

describe('formatShare: link', () => {
  it('links the link text and names the page it came from', () => {
    expect(
      formatShare({
        kind: 'link',
        url: 'https://a.example/x',
        text: 'The spec',
        pageUrl: 'https://b.example/',
        pageTitle: 'Blog & news',
        comment: 'fyi',
      }),
    ).toEqual({
      text: 'fyi\n<https://a.example/x|The spec>\nfrom <https://b.example/|Blog &amp; news>',
      unfurl_links: true,
      unfurl_media: true,
    });
  });

  it('uses the URL when there is no link text, and leaves out an unsafe or identical source page', () => {
    expect(formatShare({ kind: 'link', url: 'https://a.example/x', pageUrl: 'file:///home/ann/x.html' }).text).toBe(
      '<https://a.example/x>',
    );
    expect(formatShare({ kind: 'link', url: 'https://a.example/x', pageUrl: 'https://a.example/x' }).text).toBe(
      '<https://a.example/x>',
    );
  });
});

describe('formatShare: selection', () => {
  const base: SelectionShare = { kind: 'selection', text: '', pageTitle: 'The page', pageUrl: 'https://example.com/p' };

  it('quotes every line, keeps paragraph breaks inside the quote and ends with the source', () => {
    const message = formatShare({ ...base, text: 'one\r\ntwo\n\n\n\nthree  \n', comment: 'Look:' });
    expect(message.text).toBe('Look:\n> one\n> two\n> \n> three\n— <https://example.com/p#:~:text=one,three|The page>');
    expect(message.unfurl_links).toBe(false);
    expect(message.unfurl_media).toBe(false);
    expect(message.truncated).toBeUndefined();
  });

  it('escapes the selection so a quoted <!channel> or > stays text', () => {
    const { text } = formatShare({ ...base, text: '<!channel> a > b & c' });
    expect(text.split('\n')[0]).toBe('> &lt;!channel&gt; a &gt; b &amp; c');
    // The link to the quote carries it percent-encoded: no raw bracket or ampersand reaches the markup.
    expect(angleTokens(text)).toEqual([
      '<https://example.com/p#:~:text=%3C!channel%3E%20a%20%3E%20b%20%26%20c|The page>',
    ]);
  });

  it('shortens a long selection to the 4,000-character budget, with an ellipsis and a note', () => {
    const paragraph = 'lorem ipsum dolor sit amet '.repeat(40).trim();
    const selection = Array.from({ length: 20 }, () => paragraph).join('\n');
    const message = formatShare({ ...base, text: selection });
    expect(message.text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(message.text).toContain('…\n_Quote shortened: ');
    const edges = 'lorem%20ipsum%20dolor%20sit%20amet';
    expect(message.text.endsWith(`— <https://example.com/p#:~:text=${edges},${edges}|The page>`)).toBe(true);
    expect(message.truncated).toMatchObject({ total: selection.length });
    expect(message.truncated!.kept).toBeGreaterThan(3_000);
    expect(message.truncated!.kept).toBeLessThan(4_000);
    expect(message.truncated!.notice).toMatch(/shortened to [\d,]+ of 21,599 characters/);
    // Every line of the quote is still quoted.
    const quoteLines = message.text.split('\n').slice(0, -2);
    expect(quoteLines.every((line) => line.startsWith('> '))).toBe(true);
  });

  it('counts escaped characters against the budget and never cuts an entity in half', () => {
    const message = formatShare({ ...base, text: '<&>'.repeat(5_000) });
    expect(message.text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(message.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('cuts one huge line inside, at a word boundary', () => {
    const quote = quoteBlock('alpha beta gamma delta epsilon '.repeat(10), 60);
    expect(quote.text.length).toBeLessThanOrEqual(60);
    expect(quote.text).toMatch(/^> alpha beta .*[a-z]…$/);
    expect(quote.kept).toBeLessThan(quote.total);
  });

  it('does not split an emoji when cutting', () => {
    const quote = quoteBlock('😀'.repeat(100), 30);
    expect(quote.text).toMatch(/^> (😀)+…$/u);
  });

  it('keeps the quote readable when the comment is long, and stays under Slack’s hard limit', () => {
    const message = formatShare({ ...base, text: 'q '.repeat(5_000), comment: 'c'.repeat(50_000) });
    expect(message.text.length).toBeLessThanOrEqual(SLACK_TEXT_LIMIT);
    expect(message.text).toContain('\n> q q q');
    expect(message.truncated).toBeDefined();
  });
});

describe('formatShare: image and file (the link fallback when not uploading)', () => {
  it('links the image by its alt text and shows it inline', () => {
    expect(
      formatShare({ kind: 'image', srcUrl: 'https://cdn.example/cat.png', alt: 'A cat', pageUrl: 'https://e.com/' }),
    ).toEqual({
      text: '<https://cdn.example/cat.png|A cat>\nfrom <https://e.com/>',
      unfurl_links: false,
      unfurl_media: true,
    });
  });

  it('names a file by its link text, else its file name', () => {
    expect(formatShare({ kind: 'file', url: 'https://e.com/docs/Q3%20plan.pdf' }).text).toBe(
      '<https://e.com/docs/Q3%20plan.pdf|Q3 plan.pdf>',
    );
    expect(formatShare({ kind: 'file', url: 'https://e.com/a.pdf', linkText: 'The plan' }).text).toBe(
      '<https://e.com/a.pdf|The plan>',
    );
  });
});

describe('fallbackText', () => {
  it('is one plain line without mrkdwn or entities', () => {
    expect(fallbackText({ kind: 'page', title: 'A & B <c>', url: 'https://e.com/' })).toBe(
      'A & B <c> — https://e.com/',
    );
    expect(fallbackText({ kind: 'selection', text: 'one\n\ntwo', pageTitle: 'Page', pageUrl: 'https://e.com/' })).toBe(
      '“one two” — Page',
    );
    expect(fallbackText({ kind: 'link', url: 'https://e.com/x' })).toBe('https://e.com/x');
    expect(fallbackText({ kind: 'image', srcUrl: 'https://e.com/c.png', pageUrl: 'https://e.com/p' })).toBe(
      'Image from e.com',
    );
    expect(fallbackText({ kind: 'file', url: 'https://e.com/r.pdf', pageTitle: 'Reports' })).toBe('r.pdf from Reports');
  });

  it('is at most 200 characters', () => {
    const text = fallbackText({
      kind: 'selection',
      text: 'x '.repeat(500),
      pageTitle: 'y'.repeat(500),
      pageUrl: 'https://e.com/',
    });
    expect(Array.from(text).length).toBeLessThanOrEqual(200);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('uploads', () => {
  it('plans an image: name from the URL, alt as title and alt text, source in the comment', () => {
    expect(
      uploadPlan({
        kind: 'image',
        srcUrl: 'https://cdn.example/img/sunset.webp?w=800',
        alt: 'Sunset over the bay',
        pageUrl: 'https://e.com/post',
        pageTitle: 'Holiday <!here>',
        comment: 'Look',
      }),
    ).toEqual({
      filename: 'sunset.webp',
      title: 'Sunset over the bay',
      altText: 'Sunset over the bay',
      initialComment: 'Look\nfrom <https://e.com/post|Holiday &lt;!here&gt;>',
    });
  });

  it('plans a file with no page: the comment names the file’s own host', () => {
    expect(uploadPlan({ kind: 'file', url: 'https://files.example/r/Q3.pdf' })).toEqual({
      filename: 'Q3.pdf',
      title: 'Q3.pdf',
      initialComment: 'from <https://files.example/r/Q3.pdf|files.example>',
    });
  });

  it('prefers Content-Disposition (filename* first), then the URL, then a default by kind', () => {
    const share = { kind: 'file', url: 'https://e.com/download?id=7' } as const;
    expect(
      uploadFilename(share, {
        contentDisposition: `attachment; filename*=UTF-8''na%C3%AFve%20plan.pdf; filename="naive.pdf"`,
      }),
    ).toBe('naïve plan.pdf');
    expect(uploadFilename(share, { contentDisposition: 'attachment; filename="say \\"hi\\".txt"' })).toBe(
      'say _hi_.txt',
    );
    expect(uploadFilename(share)).toBe('download.bin');
    expect(uploadFilename({ kind: 'image', srcUrl: 'https://e.com/' })).toBe('image.jpg');
    expect(uploadFilename({ kind: 'image', srcUrl: 'https://e.com/' }, { contentType: 'image/png; charset=x' })).toBe(
      'image.png',
    );
  });

  it('replaces a misleading extension from the Content-Type but keeps a real one', () => {
    expect(uploadFilename({ kind: 'image', srcUrl: 'https://e.com/photo.php' }, { contentType: 'image/jpeg' })).toBe(
      'photo.jpg',
    );
    expect(
      uploadFilename({ kind: 'file', url: 'https://e.com/notes.txt' }, { contentType: 'application/octet-stream' }),
    ).toBe('notes.txt');
    expect(uploadFilename({ kind: 'file', url: 'https://e.com/data.csv' }, { contentType: 'text/plain' })).toBe(
      'data.csv',
    );
  });

  it('sanitizes names: separators, reserved characters, controls, bidi tricks, hidden and device names, length', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFilename('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(sanitizeFilename('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(sanitizeFilename('tab\there\u0000.pdf')).toBe('tab here.pdf');
    expect(sanitizeFilename('.hidden')).toBe('hidden');
    expect(sanitizeFilename('NUL.txt')).toBe('_NUL.txt');
    const long = sanitizeFilename(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(filenameFromDisposition(null)).toBe('');
  });
});
