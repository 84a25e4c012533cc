import { SHARE_KINDS, webUrl, type Share, type ShareKind } from './share';

/** The string fields each kind needs, then the ones it may have. */
const FIELDS: Record<ShareKind, { required: readonly string[]; optional: readonly string[] }> = {
  page: { required: ['title', 'url'], optional: [] },
  link: { required: ['url'], optional: ['text', 'pageTitle', 'pageUrl'] },
  selection: { required: ['text', 'pageTitle', 'pageUrl'], optional: ['prefix'] },
  image: { required: ['srcUrl'], optional: ['pageTitle', 'pageUrl', 'alt'] },
  file: { required: ['url'], optional: ['linkText', 'pageTitle', 'pageUrl'] },
  // The bytes never travel: a page names the capture the background keeps.
  screenshot: { required: ['pageUrl'], optional: ['pageTitle', 'captureId'] },
};

/** Fields that are addresses: like a menu click's, only web addresses pass (lib/share/from-menu.ts). */
const ADDRESSES = new Set(['url', 'pageUrl', 'srcUrl']);

/**
 * A share from outside the type system (a page's request, `?share=` in the popup's address), or
 * null when it is not one: an unknown kind, a missing or non-string field, or an address that is
 * not http(s). Only the known fields are kept, addresses as webUrl() writes them.
 */
export function parseShare(value: unknown): Share | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const kind = record.kind as ShareKind;
  if (!SHARE_KINDS.includes(kind)) return null;
  const fields = FIELDS[kind];
  const share: Record<string, string> = { kind };
  for (const name of [...fields.required, ...fields.optional, 'comment']) {
    const field = record[name];
    if (field === undefined && !fields.required.includes(name)) continue;
    if (typeof field !== 'string') return null;
    // A page share without an address is a message on its own (the composer on a page it can't
    // see, the guide's test message): no address is not a non-web one.
    const bare = kind === 'page' && name === 'url' && field === '';
    const kept = ADDRESSES.has(name) && !bare ? webUrl(field) : field;
    if (kept === null) return null;
    share[name] = kept;
  }
  return share as unknown as Share;
}
