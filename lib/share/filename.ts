// How a fetched image or file is named for Slack: from Content-Disposition, the URL or its type,
// cleaned of everything a file system or a filename trick could misuse.
import type { DownloadShare } from './share';
import { webUrl } from './share';

/** Response details that name a download better than its URL does; known only after the fetch. */
export interface Fetched {
  contentType?: string | null;
  contentDisposition?: string | null;
}

const DEFAULT_NAME = { image: 'image', file: 'file' } as const;
/** When neither the name nor the response says what it is. Slack sniffs images anyway. */
const DEFAULT_EXTENSION = { image: 'jpg', file: 'bin' } as const;
const FILENAME_MAX = 120;

const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/heic': 'heic',
  'image/tiff': 'tiff',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/markdown': 'md',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
};
/** Extensions that already say what a file is; anything else (`.php`, `.aspx`) may be replaced. */
const KNOWN_EXTENSIONS = new Set([
  ...Object.values(EXTENSION_BY_TYPE),
  'jpeg',
  'htm',
  'html',
  'odt',
  'ods',
  'odp',
  'rtf',
  'gz',
  'tgz',
  '7z',
  'rar',
  'mov',
  'wav',
]);

/** The last path segment of an http(s) URL, decoded; '' when there is none. */
export function filenameFromUrl(url: string | undefined): string {
  const safe = webUrl(url);
  if (!safe) return '';
  const segment = new URL(safe).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The name from a Content-Disposition header, preferring RFC 5987 `filename*`. */
export function filenameFromDisposition(header: string | null | undefined): string {
  if (!header) return '';
  const star = /(?:^|;)\s*filename\*\s*=\s*([\w!#$%&+^`{}~-]*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    const value = star[2].trim().replace(/^"(.*)"$/, '$1');
    try {
      if (!star[1] || /^utf-8$/i.test(star[1])) return decodeURIComponent(value);
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]*))/i.exec(header);
  if (!plain) return '';
  return (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2] ?? '').trim();
}

/**
 * A name that is safe to show and to save: no path separators, no characters Windows refuses, no
 * control or bidirectional-override characters (which can disguise `exe` as `txt`), not hidden,
 * not a reserved device name, at most 120 characters with its extension kept.
 */
export function sanitizeFilename(name: string): string {
  let clean = name
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(clean)) clean = `_${clean}`;
  const chars = Array.from(clean);
  if (chars.length > FILENAME_MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = chars.slice(0, FILENAME_MAX - Array.from(ext).length).join('') + ext;
  }
  return clean;
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

function extensionForType(contentType: string | null | undefined): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return (type && EXTENSION_BY_TYPE[type]) || '';
}

/**
 * The file name to upload under: from Content-Disposition when the response has one, else from the
 * URL path, else a default by kind; sanitized; with an extension from the name, else from the
 * Content-Type, else a default by kind. A misleading extension (`photo.php` served as image/jpeg)
 * is replaced.
 */
export function uploadFilename(share: DownloadShare, fetched: Fetched = {}): string {
  const url = share.kind === 'image' ? share.srcUrl : share.url;
  let name =
    sanitizeFilename(filenameFromDisposition(fetched.contentDisposition)) ||
    sanitizeFilename(filenameFromUrl(url)) ||
    DEFAULT_NAME[share.kind];
  const current = extensionOf(name);
  const typed = extensionForType(fetched.contentType);
  if (!current) {
    name = `${name}.${typed || DEFAULT_EXTENSION[share.kind]}`;
  } else if (typed && !KNOWN_EXTENSIONS.has(current)) {
    name = `${name.slice(0, -current.length)}${typed}`;
  }
  return name;
}
