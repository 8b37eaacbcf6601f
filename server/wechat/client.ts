import { checkSubscribeValue, fitSubscribeValue } from './subscribe-fields';

/**
 * The one client the backend uses to talk to WeChat (or to the stand-in, which answers in WeChat's shapes).
 * It never logs: request URLs carry the app secret and login codes, responses carry openids and phone numbers.
 */

export type WeChatApi = 'jscode2session' | 'stable_token' | 'getuserphonenumber' | 'subscribe_send';

/**
 * Errcode used for failures that never got a WeChat answer (timeout, network, HTTP error, malformed body).
 * WeChat itself uses -1 for "system busy", so callers can treat both as "try again later".
 */
export const ERRCODE_UNREACHABLE = -1;

/** Codes meaning the login or phone code itself is bad (invalid or already used): a new code may succeed. */
const CODE_REJECTED = new Set([40029, 40163]);
/** Codes meaning the access token was refused; a fresh token may succeed. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);

export class WeChatError extends Error {
  readonly errcode: number;
  readonly errmsg: string;
  readonly api?: WeChatApi;

  constructor(errcode: number, errmsg: string, api?: WeChatApi) {
    // Only the API name and WeChat's own text: never the URL (secret, code) nor any request data.
    super(`WeChat ${api ?? 'API'} failed: errcode ${errcode} ${errmsg}`.trim());
    this.name = 'WeChatError';
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.api = api;
  }
}

/** True when the user's login/phone code was refused, i.e. the user should retry with a new code. */
export function isCodeRejected(err: unknown): boolean {
  return err instanceof WeChatError && CODE_REJECTED.has(err.errcode);
}

export interface WeChatClient {
  code2Session(code: string): Promise<{ openid: string; unionid?: string; sessionKey: string }>;
  getPhoneNumber(code: string): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }>;
  sendSubscribeMessage(msg: { touser: string; templateId: string; page?: string; data: Record<string, string> }): Promise<void>;
}

export interface WeChatClientOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

type Json = Record<string, unknown>;

const DEFAULT_TIMEOUT_MS = 5000;
/** WeChat rotates a stable token 5 minutes before it expires; refreshing then never hands out a dying token. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFetchFailure(err: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors may come from another realm (e.g. under jest), where instanceof Error fails.
  const failure = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; cause?: { code?: unknown } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `request timed out after ${timeoutMs} ms`;
  // undici puts the socket error (ECONNREFUSED, ...) in `cause`; its code is safe to show, its message may hold the host.
  const code = failure.cause?.code;
  return typeof code === 'string' ? `network error ${code}` : 'network error';
}

function requireString(body: Json, key: string, api: WeChatApi): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new WeChatError(ERRCODE_UNREACHABLE, `malformed response: ${key} missing`, api);
  }
  return value;
}

function createTransport(opts: WeChatClientOptions) {
  const fetchImpl = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = opts.baseUrl.replace(/\/+$/, '');

  return async function call(api: WeChatApi, path: string, query: Record<string, string>, body?: Json): Promise<Json> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const init: RequestInit = body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : { method: 'GET' };

    let parsed: unknown;
    try {
      const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) throw new WeChatError(ERRCODE_UNREACHABLE, `HTTP ${res.status}`, api);
      parsed = await res.json();
    } catch (err) {
      if (err instanceof WeChatError) throw err;
      if ((err as { name?: unknown } | null)?.name === 'SyntaxError') throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: not JSON', api);
      throw new WeChatError(ERRCODE_UNREACHABLE, describeFetchFailure(err, timeoutMs), api);
    }
    if (!isRecord(parsed)) throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: not an object', api);
    // Successful jscode2session answers carry no errcode at all; the others answer errcode 0.
    const errcode = typeof parsed.errcode === 'number' ? parsed.errcode : 0;
    if (errcode !== 0) {
      throw new WeChatError(errcode, typeof parsed.errmsg === 'string' ? parsed.errmsg : '', api);
    }
    return parsed;
  };
}

type Call = ReturnType<typeof createTransport>;

/**
 * Caches the stable access token, refreshes it early, and makes concurrent callers share one request:
 * WeChat limits forced refreshes (20 a day, 30 s apart), so a burst of rejected calls must cause only one.
 */
