import { existsSync } from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { withPreviousKeys } from './lib/secrets';

/** Defaults that only apply in demo mode (DEMO=1); production must set its own values. */
export const DEMO_ADMIN_PASSWORD = 'admin123456';
export const DEMO_STAFF_PASSWORD = 'demo123456';
// A published, fixed key: demo phone numbers are test data, never real ones.
const DEMO_DATA_KEY = Buffer.from('demo-key-not-for-production-use!').toString('hex');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^\\d{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DEMO: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('')])),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  WECHAT_API_BASE: Type.Optional(Type.String({ pattern: '^https?://' })),
  WECHAT_APPID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  TOKEN_TTL_HOURS: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,4}$' })),
  STATIC_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LOG_LEVEL: Type.Optional(Type.Union(LOG_LEVELS.map((l) => Type.Literal(l)))),
  DATA_KEY: Type.Optional(Type.String({ minLength: 1 })),
  DELIVERY_SLOT_CAPACITY: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
  DELIVERY_DEPARTMENT: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  RECTIFY_WORKING_DAYS: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,2}$' })),
  DATA_KEY_PREVIOUS: Type.Optional(Type.String({ minLength: 1 })),
  RATE_LIMIT_LOGIN: Type.Optional(Type.String({ pattern: '^\\d{1,7}$' })),
  RATE_LIMIT_SUBMIT: Type.Optional(Type.String({ pattern: '^\\d{1,7}$' })),
  RATE_LIMIT_SEARCH: Type.Optional(Type.String({ pattern: '^\\d{1,7}$' })),
  RATE_LIMIT_WINDOW_SECONDS: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,4}$' })),
  TRUST_PROXY: Type.Optional(Type.String({ pattern: '^(true|\\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$' })),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  WECHAT_CODE_ENV_VERSION: Type.Optional(Type.Union([Type.Literal('release'), Type.Literal('trial'), Type.Literal('develop')])),
  WECHAT_CODE_CHECK_PATH: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])),
});
type Env = Static<typeof EnvSchema>;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… when set; otherwise SQLite in dataDir. */
  databaseUrl: string | null;
  demo: boolean;
  adminPassword: string;
  /** True when the admin password is the printed demo default. */
  adminPasswordIsDefault: boolean;
  /** null in demo mode means: start the local WeChat stand-in. */
  wechatApiBase: string | null;
  wechatAppId: string;
  wechatSecret: string;
  tokenTtlHours: number;
  staticDir: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
  /** 32-byte AES-256-GCM key for phone numbers at rest. */
  dataKey: Buffer;
  /** 证照递送: bookings per slot (date + 上午/下午) unless an admin sets that slot's capacity. */
  deliverySlotCapacity: number;
  /** Name of the department whose staff process deliveries (区政务服务中心 by default). */
  deliveryDepartment: string;
  /** 差评整改时限（工作日）, 15 by default. */
  rectifyWorkingDays: number;
  /** Requests per window; 0 turns that limit off (benchmarks, load tests). Counted in the database, shared by all instances. */
  rateLimits: RateLimits;
  /** Fastify's trustProxy: which proxies may set X-Forwarded-For (per-IP limits need the client's address, not the balancer's). */
  trustProxy: boolean | number | string[];
  /** What the visit 小程序码 opens: WeChat's env_version and check_path. */
  wechatCode: { envVersion: 'release' | 'trial' | 'develop'; checkPath: boolean };
}

