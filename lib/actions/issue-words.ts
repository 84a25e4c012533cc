// What is wrong with a value, in a few words for inputFailure's "<field> is not valid (…)".
// zod/mini ships no messages of its own ("Invalid input" for everything), and its English locale
// is 2.6 KB of the background for dozens of formats the catalog never uses: the catalog's fields
// need only these few.
import type * as z from 'zod/mini';
import { CourierFailure } from '../errors';

const UNITS: Record<string, string> = { string: 'character', array: 'item', set: 'item' };
const FORMATS: Record<string, string> = { url: 'a URL', email: 'an email address' };

const typeOf = (input: unknown) => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

export const issueWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = big ? issue.maximum : issue.minimum;
      const exact = issue.exact ? 'exactly' : big ? 'at most' : 'at least';
      // Exclusive bounds (gt/lt) are not used by the catalog; an inclusive word is still true of them.
      const unit = UNITS[issue.origin];
      return `${exact} ${String(bound)}${unit ? ` ${unit}${Number(bound) === 1 ? '' : 's'}` : ''}`;
    }
    case 'invalid_format':
      return `expected ${FORMATS[issue.format] ?? `the ${issue.format} form`}`;
    default:
      return 'not valid';
  }
};

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/**
 * One sentence naming the first field at fault, after what was refused: "Send Message: channel is
 * required." for an action, 'Courier refused the request "send": targets is not valid (…).' at the
 * router.
 */
export function inputFailure(subject: string, error: z.core.$ZodError): CourierFailure {
  const issue = error.issues[0];
  if (!issue) return new CourierFailure('invalid_input', `${subject}: the input is not valid.`);
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    return new CourierFailure('invalid_input', `${subject}: ${key} is not one of its fields.`, { field: key });
  }
  const field = fieldName(issue.path);
  const top = issue.path[0];
  const details = top === undefined ? {} : { field: String(top) };
  // A rule between fields (fields.ts) says in its own words what to give.
  if (!field || issue.code === 'custom')
    return new CourierFailure('invalid_input', `${subject}: ${issue.message}.`, details);
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const what = missing ? 'is required' : `is not valid (${issue.message})`;
  return new CourierFailure('invalid_input', `${subject}: ${field} ${what}.`, details);
}

// reportInput lets a wrong value be told apart from a missing one; the values never leave
// inputFailure.
export const PARSE_OPTIONS = { error: issueWords, reportInput: true };
