import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyReads } from '@/components/popup/early';

/**
 * The popup's first script, a small classic one in its <head>: it starts reading the cached
 * directory and asking for the current tab while the page is parsed and the popup's own script
 * (entrypoints/popup-app.ts) loads; that script takes the reads over (components/popup/early.ts).
 */
export default defineUnlistedScript(() => startEarlyReads());
