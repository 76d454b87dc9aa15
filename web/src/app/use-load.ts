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

/** A page of a list as the API answers it: its items and the cursor of the next page, if any. */
export interface Paged<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface MoreOfList {
  hasMore: boolean;
  busy: boolean;
  /** Why the last "more" failed; the list stays as it was. */
  error: unknown;
  load: () => Promise<void>;
}

/** "Vis flere" for a list loaded with useLoad: the next page is added to the items already shown. */
export function useMoreOfList<T, P extends Paged<T>>(loaded: Loaded<P>, replace: (page: P) => void, nextPage: (cursor: string) => Promise<P>): MoreOfList {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const page = loaded.state === 'loaded' ? loaded.data : null;
  const load = async () => {
    if (!page?.nextCursor) return;
    setBusy(true);
    setError(null);
    try {
      const next = await nextPage(page.nextCursor);
      replace({ ...next, items: [...page.items, ...next.items] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { hasMore: Boolean(page?.nextCursor), busy, error, load };
}