function createTokenSource(call: Call, opts: WeChatClientOptions) {
  const now = opts.now ?? Date.now;
  let cached: { value: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function fetchToken(force: boolean): Promise<string> {
    const requestedAt = now();
    const body = await call('stable_token', '/cgi-bin/stable_token', {}, {
      grant_type: 'client_credential',
      appid: opts.appId,
      secret: opts.secret,
      force_refresh: force,
    });
    const value = requireString(body, 'access_token', 'stable_token');
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 0) * 1000;
    // A token answered with little time left would otherwise be refreshed on every call.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    cached = { value, refreshAt: requestedAt + lifetimeMs - margin };
    return value;
  }

  function refresh(force: boolean): Promise<string> {
    inflight ??= fetchToken(force).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    get(): Promise<string> {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.value);
      return refresh(false);
    },
    /** After WeChat refused `stale`: reuse a token someone else already renewed, else force one new token. */
    async renew(stale: string): Promise<string> {
      while (inflight) await inflight.catch(() => undefined);
      if (cached && cached.value !== stale) return cached.value;
      return refresh(true);
    },
  };
}

export function createWeChatClient(opts: WeChatClientOptions): WeChatClient {
  const call = createTransport(opts);
  const tokens = createTokenSource(call, opts);

  /** Runs a token-authenticated call; if the token was refused it renews it and retries exactly once. */
  async function withToken(api: WeChatApi, path: string, body: Json): Promise<Json> {
    const token = await tokens.get();
    try {
      return await call(api, path, { access_token: token }, body);
    } catch (err) {
      if (!(err instanceof WeChatError) || !TOKEN_REJECTED.has(err.errcode)) throw err;
      const fresh = await tokens.renew(token);
      return call(api, path, { access_token: fresh }, body);
    }
  }

  return {
    async code2Session(code) {
      if (!code) throw new WeChatError(41008, 'missing code', 'jscode2session');
      const body = await call('jscode2session', '/sns/jscode2session', {
        appid: opts.appId,
        secret: opts.secret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      const unionid = typeof body.unionid === 'string' && body.unionid ? body.unionid : undefined;
      return {
        openid: requireString(body, 'openid', 'jscode2session'),
        sessionKey: requireString(body, 'session_key', 'jscode2session'),
        ...(unionid ? { unionid } : {}),
      };
    },

    async getPhoneNumber(code) {
      if (!code) throw new WeChatError(41008, 'missing code', 'getuserphonenumber');
      const body = await withToken('getuserphonenumber', '/wxa/business/getuserphonenumber', { code });
      const info = isRecord(body.phone_info) ? body.phone_info : {};
      return {
        phoneNumber: requireString(info, 'phoneNumber', 'getuserphonenumber'),
        purePhoneNumber: requireString(info, 'purePhoneNumber', 'getuserphonenumber'),
        countryCode: requireString(info, 'countryCode', 'getuserphonenumber'),
      };
    },

    async sendSubscribeMessage(msg) {
      const data: Record<string, { value: string }> = {};
      for (const [key, raw] of Object.entries(msg.data)) {
        const value = fitSubscribeValue(key, raw);
        const problem = checkSubscribeValue(key, value);
        // Same errcode WeChat would answer, so callers handle local and remote refusals alike.
        if (problem) throw new WeChatError(47003, `argument invalid! data.${key}.value ${problem}`, 'subscribe_send');
        data[key] = { value };
      }
      await withToken('subscribe_send', '/cgi-bin/message/subscribe/send', {
        touser: msg.touser,
        template_id: msg.templateId,
        ...(msg.page ? { page: msg.page } : {}),
        data,
        lang: 'zh_CN',
      });
    },
  };
}
