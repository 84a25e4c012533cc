/**
 * Reads Slack message text (mrkdwn) the way Slack shows it, as a list of pieces: plain text and
 * links. Slack escapes `&`, `<` and `>` in what people typed, so a raw `<` always opens markup,
 * which runs to the next `>`: `<url>` and `<url|label>` are links, `<#C123|general>` a channel,
 * `<@U123>` a person, `<!here>` a broadcast. Only http(s) URLs come out as links; any other scheme
 * (`javascript:`, `data:`, `mailto:`…) comes out as its label in plain text. A `<` without its `>`,
 * or one with another `<` before it, is text. Entities are decoded once, after the markup is found,
 * so an escaped `&lt;b&gt;` reads `<b>` and never becomes markup.
 */

export type MrkdwnPiece = { kind: 'text'; text: string } | { kind: 'link'; url: string; label: string };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Slack's three entities, decoded in one pass (`&amp;lt;` reads `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity]!);
}

/** The URL when it is http(s), normalised by the URL parser; otherwise undefined. */
function webUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What one `<…>` sequence shows: its body is everything between the brackets. */
function readSequence(body: string): MrkdwnPiece {
  const bar = body.indexOf('|');
  // Slack splits at the first `|`: a label may hold more of them.
  const target = decodeEntities(bar < 0 ? body : body.slice(0, bar));
  const label = bar < 0 ? '' : decodeEntities(body.slice(bar + 1));
  switch (target[0]) {
    case '#':
      return { kind: 'text', text: `#${label || target.slice(1)}` };
    case '@':
      return { kind: 'text', text: `@${label || target.slice(1)}` };
    case '!': {
      // <!here>, <!channel>, <!everyone>; <!subteam^S1|@team> and <!date^…|fallback> carry their text.
      if (label) return { kind: 'text', text: label };
      const word = target.slice(1).split('^')[0] ?? '';
      return { kind: 'text', text: `@${word}` };
    }
    default: {
      const url = webUrl(target);
      if (url) return { kind: 'link', url, label: label || target };
      return { kind: 'text', text: label || target };
    }
  }
}

/** The pieces of a message, in order, adjacent text joined. */
export function readMrkdwn(text: string): MrkdwnPiece[] {
  const pieces: MrkdwnPiece[] = [];
  const push = (piece: MrkdwnPiece) => {
    const last = pieces[pieces.length - 1];
    if (piece.kind === 'text' && last?.kind === 'text') last.text += piece.text;
    else if (piece.kind === 'link' || piece.text) pieces.push(piece);
  };
  // The innermost `<…>` with no bracket inside: anything else around it stays text.
  const sequence = /<([^<>]*)>/g;
  let at = 0;
  for (let match = sequence.exec(text); match; match = sequence.exec(text)) {
    push({ kind: 'text', text: decodeEntities(text.slice(at, match.index)) });
    push(readSequence(match[1]!));
    at = match.index + match[0].length;
  }
  push({ kind: 'text', text: decodeEntities(text.slice(at)) });
  return pieces;
}
