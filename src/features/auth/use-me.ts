import { useEffect } from 'react';
import { fetchMe } from './api';
import { useSession } from './use-session';

/** Refreshes /me once per signed-in session so screens show the server's view of the binding. */
export function useMe() {
  const session = useSession();
  useEffect(() => {
    if (session.token && session.enterprise === undefined) void fetchMe().catch(() => undefined);
  }, [session.token, session.enterprise]);
  return session;
}
