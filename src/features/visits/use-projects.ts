import { useCallback, useEffect, useState } from 'react';
import type { KeyProject } from '@contract/project';
import { errorMessage } from '@/lib/api/api-error';
import { fetchProjects } from './api';

export type ProjectsState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: KeyProject[] };

/** The enterprise's key projects; `retry` reloads after a failure (signal at the door is often poor). */
export function useProjects(enterpriseId: number): { state: ProjectsState; retry: () => void } {
  const [state, setState] = useState<ProjectsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    fetchProjects(enterpriseId)
      .then((list) => alive && setState({ kind: 'ready', items: list.items }))
      .catch((error: unknown) => alive && setState({ kind: 'error', message: errorMessage(error) }));
    return () => {
      alive = false;
    };
  }, [enterpriseId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
