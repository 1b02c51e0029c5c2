import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../store/project';
import { useRevision } from '../../store/revision';

export interface Fetched<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Project data a view shows: fetched when `key` changes and again after every
 * write (the revision), so undo, imports and merges show at once. Stale answers
 * (a newer key asked meanwhile) are dropped.
 */
export function useFetch<T>(key: string, load: () => Promise<T>): Fetched<T> {
  const revision = useRevision((s) => s.revision);
  const latest = useRef(load);
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState((s) => ({ data: s.data, error: messageOf(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [key, revision]);
  return state;
}
