import { SlackTransportError } from './errors';

/**
 * Step 2 of the external upload (slack-api.md §3): POST the raw bytes to Slack's upload_url, with
 * no token (the URL authorizes) and no Content-Type (a CORS-simple request, as the python SDK
 * sends it), reporting progress. fetch can't report upload progress, so the best available way is
 * picked per call:
 * 1. XMLHttpRequest where the context has it (Firefox's background page): real progress from
 *    upload.onprogress, over any HTTP version.
 * 2. A streamed fetch body (Chrome's service worker; Node): progress counts the bytes fetch has
 *    taken from the Blob. Chrome streams request bodies only over HTTP/2 and 3; on HTTP/1.1 it
 *    fails before reading a byte, and that origin then gets (3) from here on.
 * 3. The Blob sent whole: progress is honest but coarse, 0 then 100 %.
 */

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface SendBytesOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export type SendBytes = (url: string, blob: Blob, options?: SendBytesOptions) => Promise<void>;

export interface ByteSenderDeps {
  fetch: typeof fetch;
  /** Defaults to the global one, where the context has it. */
  XMLHttpRequest?: typeof XMLHttpRequest;
  /** Whether fetch can stream a request body; detected when absent. */
  streams?: boolean;
  /** The time allowed on top of the transfer itself. */
  timeoutMs: number;
}

/** An upload slower than this on average is taken for a stalled one. */
const MIN_BYTES_PER_SECOND = 32 * 1024;
const LABEL = 'upload';
/** The least a streamed body hands fetch at once; a large file goes in steps of one percent. */
const CHUNK_BYTES = 64 * 1024;
const STEPS = 100;

/** The feature test from Chrome's "streaming requests" article: duplex is read and no text body made. */
export function canStreamRequests(): boolean {
  try {
    let duplexRead = false;
    const init = {
      method: 'POST',
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true;
        return 'half';
      },
    };
    const hasContentType = new Request('https://example.invalid/', init).headers.has('content-type');
    return duplexRead && !hasContentType;
  } catch {
    return false;
  }
}

/** Calls onProgress at the start, at each new percent and once at the end, never twice for one value. */
function progressReporter(total: number, onProgress: SendBytesOptions['onProgress']) {
  let lastPercent = -1;
  let lastSent = -1;
  return (sent: number) => {
    if (!onProgress || sent === lastSent) return;
    const percent = total === 0 ? 100 : Math.floor((sent * 100) / total);
    if (percent === lastPercent && sent !== total) return;
    lastPercent = percent;
    lastSent = sent;
    onProgress({ sent, total });
  };
}

/** The same bytes without a type: a typed Blob would set a Content-Type that needs a CORS preflight. */
function untyped(blob: Blob): Blob {
  return blob.type ? blob.slice(0, blob.size) : blob;
}

function checkStatus(response: Response): void {
  // "Success is HTTP 200; any other status is a failure" (§3).
  if (response.status !== 200) throw new SlackTransportError(LABEL, 'http_error', { status: response.status });
}

/** Streaming failed before a byte went out: the origin can't take streamed bodies (HTTP/1.1). */
class StreamRefused extends Error {}

export function createByteSender(deps: ByteSenderDeps): SendBytes {
  let streams = deps.streams;
  /** Origins that refused a streamed body; they get the Blob whole. */
  const wholeOnly = new Set<string>();

  function failure(error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): unknown {
    if (error instanceof SlackTransportError || signal?.aborted) return error;
    return new SlackTransportError(LABEL, timeout.aborted ? 'timeout' : 'network');
  }

  async function whole(url: string, blob: Blob, report: (sent: number) => void, signal: AbortSignal) {
    report(0);
    const response = await deps.fetch(url, { method: 'POST', body: untyped(blob), signal });
    checkStatus(response);
    await response.body?.cancel();
  }

  async function streamed(url: string, blob: Blob, report: (sent: number) => void, signal: AbortSignal) {
    // Progress only shows whole percents: smaller steps would only cost turns of the event loop.
    const chunkBytes = Math.max(CHUNK_BYTES, Math.ceil(blob.size / STEPS));
    let sent = 0;
    const reader = blob.stream().getReader();
    let pending = new Uint8Array(0);
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (pending.byteLength === 0) {
            const { done, value } = await reader.read();
            if (done) return controller.close();
            pending = value;
          }
          // Blobs may hand over everything in one chunk (Node does): slices keep progress fine.
          const chunk = pending.subarray(0, chunkBytes);
          pending = pending.subarray(chunk.byteLength);
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          report(sent);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      // Nothing is read ahead: a byte counts once fetch has taken it.
      { highWaterMark: 0 },
    );
    report(0);
    let response: Response;
    try {
      response = await deps.fetch(url, { method: 'POST', body, signal, duplex: 'half' } as RequestInit);
    } catch (error) {
      if (sent === 0 && !signal.aborted) throw new StreamRefused();
      throw error;
    }
    // 411 Length Required: the server wants a Content-Length, which a stream can't give.
    if (response.status === 411) throw new StreamRefused();
    checkStatus(response);
    await response.body?.cancel();
  }

  function viaXhr(
    Xhr: typeof XMLHttpRequest,
    url: string,
    blob: Blob,
    report: (sent: number) => void,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new Xhr();
      const onAbort = () => xhr.abort();
      const settle = (error?: Error) => {
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      xhr.open('POST', url);
      xhr.timeout = timeoutMs;
      xhr.upload.onprogress = (event) => report(Math.min(event.loaded, blob.size));
      xhr.onload = () =>
        settle(xhr.status === 200 ? undefined : new SlackTransportError(LABEL, 'http_error', { status: xhr.status }));
      xhr.onerror = () => settle(new SlackTransportError(LABEL, 'network'));
      xhr.ontimeout = () => settle(new SlackTransportError(LABEL, 'timeout'));
      xhr.onabort = () =>
        settle(
          signal?.reason instanceof Error ? signal.reason : new DOMException('The upload was aborted.', 'AbortError'),
        );
      signal?.addEventListener('abort', onAbort, { once: true });
      report(0);
      xhr.send(untyped(blob));
    });
  }

  return async (url, blob, options = {}) => {
    const { signal } = options;
    signal?.throwIfAborted();
    const report = progressReporter(blob.size, options.onProgress);
    const timeoutMs = deps.timeoutMs + Math.ceil((blob.size / MIN_BYTES_PER_SECOND) * 1000);
    const Xhr = deps.XMLHttpRequest ?? (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest;
    if (Xhr) {
      await viaXhr(Xhr, url, blob, report, signal, timeoutMs);
      return report(blob.size);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const origin = new URL(url).origin;
    streams ??= canStreamRequests();
    try {
      if (streams && !wholeOnly.has(origin)) {
        try {
          await streamed(url, blob, report, combined);
          return report(blob.size);
        } catch (error) {
          if (!(error instanceof StreamRefused)) throw error;
          await whole(url, blob, report, combined);
          // Only now is it sure that the origin, not the network, refused the stream.
          wholeOnly.add(origin);
          return report(blob.size);
        }
      }
      await whole(url, blob, report, combined);
      report(blob.size);
    } catch (error) {
      throw failure(error, signal, timeout);
    }
  };
}
