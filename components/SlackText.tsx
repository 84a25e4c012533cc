import type { ComponentChildren } from 'preact';
import { readMrkdwn } from '@/lib/slack/mrkdwn';
import { styleText, type StyledRun } from '@/lib/slack/mrkdwn-style';

function Run({ run }: { run: StyledRun }) {
  let node: ComponentChildren = run.text;
  if (run.code) node = <code>{node}</code>;
  if (run.strike) node = <s>{node}</s>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  return <>{node}</>;
}

/**
 * A message's text as Slack shows it: http(s) links as links (opening in a new tab, with no opener
 * and no referrer), channels and people by name, entities decoded, bold, italic, strike and code
 * styled; never the markup. Built as nodes: Preact escapes the text, and only URLs the URL parser
 * read as http(s) reach an href.
 */
export function SlackText({ text }: { text: string }) {
  return (
    <>
      {readMrkdwn(text).map((piece, index) =>
        piece.kind === 'link' ? (
          <a key={index} href={piece.url} target="_blank" rel="noopener noreferrer">
            {piece.label}
          </a>
        ) : (
          styleText(piece.text).map((run, at) => <Run key={`${index}.${at}`} run={run} />)
        ),
      )}
    </>
  );
}
