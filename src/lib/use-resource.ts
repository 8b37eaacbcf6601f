import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api/api-error';

export interface Resource<T> {
  /** Null until the first answer. */
  data: T | null;
  /** The last load failed (data, if any, is the previous answer). */
  error: string | null;
  reload: () => void;
  /** Show what an action on the screen returned, without loading again. */
  set: (next: T) => void;
}

/** One thing a detail screen shows, loaded when `key` (e.g. the id) changes. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    setError(null);
    loadRef.current().then(setData, (cause: unknown) => setError(errorMessage(cause)));
  }, []);
  useEffect(reload, [key, reload]);

  return { data, error, reload, set: setData };
}
