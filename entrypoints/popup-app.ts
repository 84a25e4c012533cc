import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from './popup/start';

/**
 * The whole popup as one classic script (entrypoints/popup/index.html loads it): an extension page
 * waits a few milliseconds for each file it loads, one after another, so the popup loads one script and one style
 * sheet instead of an entry, its shared chunks and their style sheets. Built by WXT as an unlisted
 * script, which bundles everything it imports (the quick actions included) into /popup-app.js.
 */
export default defineUnlistedScript(startPopup);
