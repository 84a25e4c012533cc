import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh IndexedDB per test, so no test sees another's records.
  globalThis.indexedDB = new IDBFactory();
});
