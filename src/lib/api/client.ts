import Taro from '@tarojs/taro';
import { showErrorToast } from '@/lib/wx/ui';
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE, TIMEOUT_MESSAGE } from './api-error';
import { takeEarlyAnswer } from './early';
import { newIdempotencyKey } from './idempotency-key';
import { enqueue, setQueueSender, startOfflineQueue } from './offline-queue';
import { requestSlots } from './request-slots';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** A POST that creates something: sends an Idempotency-Key, kept across retries, so retrying is safe. */
  idempotent?: boolean;
  /** Reuse a key across user-triggered resubmissions of the same data (see createSubmission). */
  idempotencyKey?: string;
  /** Do not toast the error; the caller shows it (e.g. under a form field). */
  quiet?: boolean;
  timeoutMs?: number;
  /**
   * With no network, keep this creating request (it needs an idempotency key) in the offline queue
   * and send it when the network returns; the value names it for the user, e.g. 服务评价.
   * The call then rejects with code QUEUED_OFFLINE.
   */
  queueOffline?: string;
}

export const QUEUED_OFFLINE = 'QUEUED_OFFLINE';
export const QUEUED_OFFLINE_MESSAGE = '等待网络，恢复后自动提交';

interface AuthHooks {
  getToken: () => string | null;
  onUnauthorized: () => void;
}

interface ClientSettings {
  baseUrl: string;
  maxRetries: number;
  retryBaseMs: number;
  timeoutMs: number;
}

const settings: ClientSettings = {
  baseUrl: typeof API_BASE === 'string' ? API_BASE : '',
  maxRetries: 2,
  retryBaseMs: 400,
  timeoutMs: 10000,
};

let auth: AuthHooks = { getToken: () => null, onUnauthorized: () => undefined };

/** The session store registers here, so this module does not depend on any feature. */
export function configureAuth(hooks: AuthHooks): void {
  auth = hooks;
}

/** The signed-in session's Authorization header, for transfers that bypass request() (file up/downloads). */
export function authHeader(): Record<string, string> {
  const token = auth.getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export function configureClient(overrides: Partial<ClientSettings>): void {
  Object.assign(settings, overrides);
}

type RawResponse = { statusCode: number; data: unknown; header?: Record<string, string> };
type Attempt = { ok: true; response: RawResponse } | { ok: false; error: ApiError; retryable: boolean; retryAfterMs?: number };

/** A 429's wait this short is waited out for a safe call instead of bothering the user. */
const WAIT_OUT_RATE_LIMIT_MS = 3_000;

/** Retry-After in seconds (the server never sends a date), whatever the header's case. */
function retryAfterMs(header: Record<string, string> | undefined): number | undefined {
  const raw = Object.entries(header ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The server says 请稍后再试; the app knows how long that is. */
function rateLimited(error: ApiError, waitMs: number | undefined): ApiError {
  if (waitMs === undefined) return error;
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new ApiError(error.code, `操作过于频繁，请 ${wait}后再试`, error.status, error.field);
}

/** The API's absolute URL for a path (weapp needs the host; on H5 the base is empty, same origin). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${settings.baseUrl}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function errorFromBody(status: number, data: unknown): ApiError {
  const body = data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null;
  const e = body && typeof body === 'object' ? body.error : undefined;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new ApiError(e.code, e.message, status, typeof e.field === 'string' ? e.field : undefined);
  }
  return new ApiError(status >= 500 ? 'INTERNAL' : 'HTTP_ERROR', SERVER_ERROR_MESSAGE, status);
}

async function attempt(url: string, method: HttpMethod, header: Record<string, string>, body: unknown, timeout: number): Promise<Attempt> {
  try {
    const response = (await requestSlots.run(() => Taro.request({ url, method, header, data: body as never, timeout, dataType: 'json' }))) as RawResponse;
    if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, response };
    const error = errorFromBody(response.statusCode, response.data);
    if (response.statusCode === 429) {
      const wait = retryAfterMs(response.header);
      return { ok: false, error: rateLimited(error, wait), retryable: wait !== undefined && wait <= WAIT_OUT_RATE_LIMIT_MS, retryAfterMs: wait };
    }
    return { ok: false, error, retryable: response.statusCode >= 500 };
  } catch (cause) {
    const text = cause && typeof cause === 'object' && 'errMsg' in cause ? String((cause as { errMsg: unknown }).errMsg) : String(cause);
    const timedOut = /timeout|超时/i.test(text);
    return {
      ok: false,
      error: new ApiError(timedOut ? 'TIMEOUT' : 'NETWORK', timedOut ? TIMEOUT_MESSAGE : NETWORK_ERROR_MESSAGE, 0),
      retryable: true,
    };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one way the app talks to the backend. Safe calls (GET, and POSTs carrying an idempotency key)
 * are retried with exponential backoff on network errors and 5xx, and after a short Retry-After on
 * 429; other calls are tried once. A longer 429 tells the user how long to wait.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = auth.getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  const idempotencyKey = options.idempotencyKey ?? (options.idempotent ? newIdempotencyKey() : undefined);
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;
  const safe = method === 'GET' || Boolean(idempotencyKey);
  const url = apiUrl(path, options.query);

  if (method === 'GET') {
    const early = takeEarlyAnswer(url);
    if (early) {
      try {
        return (await early) as T;
      } catch {
        // The early read failed or was refused: ask as usual, with retries and the user's token.
      }
    }
  }

  for (let tryNo = 0; ; tryNo++) {
    const result = await attempt(url, method, header, options.body, options.timeoutMs ?? settings.timeoutMs);
    if (result.ok) return (result.response.statusCode === 204 ? undefined : result.response.data) as T;
    const canRetry = safe && result.retryable && tryNo < settings.maxRetries;
    if (canRetry) {
      await sleep(result.retryAfterMs ?? settings.retryBaseMs * 2 ** tryNo * (0.75 + Math.random() * 0.5));
      continue;
    }
    if (result.error.status === 401 && token) auth.onUnauthorized();
    if (result.error.status === 0 && options.queueOffline && idempotencyKey && method !== 'GET') {
      enqueue({ key: idempotencyKey, path, method, body: options.body, label: options.queueOffline });
      if (!options.quiet) showErrorToast(QUEUED_OFFLINE_MESSAGE);
      throw new ApiError(QUEUED_OFFLINE, QUEUED_OFFLINE_MESSAGE, 0);
    }
    if (!options.quiet) showErrorToast(result.error.message);
    throw result.error;
  }
}

/**
 * A form submission: the same data sent again (after a failure, or a double tap) reuses its
 * Idempotency-Key, so the server answers once; changed data gets a fresh key.
 */
export function createSubmission() {
  let last: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(body: unknown): string {
      const fingerprint = JSON.stringify(body);
      if (!last || last.fingerprint !== fingerprint) last = { fingerprint, key: newIdempotencyKey() };
      return last.key;
    },
    /** After success the next submission, even of the same data, is a new one. */
    reset(): void {
      last = null;
    },
  };
}

// Queued requests are replayed through the same client (same auth, same retries), with their key.
setQueueSender((item) => request(item.path, { method: item.method, body: item.body, idempotencyKey: item.key, quiet: true }));
startOfflineQueue();
