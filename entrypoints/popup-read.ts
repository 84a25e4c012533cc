import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyRead } from '@/lib/directory/read';

/**
 * The popup's first script, a classic one in its <head>: at scale, reading the cached directory is
 * the longest part of opening the popup, and a classic script runs while the page is parsed, before
 * the popup's modules have loaded, so the read overlaps their loading (entrypoints/popup/main.tsx
 * takes it over).
 */
export default defineUnlistedScript(startEarlyRead);
