import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { decrypt, decryptWith } from '../../../server/lib/secrets';
import { SEALED_COLUMNS } from '../../../server/repositories/sealed-data';
import { deliveryWorld, validBooking, type DeliveryWorld } from '../deliveries/setup';
import { GENEROUS_RATE_LIMITS, bearer, databases } from '../helper';

const ROOT = path.resolve(__dirname, '../../..');
const PHONE = '13812341234';
const ACCOUNT_PHONE = '13700001111';
const STREET = '文三路 90 号 1201 室';
const NEW_KEY = 'c0ffee12'.repeat(8);

/** Every row of every table of the database, as one string. */
async function wholeDatabase(w: DeliveryWorld, kind: string): Promise<string> {
  const db = w.t.app.db;
  const tables =
    kind === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)).rows;
  const dumps: string[] = [];
  for (const { name } of tables) dumps.push(JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(db)).rows));
  expect(tables.length).toBeGreaterThan(10);
  return dumps.join('\n');
}

async function sealedColumnsInSchema(w: DeliveryWorld, kind: string): Promise<string[]> {
  const db = w.t.app.db;
  if (kind === 'postgres') {
    const { rows } = await sql<{ t: string; c: string }>`
      select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and column_name like '%\\_enc' escape '\\'`.execute(db);
    return rows.map((r) => `${r.t}.${r.c}`).sort();
  }
  const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    for (const c of rows) if (c.name.endsWith('_enc')) found.push(`${name}.${c.name}`);
  }
  return found.sort();
}

