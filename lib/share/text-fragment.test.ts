import { describe, expect, it } from 'vitest';
import { encodeTerm, linkToQuote, textDirective } from './text-fragment';

describe('text fragments', () => {
  // The examples of WICG's "URL Fragment Text Directives", section 3.
  it('matches a short quote exactly', () => {
    expect(textDirective('an example text fragment')).toBe('an%20example%20text%20fragment');
    expect(linkToQuote('https://example.com', 'an example text fragment')).toBe(
      'https://example.com/#:~:text=an%20example%20text%20fragment',
    );
  });

  it('encodes the syntax characters dash, ampersand and comma inside a term', () => {
    expect(encodeTerm('my-text, & more')).toBe('my%2Dtext%2C%20%26%20more');
    expect(textDirective('Hello - world, & more')).toBe('Hello%20%2D%20world%2C%20%26%20more');
  });

  it('gives a prefix when the start is ambiguous, as "this is-,an example"', () => {
    expect(textDirective('an example', 'Read on: this is')).toBe('on%3A%20this%20is-,an%20example');
    expect(textDirective('an example', 'this is')).toBe('this%20is-,an%20example');
  });

  it('takes the prefix from one block only, as browsers match it (a term spanning blocks never matches)', () => {
    // Chromium finds "fold.-,In 2025" and "In 2025-,the report" but not "fold. In 2025-,the report"
    // when "fold." ends the paragraph before (test/e2e/text-fragment.spec.ts).
    expect(textDirective('the report', 'below the fold.\n\nIn 2025')).toBe('In%202025-,the%20report');
    expect(textDirective('the report', 'below the fold.\n\n')).toBe('below%20the%20fold.-,the%20report');
    expect(textDirective('the report', '\n  \n')).toBe('the%20report');
  });

  it('matches a long quote by its first and last five words', () => {
    const long = `${'Lorem ipsum dolor sit amet '.repeat(10)}the very end of it all.`;
    expect(textDirective(long)).toBe('Lorem%20ipsum%20dolor%20sit%20amet,very%20end%20of%20it%20all.');
  });

  it('matches a quote over several blocks by the first words of the first and the last words of the last', () => {
    expect(textDirective('First paragraph starts here and goes on\n\nSecond one ends right here')).toBe(
      'First%20paragraph%20starts%20here%20and,Second%20one%20ends%20right%20here',
    );
  });

  it('collapses white space the way browsers match it', () => {
    expect(textDirective('  spaced   out\tquote ')).toBe('spaced%20out%20quote');
  });

  it('keeps the fragment the address had in front and replaces an earlier directive', () => {
    expect(linkToQuote('https://example.com/doc?q=1#section-2', 'quote')).toBe(
      'https://example.com/doc?q=1#section-2:~:text=quote',
    );
    expect(linkToQuote('https://example.com/#top:~:text=old', 'new')).toBe('https://example.com/#top:~:text=new');
  });

  it('falls back to the plain address where no fragment can be made', () => {
    expect(linkToQuote('https://example.com/a', '   ')).toBe('https://example.com/a');
    expect(linkToQuote('file:///home/me/a.html', 'quote')).toBe('file:///home/me/a.html');
    expect(linkToQuote('not a url', 'quote')).toBe('not a url');
    expect(linkToQuote('https://example.com/a', `${'x'.repeat(120)} ${'y '.repeat(100)}`)).toBe(
      'https://example.com/a',
    );
  });
});
