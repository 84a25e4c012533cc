// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import * as z from 'zod/mini';
import { ACTIONS } from './catalog';
import type { ActionDef } from './types';
import type { ActionField } from '../protocol';
import { describeAction } from './describe';

const action: ActionDef = {
  id: 'demo',
  title: 'Demo',
  description: 'A demo action.',
  group: 'messages',
  methods: ['chat.postMessage'],
  token: 'either-bot',
  example: { channel: 'C0123456789', presence: 'auto' },
  scopes: { bot: ['chat:write'], user: ['chat:write'] },
  input: z.object({
    channel: z.string().check(z.describe('Channel id'), z.meta({ picker: 'channel' })),
    text: z.optional(z.string()),
    presence: z.enum(['auto', 'away']),
    unfurl_links: z.optional(z.boolean()),
    limit: z.optional(z.int()),
    users: z.optional(z.array(z.string())),
    blocks: z.optional(z.array(z.object({ type: z.string() }))),
    metadata: z.optional(z.object({ event_type: z.string() })),
    ts: z.optional(z.union([z.string(), z.number()])),
    note: z.nullish(z.string().check(z.describe('Inner help'))).check(z.describe('Outer help')),
    count: z._default(z.number(), 1),
  }),
  run: () => Promise.resolve(null),
};

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
  picker?: 'channel' | 'user';
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** The same question answered through zod's own JSON Schema converter, as a second opinion. */
function fieldsByJsonSchema(input: ActionDef['input']): ActionField[] {
  const schema = classic.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const settle = (node: JsonSchema): JsonSchema => {
    const usable = node.anyOf?.find((branch) => branch.type !== 'null') ?? node.anyOf?.[0];
    return usable ? { ...settle(usable), description: node.description ?? usable.description } : node;
  };
  return Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const property = settle(raw);
    const items = property.items && settle(property.items);
    let type: ActionField['type'] = 'string';
    if (property.enum) type = 'enum';
    else if (property.type === 'boolean') type = 'boolean';
    else if (property.type === 'number' || property.type === 'integer') type = 'number';
    else if (property.type === 'array') type = items?.type === 'string' && !items.enum ? 'list' : 'json';
    else if (property.type === 'object') type = 'json';
    return {
      name,
      type,
      required: (schema.required ?? []).includes(name),
      ...(property.description ? { description: property.description } : {}),
      ...(type === 'enum' ? { options: (property.enum ?? []).map(String) } : {}),
      ...(property.picker ? { picker: property.picker } : {}),
    };
  });
}

describe('describeAction', () => {
  it('turns a zod input schema into form fields with Slack names, types and pickers', () => {
    const view = describeAction(action);
    expect(view.fields).toEqual([
      { name: 'channel', type: 'string', required: true, description: 'Channel id', picker: 'channel' },
      { name: 'text', type: 'string', required: false },
      { name: 'presence', type: 'enum', required: true, options: ['auto', 'away'] },
      { name: 'unfurl_links', type: 'boolean', required: false },
      { name: 'limit', type: 'number', required: false },
      { name: 'users', type: 'list', required: false },
      { name: 'blocks', type: 'json', required: false },
      { name: 'metadata', type: 'json', required: false },
      { name: 'ts', type: 'string', required: false },
      { name: 'note', type: 'string', required: false, description: 'Outer help' },
      { name: 'count', type: 'number', required: false },
    ]);
    expect(view.fields).toEqual(fieldsByJsonSchema(action.input));
    expect(view).toMatchObject({ id: 'demo', token: 'either-bot', botScopes: ['chat:write'] });
  });

  it.each(ACTIONS.map((entry) => [entry.id, entry] as const))(
    '%s: the same form as zod’s JSON Schema describes',
    (_id, entry) => {
      const fields = describeAction(entry).fields;
      expect(fields.map((field) => field.name)).toEqual(
        Object.keys((entry.input._zod.def as { shape?: object }).shape ?? {}),
      );
      expect(fields).toEqual(fieldsByJsonSchema(entry.input));
    },
  );
});
