// The bytes of an image or file share, fetched from the site that serves them, with the least the
// browser lets Courier do there. The rules (README, "What Courier asks for"):
// - first without cookies: a file the web serves to anyone (CORS) needs no permission at all;
// - a readable answer without CORS means the browser gave Courier this site (a granted host
//   permission, or the click's activeTab for the tab's own origin in Chrome);
// - cookies go only to such a site, and only when the answer without them shows that the person's
//   sign-in is what makes the file reachable (401, 403, or a web page instead of the file);
// - anything the browser refuses for lack of access says so (needs access), never "offline".
import { CourierFailure } from '../errors';
import { sourceOf, webUrl, type DownloadShare } from './share';
import { sitePattern } from './site';
import { formatSize } from './size';
import { isHtml, isHtmlType, isImage } from './sniff';

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

/** Whether a web page answered where an image, or a file that is not a page, was expected. */
function isPageInstead(kind: DownloadShare['kind'], url: string, contentType: string | null): boolean {
  if (!isHtmlType(contentType)) return false;
  const name = new URL(url).pathname.split('/').pop() ?? '';
  return kind === 'image' || (/\.[a-z0-9]{1,5}$/i.test(name) && !PAGE_EXTENSIONS.test(name));
}

/** Downloads the share's bytes, or throws a DownloadFailure whose sentence says what to do. */
export async function downloadShare(share: DownloadShare, options: DownloadOptions = {}): Promise<Downloaded> {
  const url = webUrl(sourceOf(share));
  // Checked again here, not only when the share was made: a stored item could have been written
  // by an older version, and only http and https are ever fetched.
  if (!url) {
    throw new DownloadFailure(
      'refused',
      '',
      'Courier downloads only web addresses (http or https), so nothing was uploaded.',
    );
  }
  const site = sitePattern(url);
  // Named as host permissions name it: by host name, whatever the port.
  const host = new URL(url).hostname;
  const fail = (problem: DownloadProblem, message: string) => new DownloadFailure(problem, site, message);
  const limit = options.maxBytes ?? SLACK_FILE_LIMIT;
  const tooLarge = (size: string) =>
    fail(
      'refused',
      `The file ${size}, and Slack takes files up to ${formatSize(limit).replace('.0 ', ' ')}, so nothing was uploaded.`,
    );
  const session = downloadSession(url, options, fail, host);
  let response = await session.request('omit');
  // Opaque to CORS yet readable: the browser lets Courier read this site, so it may send cookies.
  const access = response.type === 'basic';
  const status = response.status;
  if (
    status === 401 ||
    status === 403 ||
    (response.ok && isPageInstead(share.kind, url, response.headers.get('content-type')))
  ) {
    await session.drop(response);
    if (!access) {
      throw fail(
        'access',
        `${host} shows this file only to signed-in visitors, and Courier needs your permission to download from ${host} with your sign-in.`,
      );
    }
    response = await session.request('include');
  }
  const contentType = response.headers.get('content-type');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!response.ok || declared > limit) await session.drop(response);
  if (!response.ok) throw statusFailure(response.status, fail, host);
  if (declared > limit) throw tooLarge(`is ${formatSize(declared)}`);
  const bytes = await session.read(response, limit, () => tooLarge(`is larger than ${formatSize(limit)}`));
  const blob = new Blob(bytes as BlobPart[], contentType ? { type: contentType } : {});
  const head = new Uint8Array(await blob.slice(0, 1024).arrayBuffer());
  const what = share.kind === 'image' ? 'image' : 'file';
  if (isPageInstead(share.kind, url, contentType) || (share.kind === 'image' && isHtml(head))) {
    throw fail(
      'refused',
      `${host} answered with a web page instead of the ${what} (perhaps a sign-in page), so nothing was uploaded. Check that you can open it in a tab, then press Retry.`,
    );
  }
  if (share.kind === 'image' && !isImage(head)) {
    throw fail(
      'refused',
      `${host} answered with something that is not an image${contentType ? ` (${contentType.split(';')[0]})` : ''}, so nothing was uploaded.`,
    );
  }
  return {
    blob,
    contentType,
    contentDisposition: response.headers.get('content-disposition'),
  };
}

type Fail = (problem: DownloadProblem, message: string) => DownloadFailure;

function statusFailure(status: number, fail: Fail, host: string): DownloadFailure {
  if (status >= 500 || status === 429) return fail('server', `${host} answered HTTP ${status} for that file.`);
  const signedIn = status === 401 || status === 403 ? ' even with your sign-in' : '';
  return fail(
    'refused',
    `${host} answered HTTP ${status} for that file${signedIn}, so nothing was uploaded. Check that you can open it in a tab, then press Retry.`,
  );
}

/**
 * The requests of one download, under one abort: the caller's signal and a stall timer that fires
 * when neither headers nor body bytes arrive for `stallMs`.
 */
function downloadSession(url: string, options: DownloadOptions, fail: Fail, host: string) {
  const fetchBytes = options.fetch ?? globalThis.fetch.bind(globalThis);
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
    }, options.stallMs ?? STALL_MS);
  };
  const done = () => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  };
  /** The caller's abort passes through as it is; a stall and the network become failures. */
  const failure = (error: unknown) => {
    done();
    if (options.signal?.aborted || error instanceof DownloadFailure) return error;
    return fail('network', stalled ? `${host} stopped sending the file.` : `The download from ${host} broke off.`);
  };
  return {
    async request(credentials: RequestCredentials): Promise<Response> {
      watch();
      try {
        return await fetchBytes(url, { credentials, signal: controller.signal });
      } catch (error) {
        const fault = failure(error);
        if (fault !== error && !stalled) {
          // The browser hides whether CORS or the network refused: an opaque request tells them apart.
          throw (await reachable(fetchBytes, url))
            ? fail(
                'access',
                `${host} does not let other sites read its files, so Courier needs your permission to download from ${host}.`,
              )
            : fail('network', `Courier could not reach ${host} to download the file. Check your connection.`);
        }
        throw fault;
      }
    },
    async read(response: Response, limit: number, tooLarge: () => DownloadFailure): Promise<Uint8Array[]> {
      const reader = response.body?.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        for (;;) {
          watch();
          const next = await reader?.read();
          if (!next || next.done) break;
          total += next.value.byteLength;
          if (total > limit) throw tooLarge();
          chunks.push(next.value);
        }
        return chunks;
      } catch (error) {
        controller.abort();
        throw failure(error);
      } finally {
        done();
      }
    },
    async drop(response: Response): Promise<void> {
      clearTimeout(timer);
      await response.body?.cancel().catch(() => undefined);
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
