import { isQuotaError, STORAGE_FULL } from '../errors';
import type { StartFailure } from '../protocol';

function said(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL;
  // The database's and the migrations' own words: they name a store or a version, never a token.
  const named = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `The background could not start (${named.slice(0, 200)}); it tries again on the next request.`;
}

/**
 * The background's services, started on first use. A failed start (the database refused to open,
 * a migration threw, the disk was full) is not kept until the worker stops: the next request
 * starts again, and the last failure stays for Diagnostics.
 */
export function startOnDemand<T>(start: () => Promise<T>, now: () => number = Date.now) {
  let ready: Promise<T> | undefined;
  let failed: StartFailure | undefined;
  const services = () =>
    (ready ??= start().catch((error: unknown) => {
      ready = undefined;
      failed = { message: said(error), at: now() };
      throw error;
    }));
  return { services, lastFailure: () => failed };
}
