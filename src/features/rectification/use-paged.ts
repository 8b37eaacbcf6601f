import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api/api-error';

interface PageOf<T> {
  items: T[];
  total: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replace one item in place (after an action on it) without refetching the list. */
  replace: (predicate: (item: T) => boolean, next: T | null) => void;
}

/**
 * Page-by-page loading for long staff lists (WeChat warns above 1000 nodes). A new `key` starts over;
 * an answer that arrives for an older key is dropped, so fast filter taps never mix lists.
 */
export function usePaged<T>(key: string, fetchPage: (page: number) => Promise<PageOf<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const listKey = `${key}#${generation}`;
  const [cursor, setCursor] = useState({ listKey, page: 1 });
  // A new filter starts at page 1 in the same render, so no request goes out for a stale page number.
  const page = cursor.listKey === listKey ? cursor.page : 1;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const current = useRef('');

  useEffect(() => {
    const token = `${listKey}#${page}`;
    current.current = token;
    setLoading(true);
    setError(null);
    if (page === 1) setItems([]);
    fetchRef
      .current(page)
      .then((answer) => {
        if (current.current !== token) return;
        setItems((before) => (page === 1 ? answer.items : [...before, ...answer.items]));
        setTotal(answer.total);
      })
      .catch((e: unknown) => {
        if (current.current === token) setError(errorMessage(e));
      })
      .finally(() => {
        if (current.current === token) setLoading(false);
      });
  }, [listKey, page]);

  const loadMore = useCallback(() => setCursor({ listKey, page: page + 1 }), [listKey, page]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((predicate: (item: T) => boolean, next: T | null) => {
    setItems((before) => {
      const out = next === null ? before.filter((i) => !predicate(i)) : before.map((i) => (predicate(i) ? next : i));
      if (out.length < before.length) setTotal((t) => t - (before.length - out.length));
      return out;
    });
  }, []);

  return { items, total, loading, error, hasMore: !loading && items.length < total, loadMore, reload, replace };
}
