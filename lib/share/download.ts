// The bytes of an image or file share, fetched from the site that serves them, with the least the
// browser lets Courier do there. The rules (README, "What Courier asks for"):
// - first without cookies: a file the web serves to anyone (CORS) needs no permission at all;
// - a readable answer without CORS means the browser gave Courier this site (a granted host
//   permission, or the click's activeTab for the tab's own origin in Chrome);
// - cookies go only to such a site, and only when the answer without them shows that the person's
//   sign-in is what makes the file reachable (401, 403, or a web page instead of the file);
// - anything the browser refuses for lack of access says so (needs access), never "offline".
import { CourierFailure } from '../errors';
import { sourceOf, webUrl, type UploadShare } from './share';
import { sitePattern } from './site';
import { formatSize } from './size';
import { isHtml, isImage } from './sniff';

/** Slack takes files up to 1 GB (Slack's help center, "Upload files to Slack"). */
export const SLACK_FILE_LIMIT = 1024 ** 3;
/** A body that sends nothing for this long is given up (the attempt is retried later). */
export const STALL_MS = 30_000;

/**
 * - access: the browser refused the site to Courier; a host permission for it would help;
 * - network: the site could not be reached or stalled; worth a few more tries;
 * - server: the site's own trouble (5xx, 429); worth a few more tries;
 * (the outbox adds whether it tries again to these two sentences)
 * - refused: an answer no retry changes (404, too large, not an image, not a web address).
 */
export type DownloadProblem = 'access' | 'network' | 'server' | 'refused';

export class DownloadFailure extends CourierFailure {
  readonly problem: DownloadProblem;
  /** `site` is the site as a host permission's match pattern ("https://cdn.example.com/*"). */
  constructor(problem: DownloadProblem, site: string, message: string) {
    const kind = problem === 'access' ? 'needs_access' : problem === 'refused' ? 'invalid_input' : 'offline';
    super(kind, message, { site });
    this.name = 'DownloadFailure';
    this.problem = problem;
  }
}

