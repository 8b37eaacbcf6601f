import { checkSubscribeValue, fitSubscribeValue } from './subscribe-fields';

/**
 * The one client the backend uses to talk to WeChat (or to the stand-in, which answers in WeChat's shapes).
 * It never logs: request URLs carry the app secret and login codes, responses carry openids and phone numbers.
 */

export type WeChatApi = 'jscode2session' | 'stable_token' | 'getuserphonenumber' | 'subscribe_send' | 'getwxacodeunlimit';

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

/** Which build of the mini-program a code opens (WeChat's env_version). */
export type WxaEnvVersion = 'release' | 'trial' | 'develop';
export const WXA_ENV_VERSIONS: readonly WxaEnvVersion[] = ['release', 'trial', 'develop'];

export interface WxaCodeRequest {
  /** 1–32 characters of WeChat's scene alphabet; the page receives it as `query.scene` (URL-encoded). */
  scene: string;
  /** A page of the app without leading slash or query, e.g. pages/survey/index. */
  page: string;
  /** true (WeChat's default): the page must exist in the released version. */
  checkPath?: boolean;
  envVersion?: WxaEnvVersion;
  /** Pixels, 280–1280 (WeChat's default 430). */
  width?: number;
}

export interface WxaCodeImage {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

/** WeChat's scene alphabet: digits, letters and !#$&'()*+,/:;=?@-._~ (no %, so nothing URL-encoded). */
export const WXA_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface WeChatClient {
  code2Session(code: string): Promise<{ openid: string; unionid?: string; sessionKey: string }>;
  getPhoneNumber(code: string): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }>;
  sendSubscribeMessage(msg: { touser: string; templateId: string; page?: string; data: Record<string, string> }): Promise<void>;
  /** A 小程序码 (getwxacodeunlimit): an image WeChat's own scanner opens as the page with the scene. */
  wxaCodeUnlimited(req: WxaCodeRequest): Promise<WxaCodeImage>;
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

/** The image types WeChat answers a code with, told by their first bytes (the Content-Type is not always right). */
function imageTypeOf(bytes: Buffer): WxaCodeImage['contentType'] | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** WeChat's answer as an object, or the errcode it carries as a WeChatError. */
function answerOf(parsed: unknown, api: WeChatApi): Json {
  if (!isRecord(parsed)) throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: not an object', api);
  // Successful jscode2session answers carry no errcode at all; the others answer errcode 0.
  const errcode = typeof parsed.errcode === 'number' ? parsed.errcode : 0;
  if (errcode !== 0) {
    throw new WeChatError(errcode, typeof parsed.errmsg === 'string' ? parsed.errmsg : '', api);
  }
  return parsed;
}

function createTransport(opts: WeChatClientOptions) {
  const fetchImpl = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = opts.baseUrl.replace(/\/+$/, '');

  /** The raw answer body; every failure becomes a WeChatError that names neither the URL nor the request. */
  async function send(api: WeChatApi, path: string, query: Record<string, string>, body: Json | undefined, read: (res: Response) => Promise<unknown>): Promise<unknown> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const init: RequestInit = body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : { method: 'GET' };
    try {
      const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) throw new WeChatError(ERRCODE_UNREACHABLE, `HTTP ${res.status}`, api);
      return await read(res);
    } catch (err) {
      if (err instanceof WeChatError) throw err;
      if ((err as { name?: unknown } | null)?.name === 'SyntaxError') throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: not JSON', api);
      throw new WeChatError(ERRCODE_UNREACHABLE, describeFetchFailure(err, timeoutMs), api);
    }
  }

  async function call(api: WeChatApi, path: string, query: Record<string, string>, body?: Json): Promise<Json> {
    return answerOf(await send(api, path, query, body, (res) => res.json()), api);
  }

  /** For APIs that answer an image on success and JSON `{ errcode, errmsg }` on failure. */
  async function callImage(api: WeChatApi, path: string, query: Record<string, string>, body: Json): Promise<WxaCodeImage> {
    const bytes = (await send(api, path, query, body, async (res) => Buffer.from(await res.arrayBuffer()))) as Buffer;
    const contentType = imageTypeOf(bytes);
    if (contentType) return { contentType, bytes };
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: neither an image nor JSON', api);
    }
    answerOf(parsed, api);
    // errcode 0 without an image is no answer either.
    throw new WeChatError(ERRCODE_UNREACHABLE, 'malformed response: no image', api);
  }

  return { call, callImage };
}

type Call = ReturnType<typeof createTransport>['call'];

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
  const { call, callImage } = createTransport(opts);
  const tokens = createTokenSource(call, opts);

  /** Runs a token-authenticated call; if the token was refused it renews it and retries exactly once. */
  async function authenticated<T>(run: (query: { access_token: string }) => Promise<T>): Promise<T> {
    const token = await tokens.get();
    try {
      return await run({ access_token: token });
    } catch (err) {
      if (!(err instanceof WeChatError) || !TOKEN_REJECTED.has(err.errcode)) throw err;
      const fresh = await tokens.renew(token);
      return run({ access_token: fresh });
    }
  }
  const withToken = (api: WeChatApi, path: string, body: Json): Promise<Json> => authenticated((query) => call(api, path, query, body));

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

    async wxaCodeUnlimited(req) {
      // Same errcodes WeChat answers (40169 length, 40129 characters), without spending a call.
      if (req.scene.length < 1 || req.scene.length > 32) throw new WeChatError(40169, 'invalid length for scene', 'getwxacodeunlimit');
      if (!WXA_SCENE.test(req.scene)) throw new WeChatError(40129, 'invalid scene', 'getwxacodeunlimit');
      const body: Json = {
        scene: req.scene,
        page: req.page,
        check_path: req.checkPath ?? true,
        env_version: req.envVersion ?? 'release',
        ...(req.width !== undefined ? { width: req.width } : {}),
      };
      return authenticated((query) => callImage('getwxacodeunlimit', '/wxa/getwxacodeunlimit', query, body));
    },
  };
}
