// Reads the argument types of Slack's Node SDK (@slack/web-api's dist/types/request/*.d.ts): the
// oracle for methods that have no spec in Slack's reference set. Test-only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SdkArguments {
  /** The SDK's type for the method's arguments, in request/<file>.d.ts. */
  type: string;
  file: string;
  required: string[];
  args: string[];
}

const require = createRequire(import.meta.url);
const REQUEST = join(dirname(require.resolve('@slack/web-api/package.json')), 'dist', 'types', 'request');

const source = (file: string) => readFileSync(join(REQUEST, `${file}.d.ts`), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');

/** The text of `export interface Name … { … }` or `export type Name = …;`. */
function declaration(text: string, name: string): string | undefined {
  const start = text.search(new RegExp(`export (interface|type) ${name}\\b`));
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{' || char === '<' || char === '(') depth += 1;
    else if (char === '}' || char === '>' || char === ')') {
      depth -= 1;
      if (depth === 0 && char === '}' && text.startsWith('export interface', start)) return text.slice(start, i + 1);
    } else if (char === ';' && depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** Members written in the declaration's braces, then those of every type it names there or in common.d.ts. */
function members(name: string, file: string, seen = new Set<string>()): Map<string, boolean> {
  const found = new Map<string, boolean>();
  if (seen.has(name)) return found;
  seen.add(name);
  const decl = declaration(source(file), name) ?? declaration(source('common'), name);
  if (!decl) return found;
  for (const match of decl.matchAll(/^\s*(\w+)(\?)?:/gm)) found.set(match[1] ?? '', !match[2]);
  const body = decl.replace(/^export (interface|type) \w+/, '');
  for (const ref of new Set(body.match(/\b[A-Z]\w+\b/g) ?? [])) {
    for (const [member, required] of members(ref, file, seen)) found.set(member, required);
  }
  return found;
}

/** `DndSetSnoozeArguments` in request/dnd.d.ts, its token left out as Courier's client adds it. */
export function sdkArguments(type: string, file: string): SdkArguments {
  const all = [...members(type, file)].filter(([name]) => name !== 'token');
  return {
    type,
    file,
    required: all
      .filter(([, required]) => required)
      .map(([name]) => name)
      .sort(),
    args: all.map(([name]) => name).sort(),
  };
}
