import { useSyncExternalStore } from 'react';
import { onNeedPrivacyAuthorization, type PrivacyResolve } from '@/lib/wx/privacy';

// WeChat holds the guarded API call until resolve() is called; more than one call may be waiting.
let pending: PrivacyResolve[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export const AGREE_BUTTON_ID = 'privacy-agree';

export const privacyStore = {
  isOpen: (): boolean => pending.length > 0,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  request(resolve: PrivacyResolve): void {
    pending = [...pending, resolve];
    notify();
  },
  answer(agreed: boolean): void {
    const waiting = pending;
    pending = [];
    waiting.forEach((resolve) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
    notify();
  },
};

export function usePrivacyRequest(): boolean {
  return useSyncExternalStore(privacyStore.subscribe, privacyStore.isOpen, privacyStore.isOpen);
}

/** Called once at app start (no-op on H5). */
export function registerPrivacyHandler(): void {
  onNeedPrivacyAuthorization((resolve) => privacyStore.request(resolve));
}
