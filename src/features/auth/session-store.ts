import type { Enterprise } from '@contract/enterprise';
import type { Session, User } from '@contract/auth';
import { configureAuth } from '@/lib/api/client';
import { readStorage, removeStorage, writeStorage } from '@/lib/wx/storage';

export interface SessionState {
  token: string | null;
  expiresAt: string | null;
  user: User | null;
  /** Undefined until /me answered in this run; null when not bound. */
  enterprise: Enterprise | null | undefined;
}

const STORAGE_KEY = 'yst.session';
type Stored = Pick<SessionState, 'token' | 'expiresAt' | 'user'>;

function load(): SessionState {
  const stored = readStorage<Stored>(STORAGE_KEY);
  const expired = stored?.expiresAt ? Date.parse(stored.expiresAt) <= Date.now() : false;
  if (!stored?.token || expired) return { token: null, expiresAt: null, user: null, enterprise: undefined };
  return { token: stored.token, expiresAt: stored.expiresAt, user: stored.user, enterprise: undefined };
}

let state: SessionState = load();
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  if (next.token) writeStorage<Stored>(STORAGE_KEY, { token: next.token, expiresAt: next.expiresAt, user: next.user });
  else removeStorage(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(session: Session): void {
    set({ token: session.token, expiresAt: session.expiresAt, user: session.user, enterprise: undefined });
  },
  /** /me answered: the user and the bound enterprise as the server sees them now. */
  setMe(user: User, enterprise: Enterprise | null): void {
    if (!state.token) return;
    set({ ...state, user, enterprise });
  },
  clear(): void {
    set({ token: null, expiresAt: null, user: null, enterprise: undefined });
  },
  /** Re-read storage (tests, and after another page changed it). */
  reload(): void {
    state = load();
    listeners.forEach((listener) => listener());
  },
};

configureAuth({ getToken: () => state.token, onUnauthorized: () => sessionStore.clear() });
