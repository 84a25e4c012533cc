// A step of `npm test`: fails when modules in lib/ import each other in a circle (type-only imports count: a circle of
// types is still two rooms that cannot be understood apart). Prints each circle once.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const lib = join(root, 'lib');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const files = sources(lib);
const edges = new Map(
  files.map((file) => {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = imports.map((i) => resolveImport(file, i.fileName)).filter((t) => t && t.startsWith(lib));
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component of more than one module is a circle.
let index = 0;
const stack = [];
const meta = new Map();
const circles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    const selfLoop = component.length === 1 && (edges.get(v) ?? []).includes(v);
    if (component.length > 1 || selfLoop) circles.push(component);
  }
}
for (const file of files) if (!meta.has(file)) visit(file);

if (circles.length) {
  console.error(`${circles.length} import circle(s) in lib/:`);
  for (const circle of circles)
    console.error(
      `  ${circle
        .map((f) => relative(root, f))
        .sort()
        .join(', ')}`,
    );
  process.exit(1);
}
console.log(`No import circle among ${files.length} modules in lib/.`);
