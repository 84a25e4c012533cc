// Size budgets of the production build, gzipped: what a page must download and parse before it
// can run. The popup's initial JavaScript is its entry script plus every module it preloads; the
// background is its worker script plus the shared chunks it imports.
//
//   node scripts/budgets.mjs          checks .output/chrome-mv3 (after `wxt build`); exits 1 when over
//   node scripts/budgets.mjs --parts  builds with source maps into .output/budget-parts and also
//                                     prints what each budget is made of (minified bytes per source)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  // 30 -> 33 KB (issue 18): the site's channel (+1.0 KB), the screenshot buttons (+1.0), the
  // selection's prefix read from its own paragraph (+0.2). The picker's time to
  // interactive is ruled by reading the directory, not by this script (bench/notes.md), but the next
  // feature should pay for itself: Composer.tsx carries send results that belong in SendResults.
  { name: 'popup initial JavaScript', entry: 'popup.html', limitKb: 33 },
  // The Status section (issue 18) is its own classic script, which the popup adds to the page once
  // its quick actions have painted (components/popup/status-slot.tsx): it is not in popup.html, so
  // it is counted here, apart, with the Preact copy it carries.
  { name: 'popup Status, after first paint', entry: 'popup-status.js', limitKb: 12 },
  // 62 -> 66 KB (issue 15 and 16): every request's payload parsed at the router (1.1 KB of zod/mini
  // schemas), the lost-key check, revoke on removal, the start retry and quota sentences, the
  // outbox's reconnect resume and next-try timer.
  // 66 -> 75 KB (issues 17, 18, 20): the one table of Slack codes gives every code its methods' specs
  // list a sentence (+1.8 KB: about 115 codes that said only "Slack refused with x"), the wake
  // scheduler (+0.6), the site channels (+1.4), screenshots (+2.5), the outbox's own room (+0.4),
  // status presets. 75 -> 76 (issue 20): the directory's published stamp (+0.2 KB). The next
  // kilobytes come back from the catalog's help text, which only the console reads: it could leave
  // the worker for a docs table the options page loads.
  { name: 'background', entry: 'background.js', limitKb: 76 },
];

const output = path.resolve(import.meta.dirname, '../.output');
const withParts = process.argv.includes('--parts');
const outDir = withParts ? path.join(output, 'budget-parts') : output;
if (withParts) {
  const { build } = await import('wxt');
  // Hidden maps: the same code as the production build, with the maps beside it.
  await build({ outDir, vite: () => ({ build: { sourcemap: 'hidden' } }) });
}
const root = path.join(outDir, 'chrome-mv3');
if (!existsSync(path.join(root, 'manifest.json'))) {
  console.error(`No build in ${path.relative(process.cwd(), root)}: run \`npx wxt build\` first.`);
  process.exit(1);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const read = (file) => readFileSync(path.join(root, file));
const gzipBytes = (file) => gzipSync(read(file), { level: 9 }).length;

/** The entry and the static imports it pulls in, transitively. */
function modulesOf(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(file).toString('utf8');
    const html = file.endsWith('.html');
    const pattern = html ? /(?:src|href)="\/([^"]+\.js)"/g : /(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g;
    for (const [, ref] of source.matchAll(pattern)) {
      visit(html ? ref : path.join(path.dirname(file), ref));
    }
  };
  visit(entry);
  return [...seen].filter((file) => file.endsWith('.js'));
}

/** Where a source file belongs in the breakdown: a package (zod by flavour) or a source folder. */
function partOf(source, mapDir) {
  const modules = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
  if (modules) {
    const [, name, rest] = modules;
    const flavour = name === 'zod' && rest.match(/^v4\/(classic|mini|core|locales)\//);
    return flavour ? `zod/${flavour[1]}` : name;
  }
  const relative = path.relative(path.resolve(import.meta.dirname, '..'), path.resolve(mapDir, source));
  return relative.match(/^(?:lib|components|entrypoints)\/[^/]+/)?.[0] ?? relative;
}

/** Minified bytes of `file` per part, from its source map: each mapping owns the bytes up to the next. */
async function partsOf(file, sizes) {
  const { decode } = await import('@jridgewell/sourcemap-codec');
  // Rollup writes no map for a chunk without code (WXT's empty plugin chunk).
  if (!existsSync(path.join(root, `${file}.map`))) return sizes.set('(no source map)', read(file).length);
  const map = JSON.parse(read(`${file}.map`).toString('utf8'));
  const lines = read(file).toString('utf8').split('\n');
  const mapDir = path.join(root, path.dirname(file), map.sourceRoot ?? '');
  const add = (part, bytes) => sizes.set(part, (sizes.get(part) ?? 0) + bytes);
  decode(map.mappings).forEach((segments, index) => {
    const line = lines[index] ?? '';
    let mapped = 0;
    segments.forEach((segment, i) => {
      const bytes = (segments[i + 1]?.[0] ?? line.length) - segment[0];
      mapped += bytes;
      add(segment.length > 1 ? partOf(map.sources[segment[1]], mapDir) : '(unmapped)', bytes);
    });
    add('(unmapped)', line.length + 1 - mapped);
  });
}

let failed = false;
for (const budget of BUDGETS) {
  const files = modulesOf(budget.entry);
  const total = files.reduce((sum, file) => sum + gzipBytes(file), 0) / 1024;
  const ok = total <= budget.limitKb;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${total.toFixed(1)} KB gzipped (budget ${budget.limitKb} KB, ${files.length} files)`,
  );
  if (!withParts) continue;
  for (const file of files)
    console.log(`       ${file}: ${kb(read(file).length)} KB minified, ${kb(gzipBytes(file))} KB gzipped`);
  const sizes = new Map();
  for (const file of files) await partsOf(file, sizes);
  for (const [part, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
    if (bytes >= 512) console.log(`       ${kb(bytes).padStart(6)} KB  ${part}`);
  }
}
process.exit(failed ? 1 : 0);
