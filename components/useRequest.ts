import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Topic } from '@/lib/platform/revision';
import { watchRevision } from '@/lib/platform/revision';

export type RequestState<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; message: string };

/**
 * Runs an async load on mount, on reload(), and whenever the background bumps one of `topics`;
 * the component renders each state explicitly.
 */
export function useRequest<T>(load: () => Promise<T>, topics: Topic[] = []): [RequestState<T>, () => void] {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
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
  const topicKey = topics.join(',');
  useEffect(() => {
    const stops = topicKey ? topicKey.split(',').map((topic) => watchRevision(topic as Topic, reload)) : [];
    return () => stops.forEach((stop) => stop());
  }, [topicKey, reload]);
  return [state, reload];
}
