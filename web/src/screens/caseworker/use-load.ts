import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'loaded'; data: T };

/** Loads once per change of `key` (a route's id, a filter), ignoring an answer that arrives after the key moved on. */
export function useLoad<T>(key: string, load: () => Promise<T>): [Loaded<T>, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (data) => current && setLoaded({ state: 'loaded', data }),
      (error: unknown) => current && setLoaded({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function at every render; `key` says when it asks for something else.
  }, [key]);
  const replace = useCallback((data: T) => setLoaded({ state: 'loaded', data }), []);
  return [loaded, replace];
}
