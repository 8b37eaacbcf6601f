import { useEffect, useRef, useState } from 'react';
import type { RatingStatus, RatingTarget } from '@contract/satisfaction';
import { errorMessage, isApiError } from '@/lib/api/api-error';
import { fetchRatingStatus } from './api';

export type RatingStatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: RatingStatus }
  /** No network or a server fault: the form is shown anyway (drafts and the offline queue carry it). */
  | { kind: 'unknown' }
  /** The server's answer about the thing itself: not this enterprise's, not ratable yet, a wrong stage… */
  | { kind: 'refused'; message: string };

/**
 * The server's word on the thing itself. A 404 naming no field is a server without this route (the
 * mini-program can reach users before the server is updated): unknown, so the form is shown as before.
 */
const isRefusal = (error: unknown) => isApiError(error) && error.status >= 400 && error.status < 500 && (error.code !== 'NOT_FOUND' || Boolean(error.field));

/**
 * Asked once when the survey opens, so an enterprise that already rated this stage is told so before
 * it fills anything in. `name` identifies the target (the page rebuilds the target object every render).
 */
export function useRatingStatus(target: RatingTarget, name: string, enabled: boolean): RatingStatusState {
  const [state, setState] = useState<RatingStatusState>({ kind: 'loading' });
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    setState({ kind: 'loading' });
    fetchRatingStatus(latest.current).then(
      (status) => alive && setState({ kind: 'ready', status }),
      (error: unknown) => alive && setState(isRefusal(error) ? { kind: 'refused', message: errorMessage(error) } : { kind: 'unknown' }),
    );
    return () => {
      alive = false;
    };
  }, [name, enabled]);
  return state;
}
