// Reads the reference fixtures (see ../fixtures/README.md) for the catalog tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sdkArguments } from './sdk-arguments';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface MethodSpec {
  required: string[];
  args: string[];
  scope: { bot: string[]; user: string[] };
}

export const METHOD_SPECS = JSON.parse(readFileSync(fixture('method-specs.json'), 'utf8')) as Record<
  string,
  MethodSpec
>;

/**
 * The method's spec; for a method with none in the reference set, what the SDK's argument types
 * say (the SDK carries no scopes: those are checked against its scope names instead).
 */
export function specOf(method: string): (MethodSpec & { from: 'spec' | 'sdk' }) | undefined {
  const spec = METHOD_SPECS[method];
  if (spec) return { ...spec, from: 'spec' };
  const sdk = sdkArguments(method);
  return sdk && { required: sdk.required, args: sdk.args, scope: { bot: [], user: [] }, from: 'sdk' };
}

export interface TableARow {
  title: string;
  methods: string[];
  botScopes: string;
  userScopes: string;
  botOk: string;
}

/** Table A of slack-api.md §2.1: one row per action, cells as written there. */
export function tableA(): TableARow[] {
  return readFileSync(fixture('table-a.md'), 'utf8')
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => /^\d+$/.test(cells[1] ?? ''))
    .map((cells) => ({
      title: cells[2] ?? '',
      methods: [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''),
      botScopes: cells[6] ?? '',
      userScopes: cells[7] ?? '',
      botOk: cells[8] ?? '',
    }));
}

/** A docs example response (`example.<method>.json`), the success variant. */
export function slackExample(method: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(fixture(`example.${method}.json`), 'utf8')) as {
    success: { example: Record<string, unknown> };
  };
  return file.success.example;
}
