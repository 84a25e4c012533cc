// What a download's first bytes say it is. A site that wants a sign-in often answers an image's
// address with its HTML sign-in page and a 200: that must not reach Slack as "image.jpg".

const ascii = (head: Uint8Array, from: number, text: string) =>
  [...text].every((char, index) => head[from + index] === char.charCodeAt(0));

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((byte, index) => head[index] === byte);

/** Brands of the ISO base media file box that hold still images (AVIF, HEIC, HEIF). */
const IMAGE_BRANDS = ['avif', 'avis', 'heic', 'heix', 'hevc', 'mif1', 'msf1'];

/** The start of the bytes as text, for markup checks: a BOM and leading white space dropped. */
function textStart(head: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
}

/** Whether the bytes are an image format a browser shows (raster by signature, or SVG markup). */
export function isImage(head: Uint8Array): boolean {
  return (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith(head, [0xff, 0xd8, 0xff]) || // JPEG
    ascii(head, 0, 'GIF87a') ||
    ascii(head, 0, 'GIF89a') ||
    (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) ||
    ascii(head, 0, 'BM') ||
    startsWith(head, [0x00, 0x00, 0x01, 0x00]) || // ICO
    ascii(head, 0, 'II*\0') ||
    ascii(head, 0, 'MM\0*') || // TIFF
    startsWith(head, [0xff, 0x0a]) || // JPEG XL codestream
    (ascii(head, 4, 'ftyp') && IMAGE_BRANDS.some((brand) => ascii(head, 8, brand))) ||
    isSvg(textStart(head))
  );
}

function isSvg(text: string): boolean {
  if (text.startsWith('<svg')) return true;
  return (text.startsWith('<?xml') || text.startsWith('<!--')) && text.includes('<svg');
}

/** Whether a Content-Type header declares an HTML page. */
export const isHtmlType = (contentType: string | null) =>
  !!contentType && /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);

/** Whether the bytes are an HTML page. */
export function isHtml(head: Uint8Array): boolean {
  const text = textStart(head);
  return ['<!doctype html', '<html', '<head', '<body'].some((start) => text.startsWith(start));
}
