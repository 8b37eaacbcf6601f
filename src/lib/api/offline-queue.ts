import Taro from '@tarojs/taro';
import { readStorage, removeStorage, writeStorage } from '@/lib/wx/storage';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { ApiError } from './api-error';

/**
 * Requests made with no signal (a factory floor, a basement hall) wait here, in storage, until the
 * network returns. Each keeps the Idempotency-Key it was first sent with, so a replay that reaches a
 * server which already stored the first attempt gets the recorded answer instead of a duplicate.
 */
export interface QueuedRequest {
  /** The Idempotency-Key; also the item's identity in the queue. */
  key: string;
  path: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body: unknown;
  /** What the user is waiting for, e.g. 服务评价 — shown in the result message. */
  label: string;
  queuedAt: string;
}

export type QueueOutcome =
  | { kind: 'sent'; item: QueuedRequest; data: unknown }
  | { kind: 'dropped'; item: QueuedRequest; error: ApiError };

/** What became of a queued request, kept for a screen opened after it happened. */
export type StoredOutcome = { key: string; kind: 'sent'; data: unknown } | { key: string; kind: 'dropped'; code: string; message: string };

export type Sender = (item: QueuedRequest) => Promise<unknown>;

// One storage key per item: WeChat caps a single key at 1 MB and a rating may carry photos.
const INDEX_KEY = 'yst.offline-queue';
const itemKey = (key: string) => `yst.offline-queue.${key}`;
const OUTCOMES_KEY = 'yst.offline-queue-outcomes';
const OUTCOMES_KEPT = 20;

let sender: Sender | null = null;
let flushing: Promise<void> | null = null;
let again = false;
let started = false;
const changeListeners = new Set<() => void>();
const outcomeListeners = new Set<(outcome: QueueOutcome) => void>();
let snapshot: QueuedRequest[] | null = null;

function readIndex(): string[] {
  const index = readStorage<string[]>(INDEX_KEY);
  return Array.isArray(index) ? index : [];
}

function writeIndex(keys: string[]): void {
  if (keys.length) writeStorage(INDEX_KEY, keys);
  else removeStorage(INDEX_KEY);
  snapshot = null;
  changeListeners.forEach((listener) => listener());
}

/** What is waiting, oldest first (items whose storage vanished are skipped). */
export function pendingRequests(): QueuedRequest[] {
  snapshot ??= readIndex()
    .map((key) => readStorage<QueuedRequest>(itemKey(key)))
    .filter((item): item is QueuedRequest => item !== null && typeof item === 'object');
  return snapshot;
}

export function isQueued(key: string): boolean {
  return readIndex().includes(key);
}

export function enqueue(item: Omit<QueuedRequest, 'queuedAt'>): QueuedRequest {
  const queued: QueuedRequest = { ...item, queuedAt: new Date().toISOString() };
  writeStorage(itemKey(item.key), queued);
  const index = readIndex();
  if (!index.includes(item.key)) writeIndex([...index, item.key]);
  else writeIndex(index);
  return queued;
}

function remove(key: string): void {
  removeStorage(itemKey(key));
  writeIndex(readIndex().filter((k) => k !== key));
}

/** The client registers itself here, so this module does not import the client. */
export function setQueueSender(send: Sender): void {
  sender = send;
}

export function onQueueChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export function onQueueOutcome(listener: (outcome: QueueOutcome) => void): () => void {
  outcomeListeners.add(listener);
  return () => outcomeListeners.delete(listener);
}

/**
 * A replay that the server answered with a 4xx will never succeed as sent (already rated, no longer
 * allowed…): drop it and say why. No answer at all, a 5xx, a timeout or a rate limit: keep it.
 */
function isFinal(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

function recordOutcome(outcome: QueueOutcome): void {
  const stored: StoredOutcome =
    outcome.kind === 'sent'
      ? { key: outcome.item.key, kind: 'sent', data: outcome.data }
      : { key: outcome.item.key, kind: 'dropped', code: outcome.error.code, message: outcome.error.message };
  const previous = readStorage<StoredOutcome[]>(OUTCOMES_KEY) ?? [];
  writeStorage(OUTCOMES_KEY, [...previous.filter((o) => o.key !== stored.key), stored].slice(-OUTCOMES_KEPT));
  outcomeListeners.forEach((listener) => listener(outcome));
}

/** The outcome of a request that left the queue (recent ones only), or null. */
export function queueOutcome(key: string): StoredOutcome | null {
  return (readStorage<StoredOutcome[]>(OUTCOMES_KEY) ?? []).find((o) => o.key === key) ?? null;
}

async function sendAll(): Promise<void> {
  for (const item of pendingRequests()) {
    if (!sender) return;
    try {
      const data = await sender(item);
      remove(item.key);
      recordOutcome({ kind: 'sent', item, data });
    } catch (error) {
      if (!isFinal(error)) return; // Still offline: the rest would fail the same way.
      remove(item.key);
      recordOutcome({ kind: 'dropped', item, error });
    }
  }
}

/**
 * Sends what is waiting, one at a time, oldest first. Concurrent calls (online fires twice, app show
 * right after) share the running pass, and a call that arrives mid-pass runs one more pass after it,
 * so an item is never in flight twice.
 */
export function flushQueue(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await sendAll();
    } while (again && pendingRequests().length > 0);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Re-send when the network comes back: network status on weapp, `online` on H5, and on every app show. */
export function startOfflineQueue(): void {
  if (started) return;
  started = true;
  const flush = () => void flushQueue();
  const taro = Taro as unknown as {
    onNetworkStatusChange?: (cb: (res: { isConnected: boolean }) => void) => void;
    onAppShow?: (cb: () => void) => void;
  };
  if (process.env.TARO_ENV === 'weapp' && typeof taro.onNetworkStatusChange === 'function') {
    taro.onNetworkStatusChange((res) => {
      if (res.isConnected) flush();
    });
  }
  if (typeof taro.onAppShow === 'function') {
    try {
      taro.onAppShow(flush);
    } catch {
      // Not every platform implements it; the other triggers remain.
    }
  }
  // The user may be on another page by then: tell them wherever they are.
  onQueueOutcome((outcome) => {
    if (outcome.kind === 'sent') showSuccessToast(`${outcome.item.label}已提交`);
    else showErrorToast(outcome.error.message);
  });
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', flush);
  }
  // Whatever an earlier run left behind (the queue survives a restart); after the current
  // synchronous start-up, so the session is loaded before the first replay reads its token.
  setTimeout(flush, 0);
}
