import type { ComponentChildren } from 'preact';

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: FieldControlProps) => ComponentChildren;
}

/** A labelled control with its hint and its error message next to it, wired for screen readers. */
export function Field({ id, label, error, hint, children }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <small id={`${id}-hint`} class="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="error field-error">
          {error}
        </small>
      )}
    </div>
  );
}
