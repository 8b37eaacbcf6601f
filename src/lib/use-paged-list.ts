import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api/api-error';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PagedList<T> {
  items: T[];
  total: number;
  /** loading = first page on its way (skeleton); error = first page failed (retry). */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  /** A later page failed; the loaded items stay and "加载更多" retries. */
  moreError: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replace one item in place, or drop it with `null` (after an action on it), without refetching the list. */
  replace: (predicate: (item: T) => boolean, next: T | null) => void;
}

/**
 * Page-by-page loading: only what was fetched is rendered, and each new page appends, so the
 * mini-program's setData carries one page's worth of nodes, never the whole list.
 * `key` identifies the query; a new key starts over and answers to older queries are dropped.
 */
export function usePagedList<T>(key: string, load: (page: number) => Promise<Page<T>>, enabled = true): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  // The key whose answer is on screen: between a new key and its first page, the old answer must not show.
  const [answeredKey, setAnsweredKey] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const generation = useRef(0);
  const nextPage = useRef(1);
  const busy = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const fetchFirst = useCallback(() => {
    const mine = ++generation.current;
    busy.current = true;
    nextPage.current = 1;
    setStatus('loading');
    setError(null);
    setMoreError(null);
    loadRef.current(1).then(
      (page) => {
        if (mine !== generation.current) return;
        busy.current = false;
        nextPage.current = 2;
        setItems(page.items);
        setTotal(page.total);
        setStatus('ready');
        setAnsweredKey(keyRef.current);
      },
      (cause: unknown) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setItems([]);
        setTotal(0);
        setError(errorMessage(cause));
        setStatus('error');
        setAnsweredKey(keyRef.current);
      },
    );
  }, []);

  useEffect(() => {
    if (enabled) fetchFirst();
  }, [key, enabled, fetchFirst]);

  const shownStatus = answeredKey === key ? status : 'loading';
  const hasMore = shownStatus === 'ready' && items.length < total;

  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(null);
    loadRef.current(nextPage.current).then(
      (page) => {
        if (mine !== generation.current) return;
        busy.current = false;
        nextPage.current += 1;
        setItems((current) => [...current, ...page.items]);
        setTotal(page.total);
        setLoadingMore(false);
      },
      (cause: unknown) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setMoreError(errorMessage(cause));
        setLoadingMore(false);
      },
    );
  }, [hasMore]);

  const replace = useCallback((predicate: (item: T) => boolean, next: T | null) => {
    const before = itemsRef.current;
    const after = next === null ? before.filter((item) => !predicate(item)) : before.map((item) => (predicate(item) ? next : item));
    setItems(after);
    setTotal((count) => count - (before.length - after.length));
  }, []);

  return { items: shownStatus === 'loading' ? [] : items, total, status: shownStatus, error, loadingMore, moreError, hasMore, loadMore, reload: fetchFirst, replace };
}
