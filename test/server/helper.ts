import { appendFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';
import { hashPassword } from '../../server/lib/passwords';
import type { WeChatClient } from '../../server/wechat/client';
import { startWeChatStandIn, type WeChatStandIn } from '../../server/wechat/stand-in';
import { SERVER_LOG_DIR } from '../server-logs';
import { scratchPostgres } from './scratch-postgres';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server we may create databases on. */
export function databases(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Every log line any test app writes is also appended here, one file per jest worker, and
 * scripts/test.mjs scans them after the run for phone numbers, openids, tokens and addresses.
 */
export { SERVER_LOG_DIR };
const workerTag = `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}`;
function logFile(suffix: string): string {
  // Every time: a run that starts meanwhile clears the folder (scripts/test.mjs).
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  return path.join(SERVER_LOG_DIR, `${workerTag}.${suffix}`);
}

/**
 * Openids and tokens the helpers handled: the log scan looks for these exact strings too, since
 * a test openid such as `owner-a` follows no pattern. Short ones would match ordinary words.
 */
export function rememberSecret(secret: string): void {
  if (secret.length >= 8) appendFileSync(logFile('secrets'), `${secret}\n`);
}

/** High enough that no suite but the rate-limit one ever meets a limit; that one sets its own. */
export const GENEROUS_RATE_LIMITS = { RATE_LIMIT_LOGIN: '1000000', RATE_LIMIT_SUBMIT: '1000000', RATE_LIMIT_SEARCH: '1000000' };

export const ADMIN = { username: 'admin', password: 'admin-test-password' };
export const STAFF = { username: 'staff-test', password: 'staff-test-password' };

type App = Awaited<ReturnType<typeof buildApp>>;

export interface TestApp {
  app: App;
  standIn: WeChatStandIn;
  config: AppConfig;
  /** Every log line the app wrote, raw. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * A ready app on a fresh, empty database (SQLite in a temp dir, or a new PostgreSQL database),
 * talking to a WeChat stand-in on an ephemeral loopback port. Two accounts exist: ADMIN and STAFF.
 */
export interface BuildOptions {
  env?: Record<string, string>;
  /** Replaces the stand-in-backed client (e.g. one that fails in unexpected ways). */
  wechat?: WeChatClient;
  /** Create the ADMIN and STAFF accounts (default true); off to test the demo seed. */
  accounts?: boolean;
}

export async function build(kind: DbKind, opts: BuildOptions = {}): Promise<TestApp> {
  const standIn = await startWeChatStandIn({ host: '127.0.0.1', port: 0 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-test-'));
  const pgDb = kind === 'postgres' ? await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'ys_test') : null;
  const logs: string[] = [];
  const logCopy = createWriteStream(logFile('log'), { flags: 'a' });
  // A copy for the scan must never fail a test; the scan reports how many lines it saw.
  logCopy.on('error', () => undefined);
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      logCopy.write(chunk);
      done();
    },
  });
  const config = loadConfig({
    DEMO: '1',
    DATA_DIR: dataDir,
    WECHAT_API_BASE: standIn.url,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    ...GENEROUS_RATE_LIMITS,
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...opts.env,
  });
  const app = await buildApp(config, { logStream, wechat: opts.wechat });
  if (opts.accounts !== false) {
    const now = new Date().toISOString();
    await app.repos.users.insert({ username: ADMIN.username, password_hash: await hashPassword(ADMIN.password), role: 'admin', display_name: '测试管理员', created_at: now });
    await app.repos.users.insert({ username: STAFF.username, password_hash: await hashPassword(STAFF.password), role: 'staff', display_name: '测试工作人员', created_at: now });
  }

  return {
    app,
    standIn,
    config,
    logs,
    async close() {
      await app.close();
      await standIn.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      await new Promise<void>((resolve) => logCopy.end(resolve));
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs in through the stand-in as the given openid (`mock:<openid>` codes are accepted once). */
export async function wechatLogin(app: App, openid: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `mock:${openid}` } });
  if (res.statusCode !== 200) throw new Error(`wechat login failed: ${res.statusCode} ${res.body}`);
  const { token } = res.json<{ token: string }>();
  rememberSecret(openid);
  rememberSecret(token);
  return token;
}

export async function staffLogin(app: App, who: { username: string; password: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: who });
  if (res.statusCode !== 200) throw new Error(`staff login failed: ${res.statusCode} ${res.body}`);
  const { token } = res.json<{ token: string }>();
  rememberSecret(token);
  return token;
}

/** The two codes published with GB 32100-2015 examples, as registry entries for tests. */
export const PUBLISHED = [
  { uscc: '914403001922038216', name: '测试一号科技有限公司（深圳）', industry: '制造业', scale: '中型' as const, district: '茶园街道', qualifications: ['高新技术企业'] },
  { uscc: '91440300708461136T', name: '测试二号贸易有限公司', industry: '批发和零售业', scale: '小型' as const, district: '龙湖街道', qualifications: [] },
];

export async function addPublishedEnterprises(app: App, adminToken: string): Promise<void> {
  for (const e of PUBLISHED) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/admin/enterprises', headers: bearer(adminToken), payload: e });
    if (res.statusCode !== 201) throw new Error(`add enterprise failed: ${res.statusCode} ${res.body}`);
  }
}
