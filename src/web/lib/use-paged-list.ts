import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './api';

export type Page<T> = { items: T[]; nextCursor: string | null };

type State<T, P> = {
  items: T[];
  nextCursor: string | null;
  extra: P | undefined;
  status: 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: string | null;
};

/**
 * A cursor-paginated list: loads the first page whenever `key` changes (a search, a filter), appends on
 * "Show more", and ignores answers to questions that are no longer asked.
 */
export function usePagedList<T, P = undefined>(key: string, fetchPage: (cursor: string | undefined) => Promise<Page<T> & { extra?: P }>) {
  const [state, setState] = useState<State<T, P>>({ items: [], nextCursor: null, extra: undefined, status: 'loading', loadingMore: false, error: null });
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const loadFirst = useCallback(async () => {
    const mine = ++generation.current;
    setState((current) => ({ ...current, status: 'loading', error: null }));
    try {
      const page = await fetchRef.current(undefined);
      if (mine !== generation.current) return;
      setState({ items: page.items, nextCursor: page.nextCursor, extra: page.extra, status: 'ready', loadingMore: false, error: null });
    } catch (error) {
      if (mine !== generation.current) return;
      setState((current) => ({ ...current, status: 'error', error: messageOf(error) }));
    }
  }, []);

  useEffect(() => {
    void loadFirst();
  }, [key, loadFirst]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const mine = generation.current;
    setState((current) => ({ ...current, loadingMore: true, error: null }));
    try {
      const page = await fetchRef.current(cursor);
      if (mine !== generation.current) return;
      setState((current) => ({ ...current, items: [...current.items, ...page.items], nextCursor: page.nextCursor, extra: page.extra ?? current.extra, loadingMore: false }));
    } catch (error) {
      if (mine !== generation.current) return;
      setState((current) => ({ ...current, loadingMore: false, error: messageOf(error) }));
    }
  }, [state.nextCursor, state.loadingMore]);

  /** Replaces one item in place (after disable / enable) without reloading the list. */
  const replace = useCallback((match: (item: T) => boolean, next: T) => {
    setState((current) => ({ ...current, items: current.items.map((item) => (match(item) ? next : item)) }));
  }, []);

  return { ...state, loadMore, reload: loadFirst, replace };
}