function runRotation(w: DeliveryWorld, env: Record<string, string>, args: string[] = []) {
  const r = spawnSync(process.execPath, ['scripts/rotate-key.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Empty means unset to the script: no key leaks in from the test's own environment.
    env: { ...process.env, DATA_KEY: '', DATA_KEY_PREVIOUS: '', DATA_DIR: w.t.config.dataDir, DATABASE_URL: w.t.config.databaseUrl ?? '', ...env },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function scanLogs(lines: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ys-logscan-'));
  try {
    writeFileSync(path.join(dir, 'worker-1.log'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'worker-1.secrets'), 'owner-from-a-test\n');
    const r = spawnSync(process.execPath, ['scripts/scan-server-logs.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, out: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(databases())('%s', (kind) => {
  let w: DeliveryWorld;
  let deliveryId: number;
  let owner: string;

  beforeAll(async () => {
    w = await deliveryWorld(kind);
    ({ token: owner } = await w.enterpriseUser('个人信息测试有限公司'));
    const booked = await w.book(owner, validBooking({ phone: PHONE, address: { region: ['浙江省', '杭州市', '西湖区'], detail: STREET } }));
    expect(booked.statusCode).toBe(201);
    deliveryId = booked.json().id;
    const phone = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: bearer(owner), payload: { code: `mock-phone:${ACCOUNT_PHONE}` } });
    expect(phone.statusCode).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await w.close();
  });

  const auditCount = async (action: string) =>
    (await w.t.app.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

  it('keeps phone numbers and addresses only as ciphertext, in every table of the database', async () => {
    const everything = await wholeDatabase(w, kind);
    for (const secret of [PHONE, ACCOUNT_PHONE, STREET, '文三路']) expect(everything).not.toContain(secret);
    const row = await w.t.app.db.selectFrom('deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow();
    expect(decrypt(row.phone_enc, w.t.config.dataKey)).toBe(PHONE);
    expect(JSON.parse(decrypt(row.address_enc!, w.t.config.dataKey))).toEqual({ region: ['浙江省', '杭州市', '西湖区'], detail: STREET });
  });

  it('knows every encrypted column, so a key rotation misses none', async () => {
    expect(await sealedColumnsInSchema(w, kind)).toEqual(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });

  it('masks phone and address in the staff queue and in a staff export, and records the export', async () => {
    const queue = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/deliveries', headers: bearer(w.handler) });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.find((d: { id: number }) => d.id === deliveryId)).toMatchObject({ phoneMasked: '138****1234', addressMasked: '浙江省杭州市西湖区 文三****' });
    expect(queue.body).not.toContain(PHONE);
    expect(queue.body).not.toContain('文三路');

    const before = await auditCount('delivery.export');
    const exported = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/deliveries/export?from=2026-09-01&to=2026-10-31&format=csv', headers: bearer(w.handler) });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('138****1234');
    expect(exported.body).not.toContain(PHONE);
    expect(exported.body).not.toContain('文三路');
    expect(await auditCount('delivery.export')).toBe(before + 1);
  });

  it('gives the full export only to an admin, and writes that to the audit log', async () => {
    const exported = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/deliveries/export?from=2026-09-01&to=2026-10-31&format=csv', headers: bearer(w.admin) });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(PHONE);
    const last = await w.t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'delivery.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(last.detail ?? '{}')).toMatchObject({ full: true, format: 'csv' });
  });

  it('writes an audit entry for each full view by staff, naming who looked, and none for the owner reading their own booking', async () => {
    const before = await auditCount('delivery.view_full');
    const staffView = await w.t.app.inject({ method: 'GET', url: `/api/v1/admin/deliveries/${deliveryId}`, headers: bearer(w.handler) });
    expect(staffView.json()).toMatchObject({ phone: PHONE, address: { detail: STREET } });
    const viaPublicPath = await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${deliveryId}`, headers: bearer(w.admin) });
    expect(viaPublicPath.json().phone).toBe(PHONE);
    expect(await auditCount('delivery.view_full')).toBe(before + 2);
    const mine = await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${deliveryId}`, headers: bearer(owner) });
    expect(mine.json().phone).toBe(PHONE);
    expect(await auditCount('delivery.view_full')).toBe(before + 2);

    const entries = await w.t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'delivery.view_full').orderBy('id', 'desc').limit(2).execute();
    expect(entries.every((e) => e.target === `delivery:${deliveryId}` && e.actor_user_id !== null)).toBe(true);
    // The log of who saw personal data must not itself hold it.
    expect(JSON.stringify(await w.t.app.db.selectFrom('audit_log').selectAll().execute())).not.toMatch(/13812341234|13700001111|文三路/);
  });

  it('rotates DATA_KEY: servers read old and new rows meanwhile, the script re-encrypts every row, and the old key can then go', async () => {
    const oldKey = w.t.config.dataKey.toString('hex');
    const env = (over: Record<string, string>) =>
      loadConfig({
        DEMO: '1',
        DATA_DIR: w.t.config.dataDir,
        ...(w.t.config.databaseUrl ? { DATABASE_URL: w.t.config.databaseUrl } : {}),
        WECHAT_API_BASE: w.t.standIn.url,
        ADMIN_PASSWORD: 'admin-test-password',
        LOG_LEVEL: 'silent',
        ...GENEROUS_RATE_LIMITS,
        ...over,
      });

    // Step 1: every instance restarts with the new key and the old one as DATA_KEY_PREVIOUS.
    const during = await buildApp(env({ DATA_KEY: NEW_KEY, DATA_KEY_PREVIOUS: oldKey }));
    during.clock.now = w.t.app.clock.now;
    let second: number;
    try {
      const old = await during.inject({ method: 'GET', url: `/api/v1/admin/deliveries/${deliveryId}`, headers: bearer(w.handler) });
      expect(old.json().phone).toBe(PHONE);
      const booked = await during.inject({ method: 'POST', url: '/api/v1/deliveries', headers: bearer(owner), payload: validBooking({ phone: '13900001234', date: '2026-09-30' }) });
      expect(booked.statusCode).toBe(201);
      second = booked.json().id;
    } finally {
      await during.close();
    }
    const fresh = await w.t.app.db.selectFrom('deliveries').select('phone_enc').where('id', '=', second).executeTakeFirstOrThrow();
    expect(decryptWith(fresh.phone_enc, Buffer.from(NEW_KEY, 'hex'))).toBe('13900001234');

    // Step 2: the script, which first says what is left, then re-encrypts, and is safe to run again.
    const pending = runRotation(w, { DATA_KEY: NEW_KEY }, ['--check']);
    expect(pending.status).toBe(1);
    expect(pending.out).toMatch(/deliveries\.phone_enc：已是新密钥 1，待轮换 1，无法解密 0/);
    const rotated = runRotation(w, { DATA_KEY: NEW_KEY, DATA_KEY_PREVIOUS: oldKey });
    expect(rotated.out).toMatch(/users\.phone_enc：已是新密钥 0，本次重新加密 1，无法解密 0/);
    expect(rotated.out).toMatch(/deliveries\.address_enc：已是新密钥 1，本次重新加密 1，无法解密 0/);
    expect(rotated.status).toBe(0);
    const again = runRotation(w, { DATA_KEY: NEW_KEY, DATA_KEY_PREVIOUS: oldKey });
    expect(again.out).toMatch(/deliveries\.phone_enc：已是新密钥 2，本次重新加密 0/);
    expect(runRotation(w, { DATA_KEY: NEW_KEY }, ['--check']).status).toBe(0);
    expect(runRotation(w, { DATA_KEY: NEW_KEY }).status).toBe(2);

    // Step 3: the old key is dropped; everything still reads, and nothing opens with the old key.
    const after = await buildApp(env({ DATA_KEY: NEW_KEY }));
    after.clock.now = w.t.app.clock.now;
    try {
      const view = await after.inject({ method: 'GET', url: `/api/v1/admin/deliveries/${deliveryId}`, headers: bearer(w.handler) });
      expect(view.json()).toMatchObject({ phone: PHONE, address: { detail: STREET } });
      const booking = await after.inject({ method: 'POST', url: '/api/v1/deliveries', headers: bearer(owner), payload: validBooking({ phone: 'account', date: '2026-09-30', period: '下午' }) });
      // The account phone (users.phone_enc) was rotated too: it still fills in a booking.
      expect(booking.statusCode).toBe(201);
    } finally {
      await after.close();
    }
    for (const c of SEALED_COLUMNS) {
      const { rows } = await sql<{ v: string }>`select ${sql.ref(c.column)} as v from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(w.t.app.db);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(decryptWith(r.v, Buffer.from(oldKey, 'hex'))).toBeNull();
    }
  }, 60_000);

  it('finds no phone number, openid, token or address in what this suite logged', () => {
    const scan = scanLogs(w.t.logs.join('').split('\n'));
    expect(scan.out).toMatch(/发现 0 处/);
    expect(scan.status).toBe(0);
  });
});

describe('server log scan', () => {
  it('fails on a phone number, an openid, a bearer token, an unredacted header or an address, and prints them masked', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE';
    const scan = scanLogs([
      '{"level":30,"msg":"booking for 13812341234"}',
      '{"level":30,"msg":"电话13912345678已核实"}',
      '{"level":30,"msg":"login","code":"mock:owner-a"}',
      `{"level":30,"headers":{"authorization":"Bearer ${token}"}}`,
      '{"level":30,"msg":"address 浙江省杭州市西湖区 文三路 90 号"}',
      '{"level":30,"msg":"user owner-from-a-test logged in"}',
    ]);
    expect(scan.status).toBe(1);
    expect(scan.out).toMatch(/发现 [6-9] 处/);
    expect(scan.out).toMatch(/手机号 2/);
    expect(scan.out).toMatch(/测试用 openid\/令牌 1/);
    expect(scan.out).not.toContain('13812341234');
    expect(scan.out).not.toContain(token);
  });

  it('passes ordinary lines: timestamps, durations, redacted headers, masked numbers, hashes', () => {
    const scan = scanLogs([
      '{"level":30,"time":1795758013351,"reqId":"req-1","res":{"statusCode":401},"responseTime":25.13912345678,"msg":"request completed"}',
      '{"level":30,"req":{"headers":{"authorization":"[已隐藏]"}},"phoneMasked":"138****1234"}',
      `{"level":30,"hash":"${'ab12'.repeat(16)}","msg":"区政务服务中心 茶园街道"}`,
      '{"level":30,"req":{"method":"GET","url":"/css/760.318d14368935857c216a.css"},"msg":"incoming request"}',
    ]);
    expect(scan.out).toMatch(/发现 0 处/);
    expect(scan.status).toBe(0);
  });
});
