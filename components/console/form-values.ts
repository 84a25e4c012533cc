import type { ActionField } from '@/lib/protocol';

/** What the generated form holds per field: text for inputs, a flag, or a list of texts. */
export type FieldValue = string | boolean | string[];

export type FormValues = Record<string, FieldValue>;

export function emptyValue(field: ActionField): FieldValue {
  if (field.type === 'boolean') return false;
  if (field.type === 'list') return [''];
  return '';
}

/**
 * Turns the form into the action's input: empty optional fields are left out, numbers and JSON
 * parsed. A field that cannot be read is reported by name, like the background's own check.
 */
export function toInput(
  fields: ActionField[],
  values: FormValues,
): { input: Record<string, unknown> } | { field: string; message: string } {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? emptyValue(field);
    if (field.type === 'boolean') {
      if (value === true || field.required) input[field.name] = value === true;
      continue;
    }
    if (field.type === 'list') {
      const items = (value as string[]).map((item) => item.trim()).filter(Boolean);
      if (items.length) input[field.name] = items;
      continue;
    }
    const text = String(value).trim();
    if (!text) continue;
    if (field.type === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) return { field: field.name, message: `${field.name} must be a number.` };
      input[field.name] = number;
    } else if (field.type === 'json') {
      try {
        input[field.name] = JSON.parse(text) as unknown;
      } catch {
        return { field: field.name, message: `${field.name} must be valid JSON.` };
      }
    } else {
      input[field.name] = text;
    }
  }
  return { input };
}

/** The reverse, for re-running a recent run with the same input. */
export function fromInput(fields: ActionField[], input: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = input[field.name];
    if (value === undefined) values[field.name] = emptyValue(field);
    else if (field.type === 'boolean') values[field.name] = value === true;
    else if (field.type === 'list')
      values[field.name] = Array.isArray(value) ? value.map((item) => String(item as string)) : [JSON.stringify(value)];
    else if (field.type === 'json') values[field.name] = JSON.stringify(value, null, 2);
    else values[field.name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}
