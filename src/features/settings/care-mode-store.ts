import { useSyncExternalStore } from 'react';
import { readStorage, writeStorage } from '@/lib/wx/storage';

const STORAGE_KEY = 'yst.careMode';
let enabled = readStorage<boolean>(STORAGE_KEY) === true;
const listeners = new Set<() => void>();

export const careModeStore = {
  get: (): boolean => enabled,
  set(next: boolean): void {
    enabled = next;
    writeStorage(STORAGE_KEY, next);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  reload(): void {
    enabled = readStorage<boolean>(STORAGE_KEY) === true;
    listeners.forEach((listener) => listener());
  },
};

export function useCareMode(): [boolean, (next: boolean) => void] {
  const value = useSyncExternalStore(careModeStore.subscribe, careModeStore.get, careModeStore.get);
  return [value, careModeStore.set];
}
