import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { APP_PAGES } from './app-pages';
import { WXA_ENV_VERSIONS, WXA_SCENE, type WeChatApi, type WxaEnvVersion } from './client';
import { qrPng } from './png';
import { checkSubscribeValue } from './subscribe-fields';

/**
 * A local stand-in for the WeChat server APIs the backend uses, answering in WeChat's shapes
 * (HTTP 200 with errcode/errmsg), so the app runs and is tested with no access to WeChat.
 * Login codes are `mock:<openid>` or `mock:<openid>@<nonce>` (each accepted once), phone codes `mock-phone:<11-digit number>`.
 * A 小程序码 (getwxacodeunlimit) comes back as a PNG of an ordinary QR code holding `<page>?scene=<scene>`:
 * WeChat's own codes cannot be drawn here, but this one scans in 扫一扫 and in a dev's phone camera.
 */

export type StandInApi = WeChatApi;

export interface SentMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  at: string;
}

/** A 小程序码 the stand-in drew, with what it was asked for. */
export interface GeneratedCode {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: WxaEnvVersion;
  width: number;
}

export interface WeChatStandIn {
  url: string;
  sentMessages(): SentMessage[];
  generatedCodes(): GeneratedCode[];
  failNext(api: StandInApi, errcode: number, times?: number): void;
  /** How many requests each API has received since start or the last reset (failed ones included). */
  calls(api: StandInApi): number;
  reset(): void;
  close(): Promise<void>;
}

export interface WeChatStandInOptions {
  host?: string;
  port?: number;
  /** When given, other appids are refused (40013); when absent any appid is accepted, as in demo mode. */
  appId?: string;
  /** When given, other secrets are refused (40125); when absent any secret is accepted. */
  secret?: string;
  /** Clock for token expiry, injectable for tests. */
  now?: () => number;
  /** The released version's pages, for check_path (default: the app's pages from src/app.config.ts). */
  pages?: readonly string[];
}

const APIS: readonly StandInApi[] = ['jscode2session', 'stable_token', 'getuserphonenumber', 'subscribe_send', 'getwxacodeunlimit'];

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40129: 'invalid scene',
  40169: 'invalid length for scene, or the data is not json string',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

const TOKEN_LIFETIME_S = 7200;
/** Like WeChat: in normal mode a token is reissued only in its last 5 minutes. */
const TOKEN_ROTATE_S = 300;
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

type Json = Record<string, unknown>;
type Answer = Json & { errcode?: number };

