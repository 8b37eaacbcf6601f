import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { VisitPrefill } from '@contract/satisfaction';
import { errorMessage, isApiError } from '@/lib/api/api-error';
import { cachedVisit, fetchVisit } from './api';

export type VisitState =
  | { kind: 'loading' }
  | { kind: 'ready'; visit: VisitPrefill }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/**
 * The visit behind a scanned code. Offline, the copy stored when it was last opened is used; with no
 * copy the screen waits and loads as soon as the network returns.
 */
export function useVisit(scene: string | null, enabled: boolean): { state: VisitState; reload: () => void } {
  const [state, setState] = useState<VisitState>(() => {
    const cached = scene ? cachedVisit(scene) : null;
    return cached ? { kind: 'ready', visit: cached } : { kind: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!scene || !enabled) return undefined;
    let alive = true;
    fetchVisit(scene)
      .then((visit) => alive && setState({ kind: 'ready', visit }))
      .catch((error: unknown) => {
        if (!alive) return;
        const offline = isApiError(error) && error.status === 0;
        if (offline) setState((s) => (s.kind === 'ready' ? s : { kind: 'offline' }));
        else setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => {
      alive = false;
    };
  }, [scene, enabled, attempt]);

  // Waiting for signal: try again when it comes back.
  useEffect(() => {
    if (state.kind !== 'offline') return undefined;
    const retry = () => reload();
    const taro = Taro as unknown as { onNetworkStatusChange?: (cb: () => void) => void; offNetworkStatusChange?: (cb: () => void) => void };
    if (process.env.TARO_ENV === 'weapp') taro.onNetworkStatusChange?.(retry);
    if (typeof window !== 'undefined') window.addEventListener?.('online', retry);
    return () => {
      if (process.env.TARO_ENV === 'weapp') taro.offNetworkStatusChange?.(retry);
      if (typeof window !== 'undefined') window.removeEventListener?.('online', retry);
    };
  }, [state.kind, reload]);

  return { state, reload };
}