export interface RateLimits {
  /** Login attempts (WeChat and staff) per client IP. */
  login: number;
  /** Creating submissions per user. */
  submit: number;
  /** Policy searches per client IP. */
  search: number;
  windowSeconds: number;
  /** REDIS_URL: where the windows are counted when set (shared by every instance on it); the database otherwise. */
  redisUrl: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`环境变量配置有误：\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const HINTS: Record<keyof Env, string> = {
  PORT: '应为端口号数字，如 8080',
  HOST: '不能为空，如 0.0.0.0',
  DATA_DIR: '不能为空，如 ./data',
  DATABASE_URL: '应以 postgres:// 开头，如 postgres://user:pass@127.0.0.1:5432/db',
  DEMO: '只能是 1 或 0',
  ADMIN_PASSWORD: '至少8个字符',
  WECHAT_API_BASE: '应以 http:// 或 https:// 开头',
  WECHAT_APPID: '不能为空',
  WECHAT_SECRET: '不能为空',
  TOKEN_TTL_HOURS: '应为正整数（小时），如 72',
  STATIC_DIR: '不能为空',
  LOG_LEVEL: `只能是 ${LOG_LEVELS.join('、')} 之一`,
  DATA_KEY: '应为32字节密钥（64位十六进制或 base64）',
  DELIVERY_SLOT_CAPACITY: '应为0到999的整数，如 5',
  DELIVERY_DEPARTMENT: '应为部门名称，如 区政务服务中心',
  RECTIFY_WORKING_DAYS: '应为1到999的整数（工作日），如 15',
  DATA_KEY_PREVIOUS: '应为32字节密钥（64位十六进制或 base64），即轮换前的 DATA_KEY',
  RATE_LIMIT_LOGIN: '应为非负整数（每个IP每个时间窗的登录次数，0 表示不限），如 10',
  RATE_LIMIT_SUBMIT: '应为非负整数（每个用户每个时间窗的提交次数，0 表示不限），如 30',
  RATE_LIMIT_SEARCH: '应为非负整数（每个IP每个时间窗的搜索次数，0 表示不限），如 120',
  RATE_LIMIT_WINDOW_SECONDS: '应为正整数（秒），如 60',
  TRUST_PROXY: '应为 true、代理层数（如 1）或以逗号分隔的代理地址/网段（如 10.0.0.0/8）',
  REDIS_URL: '应为 redis://[:密码@]主机[:端口][/库号] 或 rediss://（TLS），如 redis://127.0.0.1:6379/0',
  WECHAT_CODE_ENV_VERSION: '只能是 release（正式版）、trial（体验版）或 develop（开发版）',
  WECHAT_CODE_CHECK_PATH: '只能是 1（页面须已发布）或 0（允许未发布的页面）',
};

function schemaProblems(env: Record<string, unknown>): string[] {
  const seen = new Set<string>();
  for (const error of Value.Errors(EnvSchema, env)) {
    const name = error.path.split('/')[1];
    if (name) seen.add(name);
  }
  return [...seen].map((name) => `${name}：${HINTS[name as keyof Env] ?? '取值不正确'}`);
}

/** A 32-byte key from 64 hex digits or base64; null when it is neither. */
export function parseKey(raw: string): Buffer | null {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  return key.length === 32 ? key : null;
}

/** Keep only the variables we know, and treat empty strings as unset (except DEMO). */
function pick(source: Record<string, string | undefined>): Env {
  const env: Record<string, string> = {};
  for (const name of Object.keys(HINTS)) {
    const value = source[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  return env as Env;
}

/** Reads and checks the environment; throws ConfigError listing every problem at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const env = pick(source);
  const problems = schemaProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);

  const demo = env.DEMO === '1';
  const required = (name: keyof Env, value: string | undefined): string => {
    if (value === undefined) problems.push(`${name}：未设置（非演示模式下必填；演示可设置 DEMO=1）`);
    return value ?? '';
  };
  const adminPassword = demo ? (env.ADMIN_PASSWORD ?? DEMO_ADMIN_PASSWORD) : required('ADMIN_PASSWORD', env.ADMIN_PASSWORD);
  const wechatAppId = demo ? (env.WECHAT_APPID ?? 'wx-demo-appid') : required('WECHAT_APPID', env.WECHAT_APPID);
  const wechatSecret = demo ? (env.WECHAT_SECRET ?? 'wx-demo-secret') : required('WECHAT_SECRET', env.WECHAT_SECRET);
  const rawKey = demo ? (env.DATA_KEY ?? DEMO_DATA_KEY) : required('DATA_KEY', env.DATA_KEY);
  const dataKey = rawKey ? parseKey(rawKey) : null;
  if (rawKey && !dataKey) problems.push(`DATA_KEY：${HINTS.DATA_KEY}`);
  const previousKey = env.DATA_KEY_PREVIOUS === undefined ? null : parseKey(env.DATA_KEY_PREVIOUS);
  if (env.DATA_KEY_PREVIOUS !== undefined && !previousKey) problems.push(`DATA_KEY_PREVIOUS：${HINTS.DATA_KEY_PREVIOUS}`);
  if (env.REDIS_URL !== undefined && !isRedisUrl(env.REDIS_URL)) problems.push(`REDIS_URL：${HINTS.REDIS_URL}`);
  if (problems.length > 0) throw new ConfigError(problems);

  const defaultStatic = path.resolve('dist-h5');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL ?? null,
    demo,
    adminPassword,
    adminPasswordIsDefault: demo && env.ADMIN_PASSWORD === undefined,
    wechatApiBase: env.WECHAT_API_BASE ?? (demo ? null : 'https://api.weixin.qq.com'),
    wechatAppId,
    wechatSecret,
    tokenTtlHours: Number(env.TOKEN_TTL_HOURS ?? 72),
    staticDir: env.STATIC_DIR ? path.resolve(env.STATIC_DIR) : existsSync(defaultStatic) ? defaultStatic : null,
    logLevel: env.LOG_LEVEL ?? 'info',
    // During a rotation the old key still opens rows not yet re-encrypted (scripts/rotate-key.mjs).
    dataKey: previousKey ? withPreviousKeys(dataKey as Buffer, [previousKey]) : (dataKey as Buffer),
    deliverySlotCapacity: Number(env.DELIVERY_SLOT_CAPACITY ?? 5),
    deliveryDepartment: env.DELIVERY_DEPARTMENT ?? '区政务服务中心',
    rectifyWorkingDays: Number(env.RECTIFY_WORKING_DAYS ?? 15),
    rateLimits: {
      login: Number(env.RATE_LIMIT_LOGIN ?? 10),
      submit: Number(env.RATE_LIMIT_SUBMIT ?? 30),
      search: Number(env.RATE_LIMIT_SEARCH ?? 120),
      windowSeconds: Number(env.RATE_LIMIT_WINDOW_SECONDS ?? 60),
      redisUrl: env.REDIS_URL ?? null,
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    wechatCode: wechatCodeOptions(env, demo),
  };
}

/** The prefix alone lets `redis://` or `redis://host:port/x` through; a typo there should stop the boot, not the limiter. */
export function isRedisUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return false;
  if (!url.hostname || url.search || url.hash) return false;
  return url.pathname === '' || url.pathname === '/' || /^\/\d{1,2}$/.test(url.pathname);
}

/**
 * A demo opens the 开发版 by default (production the 正式版). Only a released version has its pages checked
 * by default: WeChat refuses (41030) a page a develop or trial build has not published yet.
 */
function wechatCodeOptions(env: Env, demo: boolean): AppConfig['wechatCode'] {
  const envVersion = env.WECHAT_CODE_ENV_VERSION ?? (demo ? 'develop' : 'release');
  const checkPath = env.WECHAT_CODE_CHECK_PATH === undefined ? envVersion === 'release' : env.WECHAT_CODE_CHECK_PATH === '1';
  return { envVersion, checkPath };
}

function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined) return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',');
}
