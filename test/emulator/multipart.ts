// Just enough multipart/form-data to take a file out of an upload: the part with a filename (or
// named 'file'), else the first part.

interface Part {
  headers: string;
  body: Buffer;
}

function parts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const found: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const contentStart = start + delimiter.length;
    // '--' right after a delimiter closes the body.
    if (body.subarray(contentStart, contentStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, contentStart);
    if (next < 0) break;
    const chunk = body.subarray(contentStart, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      // Drop the CRLF that ends the part before the next delimiter.
      const end =
        chunk.length >= 2 && chunk.subarray(chunk.length - 2).toString() === '\r\n' ? chunk.length - 2 : chunk.length;
      found.push({ headers, body: chunk.subarray(headerEnd + 4, end) });
    }
    start = next;
  }
  return found;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** The file bytes of a multipart body, or undefined when it has no parts. */
export function multipartFile(body: Buffer, contentType: string): Buffer | undefined {
  const boundary = boundaryOf(contentType);
  if (!boundary) return undefined;
  const all = parts(body, boundary);
  const file =
    all.find((p) => /filename=/i.test(p.headers)) ?? all.find((p) => /name="?file"?/i.test(p.headers)) ?? all[0];
  return file?.body;
}
