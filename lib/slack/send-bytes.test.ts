// @vitest-environment node
import { expect, it } from 'vitest';
import { createByteSender } from './send-bytes';

/** A fetch that reads the streamed body as the network would and records the pieces it was handed. */
function recordingFetch(pieces: number[]): typeof fetch {
  return async (_input, init) => {
    const reader = (init?.body as ReadableStream<Uint8Array>).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) pieces.push(read.value.byteLength);
    return new Response('OK', { status: 200 });
  };
}

it('streams a large file in steps of one percent, a small one in 64 KB pieces', async () => {
  for (const [size, most] of [
    [20 * 1024 * 1024, Math.ceil((20 * 1024 * 1024) / 100)],
    [200 * 1024, 64 * 1024],
  ] as const) {
    const pieces: number[] = [];
    const send = createByteSender({ fetch: recordingFetch(pieces), streams: true, timeoutMs: 5_000 });
    await send('https://files.example/upload/v1/x', new Blob([new Uint8Array(size)]));
    expect(pieces.reduce((sum, n) => sum + n, 0)).toBe(size);
    expect(Math.max(...pieces)).toBe(most);
    expect(pieces.length).toBe(Math.ceil(size / most));
  }
});
