// Size budgets of the production build, gzipped: what a page must download and parse before it
// can run. The popup's initial JavaScript is its entry script plus every module it preloads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../.output/chrome-mv3');
const BUDGETS = [
  { name: 'popup initial JavaScript', entry: 'popup.html', limitKb: 30 },
  { name: 'background', entry: 'background.js', limitKb: 60 },
];

const gzipKb = (file) => gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length / 1024;

/** The entry and the static imports it pulls in, transitively. */
function modulesOf(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(path.join(root, file), 'utf8');
    const html = file.endsWith('.html');
    const pattern = html ? /(?:src|href)="\/([^"]+\.js)"/g : /(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g;
    for (const [, ref] of source.matchAll(pattern)) {
      visit(html ? ref : path.join(path.dirname(file), ref));
    }
  };
  visit(entry);
  return [...seen].filter((file) => file.endsWith('.js'));
}

let failed = false;
for (const budget of BUDGETS) {
  const files = modulesOf(budget.entry);
  const total = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const ok = total <= budget.limitKb;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${total.toFixed(1)} KB gzipped (budget ${budget.limitKb} KB, ${files.length} files)`,
  );
}
process.exit(failed ? 1 : 0);
