// Test support: the network as an extension page sees it, over Node's fetch (which knows no CORS).

/**
 * The network as an extension page sees it. `access`: the browser holds a host permission for the
 * site (answers are readable, 'basic', and cookies go with `credentials: 'include'`). Without it,
 * only answers with CORS headers are readable ('cors'), and anything else fails as a TypeError,
 * while an opaque (no-cors) request still reaches the site.
 */
export function browserFetch(options: { access: boolean; cors?: boolean }): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : input.toString();
    const headers = new Headers(init.headers);
    if (init.credentials === 'include') headers.set('cookie', 'session=1');
    const response = await fetch(url, { ...init, headers });
    if (init.mode === 'no-cors') return response;
    if (!options.access && (!options.cors || init.credentials === 'include')) {
      await response.body?.cancel();
      throw new TypeError('Failed to fetch');
    }
    Object.defineProperty(response, 'type', { value: options.access ? 'basic' : 'cors' });
    return response;
  };
}
