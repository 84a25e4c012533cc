import * as z from 'zod/mini';
import type { ActionDef } from './types';
import type { ActionField, ActionView } from '../protocol';

type Schema = z.core.$ZodType;

/** The parts of a zod definition a form needs; each kind of schema fills some of them. */
interface Definition {
  type: string;
  /** optional, nullable, default, readonly…: the schema they wrap. */
  innerType?: Schema;
  /** pipe: what the person types is its input side. */
  in?: Schema;
  options?: Schema[];
  element?: Schema;
  entries?: Record<string, string | number>;
  shape?: Record<string, Schema>;
}

interface Settled {
  definition: Definition;
  description?: string;
  picker?: ActionField['picker'];
}

/**
 * The schema a form control stands for: wrappers peeled and unions (e.g. string | number) settled
 * on their first usable branch. Help text and picker come from the outermost layer that has them.
 */
function settle(schema: Schema): Settled {
  const settled: Omit<Settled, 'definition'> = {};
  for (let current = schema; ;) {
    const meta = z.globalRegistry.get(current);
    settled.description ??= meta?.description;
    settled.picker ??= meta?.picker as Settled['picker'];
    const definition = current._zod.def as unknown as Definition;
    const options = definition.type === 'union' ? (definition.options ?? []) : [];
    const next =
      definition.innerType ?? definition.in ?? options.find((option) => option._zod.def.type !== 'null') ?? options[0];
    if (!next) return { ...settled, definition };
    current = next;
  }
}

function fieldType({ type, element }: Definition): ActionField['type'] {
  if (type === 'enum' || type === 'boolean') return type;
  if (type === 'number') return 'number';
  if (type === 'array') return element && settle(element).definition.type === 'string' ? 'list' : 'json';
  if (type === 'object' || type === 'record') return 'json';
  return 'string';
}

/**
 * What a page needs to draw an action's form, read from its zod schema, so an action's schema
 * stays its single description. Read from the definitions directly: zod's JSON Schema converter
 * gives the same answer (describe-action.test.ts checks every action against it) but adds 6.5 KB
 * gzipped to the worker, a tenth of its budget.
 */
export function describeAction(action: ActionDef): ActionView {
  const shape = (action.input._zod.def as unknown as Definition).shape ?? {};
  const fields = Object.entries(shape).map(([name, schema]): ActionField => {
    const { definition, description, picker } = settle(schema);
    const type = fieldType(definition);
    return {
      name,
      type,
      // Optional or defaulted on the way in: the form may leave it empty.
      required: schema._zod.optin === undefined,
      ...(description ? { description } : {}),
      ...(type === 'enum' ? { options: Object.values(definition.entries ?? {}).map(String) } : {}),
      ...(picker ? { picker } : {}),
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
    ...(action.pages ? { pages: action.pages } : {}),
  };
}
