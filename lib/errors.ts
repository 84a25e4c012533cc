import type { ErrorKind, WireError } from './protocol';

/** An error whose message is already a sentence a person can act on. */
export class CourierFailure extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'CourierFailure';
    this.kind = kind;
  }
}

/**
 * The one place that decides what a page is told about a failure. Unknown errors are reduced to a
 * generic sentence so that nothing secret (a token inside a URL or a body) can leak into the UI.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof CourierFailure) return { kind: error.kind, message: error.message };
  return {
    kind: 'internal',
    message: 'Something went wrong inside Courier. Open Diagnostics in the options page for details.',
  };
}