function fail(errcode: number, detail?: string): Answer {
  const errmsg = ERRMSG[errcode] ?? 'error';
  return { errcode, errmsg: detail ? `${errmsg} ${detail}` : errmsg };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface TokenState {
  expiresAt: number;
  revoked: boolean;
}

/** The stand-in's memory; everything `reset()` forgets. */
function createState(opts: WeChatStandInOptions) {
  const now = opts.now ?? Date.now;
  const usedCodes = new Set<string>();
  const loggedIn = new Set<string>();
  const tokens = new Map<string, TokenState>();
  let current: string | undefined;
  const failures = new Map<StandInApi, { errcode: number; remaining: number }[]>();
  const counts = new Map<StandInApi, number>();
  const messages: SentMessage[] = [];
  const codes: GeneratedCode[] = [];

  function issueToken(): string {
    current = randomBytes(24).toString('base64url');
    tokens.set(current, { expiresAt: now() + TOKEN_LIFETIME_S * 1000, revoked: false });
    return current;
  }

  return {
    now,
    usedCodes,
    loggedIn,
    messages,
    codes,
    count(api: StandInApi): void {
      counts.set(api, (counts.get(api) ?? 0) + 1);
    },
    calls: (api: StandInApi) => counts.get(api) ?? 0,
    queueFailure(api: StandInApi, errcode: number, times: number): void {
      const queue = failures.get(api) ?? [];
      queue.push({ errcode, remaining: times });
      failures.set(api, queue);
    },
    /** The errcode this call must fail with, if a failure was queued for the API. */
    takeFailure(api: StandInApi): number | undefined {
      const queue = failures.get(api);
      const head = queue?.[0];
      if (!queue || !head) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      return head.errcode;
    },
    /** Returns the current token and its remaining seconds, rotating or revoking as WeChat does. */
    token(force: boolean): { value: string; expiresIn: number } {
      if (force) for (const state of tokens.values()) state.revoked = true;
      const state = current ? tokens.get(current) : undefined;
      const remainingS = state ? Math.floor((state.expiresAt - now()) / 1000) : 0;
      if (force || !current || !state || state.revoked || remainingS <= TOKEN_ROTATE_S) {
        return { value: issueToken(), expiresIn: TOKEN_LIFETIME_S };
      }
      return { value: current, expiresIn: remainingS };
    },
    /** 0 when the token may be used, else WeChat's errcode for it. */
    checkToken(value: string | undefined): number {
      if (!value) return 41001;
      const state = tokens.get(value);
      if (!state || state.revoked) return 40001;
      return now() >= state.expiresAt ? 42001 : 0;
    },
    reset(): void {
      usedCodes.clear();
      loggedIn.clear();
      tokens.clear();
      current = undefined;
      failures.clear();
      counts.clear();
      messages.length = 0;
      codes.length = 0;
    },
  };
}

type State = ReturnType<typeof createState>;

function checkApp(opts: WeChatStandInOptions, appid: string | undefined, secret: string | undefined): number {
  if (!appid && opts.appId) return 41002;
  if (opts.appId && appid !== opts.appId) return 40013;
  if (!secret && opts.secret) return 41004;
  if (opts.secret && secret !== opts.secret) return 40125;
  return 0;
}

function jscode2session(state: State, opts: WeChatStandInOptions, query: Json): Answer {
  const appCheck = checkApp(opts, str(query.appid), str(query.secret));
  if (appCheck) return fail(appCheck);
  if (query.grant_type !== 'authorization_code') return fail(40002);
  const code = str(query.js_code);
  if (!code) return fail(41008);
  // `mock:<openid>` or `mock:<openid>@<nonce>`: like real wx.login codes, each code works once,
  // while the nonce lets the demo app sign the same test user in again with a fresh code.
  const openid = code.startsWith('mock:') ? code.slice('mock:'.length).split('@')[0] : '';
  if (!OPENID.test(openid)) return fail(40029);
  if (state.usedCodes.has(code)) return fail(40163);
  state.usedCodes.add(code);
  state.loggedIn.add(openid);
  return { openid, session_key: randomBytes(16).toString('base64') };
}

function stableToken(state: State, opts: WeChatStandInOptions, body: Json): Answer {
  if (body.grant_type !== 'client_credential') return fail(40002);
  const appCheck = checkApp(opts, str(body.appid), str(body.secret));
  if (appCheck) return fail(appCheck);
  const { value, expiresIn } = state.token(body.force_refresh === true);
  return { access_token: value, expires_in: expiresIn };
}

function getUserPhoneNumber(state: State, opts: WeChatStandInOptions, body: Json): Answer {
  const code = str(body.code);
  if (!code) return fail(41008);
  const phone = code.startsWith('mock-phone:') ? code.slice('mock-phone:'.length) : '';
  if (!MAINLAND_MOBILE.test(phone)) return fail(40029);
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(state.now() / 1000), appid: opts.appId ?? 'wx-stand-in' },
    },
  };
}

function subscribeSend(state: State, body: Json): Answer {
  const touser = str(body.touser);
  if (!touser || !state.loggedIn.has(touser)) return fail(40003);
  const templateId = str(body.template_id);
  if (!templateId) return fail(40037);
  if (!isRecord(body.data)) return fail(47001);
  const data: Record<string, string> = {};
  for (const [key, entry] of Object.entries(body.data)) {
    const value = isRecord(entry) ? str(entry.value) : undefined;
    if (value === undefined) return fail(47001);
    if (checkSubscribeValue(key, value)) return fail(47003, `data.${key}.value invalid`);
    data[key] = value;
  }
  const page = str(body.page);
  state.messages.push({ touser, templateId, ...(page ? { page } : {}), data, at: new Date(state.now()).toISOString() });
  return { errcode: 0, errmsg: 'ok' };
}

const DEFAULT_WIDTH = 430;
/** A page path as WeChat takes it: no leading slash, no query (the scene carries the parameters). */
const PAGE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

/** getwxacodeunlimit: WeChat's checks in its order, then the image, or the errcode as JSON. */
function wxaCodeUnlimit(state: State, opts: WeChatStandInOptions, body: Json): Answer | Buffer {
  const scene = body.scene;
  if (typeof scene !== 'string' || scene.length < 1 || scene.length > 32) return fail(40169);
  if (!WXA_SCENE.test(scene)) return fail(40129);
  // No page means the home page, the app's first page.
  const pages = opts.pages ?? APP_PAGES;
  const page = body.page === undefined || body.page === '' ? (pages[0] ?? '') : body.page;
  if (typeof page !== 'string' || !PAGE_PATH.test(page)) return fail(41030);
  const checkPath = body.check_path !== false;
  // check_path false allows a page not released yet (a develop or trial build's new page).
  if (checkPath && !pages.includes(page)) return fail(41030);
  const envVersion = body.env_version ?? 'release';
  if (!WXA_ENV_VERSIONS.includes(envVersion as WxaEnvVersion)) return fail(40097, 'env_version');
  if (body.width !== undefined && (typeof body.width !== 'number' || !Number.isFinite(body.width))) return fail(40097, 'width');
  // WeChat draws out-of-range widths at the nearest size it supports.
  const width = Math.min(1280, Math.max(280, Math.round((body.width as number | undefined) ?? DEFAULT_WIDTH)));
  state.codes.push({ scene, page, checkPath, envVersion: envVersion as WxaEnvVersion, width });
  return qrPng(`${page}?scene=${scene}`, width);
}

