/**
 * What the background's services need to run in Node, as the unit tests give it them: IndexedDB
 * (fake-indexeddb) and the extension APIs the services touch on the side (badge, storage.local for
 * revisions and recents). Imported before any lib/ module, because wxt/browser picks its `browser`
 * when it loads.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
