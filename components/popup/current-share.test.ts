import { describe, expect, it } from 'vitest';
import { shareFromQuery } from './current-share';

const query = (value: unknown) => `?share=${encodeURIComponent(JSON.stringify(value))}`;

describe('shareFromQuery', () => {
  it('reads a share and keeps only its known fields', () => {
    expect(shareFromQuery(query({ kind: 'page', title: 'T', url: 'https://e.com/', extra: 1 }))).toEqual({
      kind: 'page',
      title: 'T',
      url: 'https://e.com/',
    });
    expect(
      shareFromQuery(query({ kind: 'link', url: 'https://e.com/x', pageUrl: 'https://e.com/', comment: 'hi' })),
    ).toEqual({ kind: 'link', url: 'https://e.com/x', pageUrl: 'https://e.com/', comment: 'hi' });
  });

  it('refuses what is not a share', () => {
    expect(shareFromQuery('')).toBeNull();
    expect(shareFromQuery('?share=not-json')).toBeNull();
    expect(shareFromQuery(query({ kind: 'page', title: 'T' }))).toBeNull();
    expect(shareFromQuery(query({ kind: 'script', url: 'x' }))).toBeNull();
    expect(shareFromQuery(query({ kind: 'selection', text: 1, pageTitle: '', pageUrl: '' }))).toBeNull();
    expect(shareFromQuery(query(['page']))).toBeNull();
  });

  it('takes only web addresses, as a menu click does', () => {
    expect(shareFromQuery(query({ kind: 'page', title: 'T', url: 'javascript:alert(1)' }))).toBeNull();
    expect(shareFromQuery(query({ kind: 'image', srcUrl: 'data:image/png;base64,AA' }))).toBeNull();
    expect(shareFromQuery(query({ kind: 'link', url: 'https://e.com/', pageUrl: 'file:///etc/passwd' }))).toBeNull();
    expect(
      shareFromQuery(query({ kind: 'selection', text: 'q', pageTitle: 'T', pageUrl: 'chrome://settings/' })),
    ).toBeNull();
    // No address at all is a message on its own, not a non-web address.
    expect(shareFromQuery(query({ kind: 'page', title: '', url: '', comment: 'hi' }))).toEqual({
      kind: 'page',
      title: '',
      url: '',
      comment: 'hi',
    });
    expect(shareFromQuery(query({ kind: 'file', url: 'https://user:pw@e.com/a.pdf' }))).toEqual({
      kind: 'file',
      url: 'https://e.com/a.pdf',
    });
  });
});
