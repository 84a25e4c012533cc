import { useCallback, useEffect, useState } from 'preact/hooks';

export type RequestState<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; message: string };

/** Runs an async load on mount and on reload(); the component renders each state explicitly. */
export function useRequest<T>(load: () => Promise<T>): [RequestState<T>, () => void] {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) =>
        live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // load is a fresh closure each render; reloading is driven by `round` only.
  }, [round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [state, reload];
}
