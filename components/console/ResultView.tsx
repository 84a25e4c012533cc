import type { ActionRun } from '@/lib/protocol';
import { CopyButton } from '../CopyButton';

export type Outcome =
  | { state: 'idle' }
  | { state: 'running'; title: string; progress?: string }
  | { state: 'done'; title: string; run: ActionRun }
  | { state: 'failed'; title: string; message: string; field?: string };

/** The region labelled "Result": formatted JSON with copy, or the error and its field. */
export function ResultView({ outcome }: { outcome: Outcome }) {
  const text = outcome.state === 'done' ? JSON.stringify(outcome.run.result, null, 2) : '';
  return (
    <section class="result" aria-label="Result" aria-live="polite" aria-busy={outcome.state === 'running'}>
      {outcome.state === 'idle' && (
        <p class="muted">Choose a workspace and an action, fill in the form, and press Run.</p>
      )}
      {outcome.state === 'running' && (
        <p class="muted">
          Running {outcome.title}…{outcome.progress ? ` ${outcome.progress}` : ''}
        </p>
      )}
      {outcome.state === 'failed' && (
        <p class="error" role="alert">
          {outcome.title} failed: {outcome.message}
          {outcome.field ? ` (field: ${outcome.field})` : ''}
        </p>
      )}
      {outcome.state === 'done' && (
        <>
          <p class="status-connected">
            {outcome.title} succeeded with the {outcome.run.tokenKind} token in {outcome.run.ms} ms.{' '}
            <CopyButton text={text} label="Copy result JSON" />
          </p>
          <textarea
            class="result-json"
            readOnly
            rows={Math.min(24, text.split('\n').length + 1)}
            spellcheck={false}
            aria-label="Result JSON"
            value={text}
          />
        </>
      )}
    </section>
  );
}
