import { z } from 'zod';
import type { ActionDef } from '../actions/types';
import type { ActionField, ActionView } from '../protocol';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  picker?: 'channel' | 'user';
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Collapses unions (e.g. string | number) to the first usable branch for a form control. */
function settle(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  const usable = branches.find((branch) => branch.type !== 'null') ?? branches[0] ?? {};
  return {
    ...settle(usable),
    description: schema.description ?? usable.description,
    picker: schema.picker ?? usable.picker,
  };
}

function fieldType(schema: JsonSchema): ActionField['type'] {
  if (schema.enum) return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'array') {
    const items = settle(schema.items ?? {});
    return items.type === 'string' && !items.enum ? 'list' : 'json';
  }
  if (type === 'object') return 'json';
  return 'string';
}

/**
 * What a page needs to draw an action's form, derived from its zod schema through JSON Schema, so
 * an action's schema stays its single description.
 */
export function describeAction(action: ActionDef): ActionView {
  const schema = z.toJSONSchema(action.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, raw]): ActionField => {
    const property = settle(raw);
    const type = fieldType(property);
    return {
      name,
      type,
      required: required.has(name),
      ...(property.description ? { description: property.description } : {}),
      ...(type === 'enum' ? { options: (property.enum ?? []).map(String) } : {}),
      ...(property.picker ? { picker: property.picker } : {}),
    };
  });
  return {
    id: action.id,
    title: action.title,
    description: action.description,
    group: action.group,
    token: action.token,
    botScopes: action.scopes.bot,
    userScopes: action.scopes.user,
    fields,
  };
}
