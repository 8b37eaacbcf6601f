import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { buildApp } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';
import { hashPassword } from '../../server/lib/passwords';
import type { WeChatClient } from '../../server/wechat/client';
import { startWeChatStandIn, type WeChatStandIn } from '../../server/wechat/stand-in';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server we may create databases on. */
export function databases(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

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

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `ys_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
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
  const pgDb = kind === 'postgres' ? await freshPostgres() : null;
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({
    DEMO: '1',
    DATA_DIR: dataDir,
    WECHAT_API_BASE: standIn.url,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
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
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs in through the stand-in as the given openid (`mock:<openid>` codes are accepted once). */
export async function wechatLogin(app: App, openid: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `mock:${openid}` } });
  if (res.statusCode !== 200) throw new Error(`wechat login failed: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export async function staffLogin(app: App, who: { username: string; password: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: who });
  if (res.statusCode !== 200) throw new Error(`staff login failed: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
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
