/**
 * The browser's own extension API (Firefox's `browser`, else `chrome`), without the polyfill: for
 * the popup's first script, which must stay small. Both answer with promises in MV3.
 */
export function nativeApi<T>(): T {
  const api = globalThis as unknown as { browser?: T; chrome: T };
  return api.browser ?? api.chrome;
}
