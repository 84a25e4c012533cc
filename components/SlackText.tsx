import { readMrkdwn } from '@/lib/slack/mrkdwn';

/**
 * A message's text as Slack shows it: http(s) links as links (opening in a new tab, with no opener
 * and no referrer), channels and people by name, entities decoded; never the markup. Built as
 * nodes: Preact escapes the text, and only URLs the URL parser read as http(s) reach an href.
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
          piece.text
        ),
      )}
    </>
  );
}
