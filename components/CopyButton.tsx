import { useState } from 'preact/hooks';

interface Props {
  text: string;
  label: string;
}

/** Copies text to the clipboard and says so, for screen readers too. */
export function CopyButton({ text, label }: Props) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <button type="button" onClick={copy} aria-label={label}>
        Copy
      </button>
      <span role="status" class="muted">
        {copied === 'copied'
          ? ' Copied.'
          : copied === 'failed'
            ? ' Copy failed: select the text and copy it by hand.'
            : ''}
      </span>
    </>
  );
}
