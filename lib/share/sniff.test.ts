// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isHtml, isHtmlType, isImage } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('isImage', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['GIF', bytes('GIF89a', [1, 0])],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['AVIF', bytes([0, 0, 0, 0x20], 'ftypavif')],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['BMP', bytes('BM', [0, 0])],
    ['SVG', bytes('\n  <svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['SVG with a prolog', bytes('<?xml version="1.0"?>\n<svg/>')],
  ])('%s is an image', (_, head) => expect(isImage(head)).toBe(true));

  it.each([
    ['an HTML sign-in page', bytes('<!DOCTYPE html><html><body>Sign in')],
    ['JSON', bytes('{"error":"login"}')],
    ['a PDF', bytes('%PDF-1.7')],
    ['an MP4 video', bytes([0, 0, 0, 0x20], 'ftypisom')],
    ['XML that is not SVG', bytes('<?xml version="1.0"?><feed/>')],
    ['nothing', bytes()],
  ])('%s is not an image', (_, head) => expect(isImage(head)).toBe(false));
});

describe('isHtml', () => {
  it('knows a page by its first tag, or by its declared type', () => {
    expect(isHtml(bytes('\uFEFF  <html lang="en">'))).toBe(true);
    expect(isHtml(bytes('%PDF-1.7'))).toBe(false);
    expect(isHtmlType('text/html; charset=utf-8')).toBe(true);
    expect(isHtmlType('application/xhtml+xml')).toBe(true);
    expect(isHtmlType('application/pdf')).toBe(false);
    expect(isHtmlType(null)).toBe(false);
  });
});
