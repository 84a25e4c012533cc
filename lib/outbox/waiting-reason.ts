/**
 * Slack's sentences end with what the person should do ("Wait a moment and try again."). For an
 * item Courier retries by itself that advice contradicts "Courier tries again at …", so a waiting
 * item keeps only what happened; the page adds when the next attempt is and offers "Try now".
 */
const ADVICE = [
  /\s*Wait a (?:moment|minute) and try again\.?/g,
  /\s*Try again in \d+ s\.?/g,
  /\s*Try again, or reconnect the workspace if it keeps happening\.?/g,
];

export function whatHappened(sentence: string): string {
  let said = sentence;
  for (const advice of ADVICE) said = said.replace(advice, '');
  // "Check that you're online, then try again." is advice worth keeping, without its last words.
  said = said.replace(/, then try again\./g, '.');
  return said.trim() || sentence;
}
