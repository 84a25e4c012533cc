// Reads the argument types of Slack's Node SDK (@slack/web-api's dist/types/request/*.d.ts): the
// oracle for methods that have no spec in Slack's reference set, read from node_modules as it is
// now, so a method Courier starts to call needs no fixture. Test-only.
import { existsSync, readFileSync } from 'node:fs';
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

/** The SDK's names for a method's arguments: dnd.setSnooze → DndSetSnoozeArguments in request/dnd.d.ts. */
export function sdkTypeOf(method: string): { type: string; file: string } {
  const parts = method.split('.');
  const type = `${parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}Arguments`;
  return { type, file: parts[0] ?? '' };
}

/**
 * The arguments the SDK types for `method`, its token left out as Courier's client adds it;
 * undefined when the SDK has no such method.
 */
export function sdkArguments(method: string): SdkArguments | undefined {
  const { type, file } = sdkTypeOf(method);
  if (!existsSync(join(REQUEST, `${file}.d.ts`)) || !declaration(source(file), type)) return undefined;
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

/** The scope names the SDK lists for bots or for users (its manifest's BotScope and UserScope types). */
export function sdkScopes(kind: 'bot' | 'user'): Set<string> {
  const types = readFileSync(join(REQUEST, 'manifest.d.ts'), 'utf8');
  const union = new RegExp(`type ${kind === 'bot' ? 'BotScope' : 'UserScope'} = ([^;]+);`).exec(types)?.[1] ?? '';
  return new Set([...union.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? ''));
}
