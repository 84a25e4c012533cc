/**
 * Slack's inline styles in message text: `*bold*`, `_italic_`, `~strike~` and `` `code` ``. A mark
 * opens only where a word does not go on before it and text follows it, and closes after text where
 * no word goes on; none spans a line. Styles nest (`*_both_*`); nothing inside code is styled. The
 * text given is already plain (readMrkdwn's text pieces), so no markup reaches a style.
 */

export interface StyledRun {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  code?: true;
}

type Style = Omit<StyledRun, 'text'>;

const MARKS: ReadonlyArray<{ pattern: RegExp; style: keyof Style }> = [
  { pattern: /`([^`\n]+)`/, style: 'code' },
  { pattern: /(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/u, style: 'bold' },
  { pattern: /(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/u, style: 'italic' },
  { pattern: /(?<![\p{L}\p{N}~])~(?=\S)([^~\n]*?\S)~(?![\p{L}\p{N}~])/u, style: 'strike' },
];

export function styleText(text: string, outer: Style = {}): StyledRun[] {
  const runs: StyledRun[] = [];
  let rest = text;
  while (rest) {
    // The mark that opens first wins; at the same place, the one listed first.
    let first: { match: RegExpExecArray; style: keyof Style } | undefined;
    for (const { pattern, style } of MARKS) {
      const match = pattern.exec(rest);
      if (match && (!first || match.index < first.match.index)) first = { match, style };
    }
    if (!first) break;
    const { match, style } = first;
    if (match.index > 0) runs.push({ text: rest.slice(0, match.index), ...outer });
    const inner = match[1]!;
    if (style === 'code') runs.push({ text: inner, ...outer, code: true });
    else runs.push(...styleText(inner, { ...outer, [style]: true }));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) runs.push({ text: rest, ...outer });
  return runs;
}
