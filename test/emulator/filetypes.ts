// File type facts Slack reports for a file name: mimetype, filetype and pretty_type.

interface FileType {
  mimetype: string;
  filetype: string;
  prettyType: string;
}

// prettier-ignore
const BY_EXTENSION: Record<string, FileType> = {
  txt: { mimetype: 'text/plain', filetype: 'text', prettyType: 'Plain Text' },
  md: { mimetype: 'text/plain', filetype: 'markdown', prettyType: 'Markdown (raw)' },
  csv: { mimetype: 'text/csv', filetype: 'csv', prettyType: 'CSV' },
  json: { mimetype: 'application/json', filetype: 'json', prettyType: 'JSON' },
  html: { mimetype: 'text/html', filetype: 'html', prettyType: 'HTML' },
  pdf: { mimetype: 'application/pdf', filetype: 'pdf', prettyType: 'PDF' },
  png: { mimetype: 'image/png', filetype: 'png', prettyType: 'PNG' },
  jpg: { mimetype: 'image/jpeg', filetype: 'jpg', prettyType: 'JPEG' },
  jpeg: { mimetype: 'image/jpeg', filetype: 'jpg', prettyType: 'JPEG' },
  gif: { mimetype: 'image/gif', filetype: 'gif', prettyType: 'GIF' },
  webp: { mimetype: 'image/webp', filetype: 'webp', prettyType: 'WebP' },
  zip: { mimetype: 'application/zip', filetype: 'zip', prettyType: 'Zip' },
};

const BINARY: FileType = { mimetype: 'application/octet-stream', filetype: 'binary', prettyType: 'Binary' };

/** Snippet types files.getUploadURLExternal accepts (a subset of Slack's list). */
// prettier-ignore
export const SNIPPET_TYPES = new Set([
  'text', 'auto', 'c', 'cpp', 'csharp', 'css', 'csv', 'diff', 'go', 'html', 'java', 'javascript', 'json', 'kotlin',
  'markdown', 'php', 'python', 'ruby', 'rust', 'shell', 'sql', 'swift', 'typescript', 'xml', 'yaml',
]);

export function fileTypeOf(filename: string, snippetType?: string): FileType {
  if (snippetType) return { mimetype: 'text/plain', filetype: snippetType, prettyType: snippetType };
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? BINARY;
}

/** files.list `types` values and what each matches. */
export const LIST_TYPES: Record<string, (t: { mimetype: string; filetype: string; snippet: boolean }) => boolean> = {
  all: () => true,
  spaces: (t) => t.filetype === 'post' || t.filetype === 'space',
  snippets: (t) => t.snippet,
  images: (t) => t.mimetype.startsWith('image/'),
  gdocs: (t) => t.filetype.startsWith('gdoc'),
  zips: (t) => t.filetype === 'zip',
  pdfs: (t) => t.filetype === 'pdf',
};
