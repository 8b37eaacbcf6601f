import { useEffect, useState } from 'react';
import { fetchMeta, type AppMeta } from './api';

let cached: AppMeta | null = null;

/** null while loading; a failed request counts as "not demo" (the safe choice). */
export function useAppMeta(): AppMeta | null {
  const [meta, setMeta] = useState<AppMeta | null>(cached);
  useEffect(() => {
    if (cached) return;
    let alive = true;
    fetchMeta()
      .catch(() => ({ demo: false }))
      .then((value) => {
        cached = value;
        if (alive) setMeta(value);
      });
    return () => {
      alive = false;
    };
  }, []);
  return meta;
}

export function resetAppMetaCache(): void {
  cached = null;
}
