import type { Target } from './target';

/**
 * How directory text is prepared for search, shared by the background (which stores it with the
 * directory) and the picker (which folds queries the same way).
 */

/** '\n' separates a target's name, display name and real name in its haystack. */
export const FIELD_SEPARATOR = 10;

/** Anything but printable ASCII, or two spaces in a row: the text needs more than lowercasing. */
const UNUSUAL = /[^\u0020-\u007e]| {2}/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;

/** Lowercase, without accents, whitespace collapsed: how both targets and queries are compared. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!UNUSUAL.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(WHITESPACE, ' ');
}

export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127;
}

/** One bit per letter a–z, one for digits, one for anything else: a cheap "cannot match" test. */
export function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) bits |= 1 << 26;
    else if (code !== FIELD_SEPARATOR) bits |= 1 << 27;
  }
  return bits;
}

export interface Masks {
  letters: Int32Array;
  fieldInitials: Int32Array;
  wordInitials: Int32Array;
}

/**
 * Fills in a target's `letters` (as `lettersOf`), and which letters a–z start one of its fields
 * or another word, so that a one-letter query (the first key press, with the most results) needs
 * no string search.
 */
export function describeHaystack(haystack: string, masks: Masks, position: number): void {
  let letters = 0;
  let fields = 0;
  let words = 0;
  let before = FIELD_SEPARATOR;
  for (let i = 0; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      const bit = 1 << (code - 97);
      letters |= bit;
      if (before === FIELD_SEPARATOR) fields |= bit;
      else if (!isWordChar(before)) words |= bit;
    } else if (code >= 48 && code <= 57) {
      letters |= 1 << 26;
    } else if (code !== FIELD_SEPARATOR) {
      letters |= 1 << 27;
    }
    before = code;
  }
  masks.letters[position] = letters;
  masks.fieldInitials[position] = fields;
  masks.wordInitials[position] = words;
}

/** "name\ndisplay name\nreal name", folded, duplicates dropped; `name` is already folded. */
export function haystackOf(name: string, target: Pick<Target, 'displayName' | 'realName'>): string {
  let haystack = name;
  const display = target.displayName ? fold(target.displayName).trim() : '';
  if (display && display !== name) haystack += `\n${display}`;
  const real = target.realName ? fold(target.realName).trim() : '';
  if (real && real !== name && real !== display) haystack += `\n${real}`;
  return haystack;
}