function registerWeChatRoutes(app: FastifyInstance, state: State, opts: WeChatStandInOptions): void {
  /** Counts the call, then answers a queued failure before any real handling (a refused call changes nothing). */
  const answer = <T>(api: StandInApi, handle: () => T | Answer): T | Answer => {
    state.count(api);
    const queued = state.takeFailure(api);
    return queued === undefined ? handle() : fail(queued);
  };
  const withToken =
    <T>(query: Json, handle: () => T) =>
    (): T | Answer => {
      const tokenCheck = state.checkToken(str(query.access_token));
      return tokenCheck ? fail(tokenCheck) : handle();
    };
  const bodyOf = (body: unknown): Json => (isRecord(body) ? body : {});

  app.get('/sns/jscode2session', async (req) =>
    answer('jscode2session', () => jscode2session(state, opts, req.query as Json)),
  );
  app.post('/cgi-bin/stable_token', async (req) =>
    answer('stable_token', () => stableToken(state, opts, bodyOf(req.body))),
  );
  app.post('/wxa/business/getuserphonenumber', async (req) =>
    answer('getuserphonenumber', withToken(req.query as Json, () => getUserPhoneNumber(state, opts, bodyOf(req.body)))),
  );
  app.post('/cgi-bin/message/subscribe/send', async (req) =>
    answer('subscribe_send', withToken(req.query as Json, () => subscribeSend(state, bodyOf(req.body)))),
  );
  app.post('/wxa/getwxacodeunlimit', async (req, reply) => {
    const result = answer('getwxacodeunlimit', withToken(req.query as Json, () => wxaCodeUnlimit(state, opts, bodyOf(req.body))));
    // Like WeChat: the image on success, JSON (with a JSON content type) on failure.
    return Buffer.isBuffer(result) ? reply.type('image/png').send(result) : result;
  });
}

/** For processes that cannot call the functions (the browser test, a developer with curl). */
function registerControlRoutes(app: FastifyInstance, standIn: () => WeChatStandIn): void {
  app.get('/__stand-in/messages', async () => ({ messages: standIn().sentMessages() }));
  app.get('/__stand-in/codes', async () => ({ codes: standIn().generatedCodes() }));
  app.get('/__stand-in/calls', async () => ({
    calls: Object.fromEntries(APIS.map((api) => [api, standIn().calls(api)])),
  }));
  app.post('/__stand-in/fail', async (req, reply) => {
    const body = isRecord(req.body) ? req.body : {};
    try {
      standIn().failNext(body.api as StandInApi, body.errcode as number, (body.times as number | undefined) ?? 1);
    } catch (err) {
      return reply.code(400).send({ error: { code: 'VALIDATION', message: (err as Error).message } });
    }
    return { ok: true };
  });
  app.post('/__stand-in/reset', async () => {
    standIn().reset();
    return { ok: true };
  });
}

function validateFailure(api: unknown, errcode: unknown, times: unknown): void {
  if (!APIS.includes(api as StandInApi)) throw new Error(`api 应为 ${APIS.join('、')} 之一`);
  if (typeof errcode !== 'number' || !Number.isInteger(errcode) || errcode === 0) throw new Error('errcode 应为非零整数');
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) throw new Error('times 应为正整数');
}

function buildApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  // WeChat accepts JSON bodies whatever the content type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body ? JSON.parse(body as string) : {});
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.setErrorHandler((_err, _req, reply) => reply.code(200).send(fail(47001)));
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ errcode: -1, errmsg: 'not found' }));
  return app;
}

function publicUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export async function startWeChatStandIn(opts: WeChatStandInOptions = {}): Promise<WeChatStandIn> {
  const host = opts.host ?? '127.0.0.1';
  const state = createState(opts);
  const app = buildApp();

  const standIn: WeChatStandIn = {
    url: '',
    sentMessages: () => state.messages.map((message) => ({ ...message, data: { ...message.data } })),
    generatedCodes: () => state.codes.map((code) => ({ ...code })),
    failNext(api, errcode, times = 1) {
      validateFailure(api, errcode, times);
      state.queueFailure(api, errcode, times);
    },
    calls: (api) => state.calls(api),
    reset: () => state.reset(),
    close: () => app.close(),
  };

  registerWeChatRoutes(app, state, opts);
  registerControlRoutes(app, () => standIn);
  await app.listen({ host, port: opts.port ?? 0 });
  standIn.url = publicUrl(app, host);
  return standIn;
}