export interface DownloadOptions {
  signal?: AbortSignal;
  maxBytes?: number;
  stallMs?: number;
  /** The network, injectable for tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

export interface Downloaded {
  blob: Blob;
  contentType: string | null;
  contentDisposition: string | null;
}

/** Extensions whose files are HTML pages themselves: a page answered for them is the file. */
const PAGE_EXTENSIONS = /\.(html?|xhtml|php|aspx?|jsp)$/i;

/**
 * Whether an answer without cookies looks like the site asking for a sign-in: refused outright, or
 * a web page where an image (or a file that is not a page) was expected.
 */
function wantsSignIn(response: Response, kind: UploadShare['kind'], url: string, head?: Uint8Array): boolean {
  if (response.status === 401 || response.status === 403) return true;
  return response.ok && isPageInstead(kind, url, head ?? new Uint8Array(), response.headers.get('content-type'));
}

function isPageInstead(kind: UploadShare['kind'], url: string, head: Uint8Array, contentType: string | null) {
  if (!isHtml(head, contentType)) return false;
  if (kind === 'image') return true;
  const name = new URL(url).pathname.split('/').pop() ?? '';
  return /\.[a-z0-9]{1,5}$/i.test(name) && !PAGE_EXTENSIONS.test(name);
}

/** Downloads the share's bytes, or throws a DownloadFailure whose sentence says what to do. */
export async function downloadShare(share: UploadShare, options: DownloadOptions = {}): Promise<Downloaded> {
  const url = webUrl(sourceOf(share));
  // Checked again here, not only when the share was made: a stored item could have been written
  // by an older version, and only http and https are ever fetched.
  if (!url) {
    throw new DownloadFailure(
      'refused',
      '',
      'Courier downloads only web addresses (http or https), and this file has none, so nothing was uploaded.',
    );
  }
  const site = sitePattern(url);
  // Named as host permissions name it: by host name, whatever the port.
  const host = new URL(url).hostname;
  const session = downloadSession(url, site, host, options);
  let response = await session.request('omit');
  // Opaque to CORS yet readable: the browser lets Courier read this site, so it may send cookies.
  const access = response.type === 'basic';
  const first = await session.peek(response);
  if (wantsSignIn(response, share.kind, url, first)) {
    await session.drop(response);
    if (!access) {
      throw new DownloadFailure(
        'access',
        site,
        `${host} shows this file only to signed-in visitors, and Courier needs your permission to download from ${host} with your sign-in.`,
      );
    }
    response = await session.request('include');
  }
  if (!response.ok) {
    await session.drop(response);
    throw statusFailure(response.status, site, host);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const limit = options.maxBytes ?? SLACK_FILE_LIMIT;
  if (declared > limit) {
    await session.drop(response);
    throw tooLarge(site, `is ${formatSize(declared)}`, limit);
  }
  const bytes = await session.read(response, limit);
  const contentType = response.headers.get('content-type');
  const head = headOf(bytes);
  if (share.kind === 'image' && !isImage(head)) {
    throw new DownloadFailure(
      'refused',
      site,
      isHtml(head, contentType)
        ? `${host} answered with a web page instead of the image (perhaps a sign-in page), so nothing was uploaded. Open the image in a tab, then share it from there.`
        : `${host} answered with something that is not an image${contentType ? ` (${contentType.split(';')[0]})` : ''}, so nothing was uploaded.`,
    );
  }
  if (isPageInstead(share.kind, url, head, contentType)) {
    throw new DownloadFailure(
      'refused',
      site,
      `${host} answered with a web page instead of the file (perhaps a sign-in page), so nothing was uploaded. Sign in to ${host} in this browser, then press Retry.`,
    );
  }
  return {
    blob: new Blob(bytes as BlobPart[], contentType ? { type: contentType } : {}),
    contentType,
    contentDisposition: response.headers.get('content-disposition'),
  };
}

/** The first KB of the body, however the network cut it into chunks. */
function headOf(chunks: readonly Uint8Array[]): Uint8Array {
  const head = new Uint8Array(
    Math.min(
      1024,
      chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
    ),
  );
  let at = 0;
  for (const chunk of chunks) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  return head;
}

function statusFailure(status: number, site: string, host: string): DownloadFailure {
  if (status >= 500 || status === 429) {
    return new DownloadFailure('server', site, `${host} answered HTTP ${status} for that file.`);
  }
  if (status === 401 || status === 403) {
    return new DownloadFailure(
      'refused',
      site,
      `${host} refused the file (HTTP ${status}) even with your sign-in. Check that you can open it in a tab, then press Retry.`,
    );
  }
  return new DownloadFailure(
    'refused',
    site,
    `${host} answered HTTP ${status} for that file, so there was nothing to upload.`,
  );
}

function tooLarge(site: string, size: string, limit: number): DownloadFailure {
  return new DownloadFailure(
    'refused',
    site,
    `The file ${size}, and Slack takes files up to ${formatSize(limit).replace('.0 ', ' ')}, so nothing was uploaded.`,
  );
}

/**
 * The requests of one download, under one abort: the caller's signal and a stall timer that fires
 * when neither headers nor body bytes arrive for `stallMs`.
 */
function downloadSession(url: string, site: string, host: string, options: DownloadOptions) {
  const fetchBytes = options.fetch ?? globalThis.fetch.bind(globalThis);
  const stallMs = options.stallMs ?? STALL_MS;
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  const unwatch = () => clearTimeout(timer);
  const stallFailure = () =>
    new DownloadFailure(
      'network',
      site,
      `${host} stopped sending the file (nothing for ${Math.round(stallMs / 1000)} s).`,
    );
  /** The caller's abort passes through as it is; a stall and the network become failures. */
  const failure = async (error: unknown): Promise<never> => {
    if (options.signal?.aborted) throw error;
    if (stalled) throw stallFailure();
    // The browser hides whether CORS or the network refused: an opaque request tells them apart.
    if (await reachable(fetchBytes, url)) {
      throw new DownloadFailure(
        'access',
        site,
        `${host} does not let other sites read its files, so Courier needs your permission to download from ${host}.`,
      );
    }
    throw new DownloadFailure(
      'network',
      site,
      `Courier could not reach ${host} to download the file. Check your connection.`,
    );
  };
  let pending: Uint8Array[] = [];
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    async request(credentials: RequestCredentials): Promise<Response> {
      watch();
      try {
        const response = await fetchBytes(url, { credentials, redirect: 'follow', signal: controller.signal });
        pending = [];
        reader = undefined;
        return response;
      } catch (error) {
        unwatch();
        return failure(error);
      }
    },
    /** The body's first chunk, read ahead (and kept for read()), to tell a page from a file. */
    async peek(response: Response): Promise<Uint8Array | undefined> {
      if (!response.ok || !response.body) return undefined;
      reader = response.body.getReader();
      try {
        const { value } = await reader.read();
        watch();
        if (value) pending = [value];
        return value;
      } catch (error) {
        unwatch();
        return failure(error);
      }
    },
    async read(response: Response, limit: number): Promise<Uint8Array[]> {
      reader ??= response.body?.getReader();
      const chunks = pending;
      let total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
      try {
        while (reader) {
          watch();
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > limit) {
            controller.abort();
            throw tooLarge(site, `is larger than ${formatSize(limit)}`, limit);
          }
          chunks.push(value);
        }
        return chunks;
      } catch (error) {
        if (error instanceof DownloadFailure) throw error;
        if (options.signal?.aborted) throw error;
        if (stalled) throw stallFailure();
        throw new DownloadFailure('network', site, `The download from ${host} broke off before the end.`);
      } finally {
        unwatch();
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
    async drop(response: Response): Promise<void> {
      unwatch();
      await (reader ?? response.body)?.cancel().catch(() => undefined);
      reader = undefined;
      pending = [];
    },
  };
}

/** Whether the site answers at all: an opaque request reaches it whatever its CORS headers say. */
async function reachable(fetchBytes: typeof fetch, url: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    await fetchBytes(url, { mode: 'no-cors', credentials: 'omit', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    // Only the answer mattered, not the bytes.
    controller.abort();
  }
}
