import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { buildApp } from '../../../server/app';
import { loadConfig, type AppConfig } from '../../../server/config';
import type { Database } from '../../../server/db/schema';
import { hashToken, encrypt, maskPhone, newToken, sha256, canonicalJson } from '../../../server/lib/secrets';
import { migrateToLatest, migrations } from '../../../server/migrations';
import { createDatabase } from '../../../server/plugins/db';
import { quarterOf } from '../../../server/repositories/stats-period';
import { databases, type DbKind } from '../helper';
import { scratchPostgres, type ScratchPostgres } from '../scratch-postgres';
import { inspect } from './integrity';
import released from './released-migrations.json';
import { chinaDate } from './workload';

jest.setTimeout(120_000);

// Migrations are written against Kysely<any>: the old schema is not the current Database type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const names = (kind: DbKind) => Object.keys(migrations(kind));

describe('migrations are forward-only and the released list only grows', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: every released migration is still there, same name, same place', (kind) => {
    const current = names(kind);
    expect(current.slice(0, released.released.length)).toEqual(released.released);
    expect(released.released).toContain(released.previousRelease);
  });

  it('adds new migrations after the released ones, in the order they run', () => {
    const current = names('sqlite');
    expect(names('postgres')).toEqual(current);
    for (const name of current) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
    // Kysely runs them in name order: the listed order must be that order, with one migration per number.
    expect([...current].sort()).toEqual(current);
    expect(new Set(current.map((n) => n.slice(0, 4))).size).toBe(current.length);
  });

  it('has no down migrations: a release is never rolled back by dropping data', () => {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const withDown = Object.entries(migrations(kind)).filter(([, m]: [string, Migration]) => m.down !== undefined);
      expect(withDown.map(([n]) => n)).toEqual([]);
    }
  });
});

interface Store {
  config: AppConfig;
  close(): Promise<void>;
}

async function emptyStore(kind: DbKind): Promise<Store> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-migrate-'));
  const pg: ScratchPostgres | null = kind === 'postgres' ? await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'ys_migrate') : null;
  const config = loadConfig({
    DEMO: '1',
    DATA_DIR: dataDir,
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    ADMIN_PASSWORD: 'migration-admin-password',
    RATE_LIMIT_LOGIN: '0',
    RATE_LIMIT_SUBMIT: '0',
    RATE_LIMIT_SEARCH: '0',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  return {
    config,
    async close() {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const quiet = () => new Writable({ write: (_c, _e, done) => done() });

async function migrateTo(db: Kysely<Database>, kind: DbKind, target: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(kind) } });
  const { error, results } = await migrator.migrateTo(target);
  if (error) throw error;
  expect(results?.every((r) => r.status === 'Success')).toBe(true);
}

/**
 * What a deployment of the previous release holds, written with that release's schema in plain SQL
 * (old tables never change, so this keeps working as the repositories move on): an enterprise user
 * with a live session, a booked delivery, a message thread, ratings (two low ones with tickets) and
 * a stored idempotent response.
 */
async function previousReleaseData(raw: AnyDb, config: AppConfig) {
  const now = new Date().toISOString();
  const quarter = quarterOf(now);
  const id = async (table: string, values: Record<string, unknown>) => (await raw.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;

  const deptA = await id('departments', { name: '区发改委', code: 'fgw', created_at: now });
  const deptB = await id('departments', { name: '区政务服务中心', code: 'zwfw', created_at: now });
  const enterpriseId = await id('enterprises', { uscc: '914403001922038216', name: '升级测试有限公司', industry: '制造业', scale: '小型', district: '茶园街道', qualifications: '[]', created_at: now });
  const userId = await id('users', { openid: 'upgrade-owner', role: 'enterprise', display_name: '微信用户', enterprise_id: enterpriseId, created_at: now });
  const token = newToken();
  await raw.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: new Date(Date.now() + 86_400_000).toISOString() }).execute();
  const policyId = await id('policies', {
    title: '升级前发布的政策', department_id: deptA, level: '区级', kind: '资金扶持', tags: '[]', summary: '摘要', body: '正文', basis_doc: '文号', amount: '10万元',
    valid_from: '2026-01-01', method: '申报', contact: '区发改委', status: 'published', conditions: '[]', published_at: now, created_at: now, updated_at: now,
  });

  const date = chinaDate(3);
  const deliveryId = await id('deliveries', {
    enterprise_id: enterpriseId, created_by: userId, status: 'submitted', items: JSON.stringify([{ kind: '营业执照正本', quantity: 1 }]), mode: '自取', recipient_name: '王小明',
    phone_enc: encrypt('13812341234', config.dataKey), phone_masked: maskPhone('13812341234'), date, period: '上午', remark: 'upgrade-delivery', created_at: now, updated_at: now,
  });
  await raw.insertInto('delivery_events').values({ delivery_id: deliveryId, kind: 'submitted', status: 'submitted', at: now, by_name: '升级测试有限公司', actor_user_id: userId, note: `${date} 上午` }).execute();
  await raw.insertInto('audit_log').values({ actor_user_id: userId, action: 'delivery.create', target: `delivery:${deliveryId}`, at: now }).execute();
  await raw.insertInto('delivery_slot_usage').values({ date, period: '上午', booked: 1, capacity: 5, updated_at: now }).execute();

  const threadId = await id('message_threads', { enterprise_id: enterpriseId, department_id: deptA, policy_id: policyId, complexity: 'simple', asked_at: now, reply_due_at: now, answered: 0, created_at: now, updated_at: now });
  await raw.insertInto('message_posts').values({ thread_id: threadId, from_side: 'enterprise', author: '升级测试有限公司', author_user_id: userId, body: '升级前的留言 upgrade-1', at: now }).execute();

  const scores = [5, 4, 2, 1, 3];
  const ratingIds: number[] = [];
  const stats = new Map<number, { n: number[]; e: number; l: number; a: number }>();
  let tickets = 0;
  for (const [i, overall] of scores.entries()) {
    const departmentId = i % 2 === 0 ? deptA : deptB;
    const ratingId = await id('ratings', {
      enterprise_id: enterpriseId, user_id: userId, target_kind: 'department', target_id: departmentId, stage: `upgrade-${i}`, department_id: departmentId, quarter,
      overall, efficiency: overall, level: overall, attitude: overall, comment: '', photo_count: 0, voided: 0, created_at: now,
    });
    ratingIds.push(ratingId);
    const s = stats.get(departmentId) ?? { n: [0, 0, 0, 0, 0], e: 0, l: 0, a: 0 };
    s.n[overall - 1]++;
    s.e += overall;
    s.l += overall;
    s.a += overall;
    stats.set(departmentId, s);
    if (overall <= 2) {
      tickets++;
      const ticketId = await id('tickets', {
        rating_id: ratingId, department_id: departmentId, enterprise_id: enterpriseId, quarter, status: 'open', deadline_at: now, callback_due_at: now, reopen_count: 0, created_at: now, updated_at: now,
      });
      await raw.insertInto('ticket_events').values({ ticket_id: ticketId, action: 'created', at: now, by_name: '系统', note: '自动生成整改工单' }).execute();
    }
  }
  for (const [departmentId, s] of stats) {
    await raw
      .insertInto('rating_stats')
      .values({ department_id: departmentId, project_id: 0, quarter, n1: s.n[0], n2: s.n[1], n3: s.n[2], n4: s.n[3], n5: s.n[4], sum_efficiency: s.e, sum_level: s.l, sum_attitude: s.a })
      .execute();
  }

  // A response the previous release stored for a key the client may still retry after the upgrade.
  const replayBody = { target: { kind: 'department', departmentId: deptA, stage: 'upgrade-0' }, scores: { overall: 5, efficiency: 5, level: 5, attitude: 5 } };
  const stored = { id: ratingIds[0], ticketId: null };
  await raw
    .insertInto('idempotency_keys')
    .values({ scope: `${userId}:POST:/api/v1/ratings`, key: 'upgrade-key-1', request_hash: sha256(canonicalJson(replayBody)), status: 'done', status_code: 201, response_body: JSON.stringify(stored), created_at: now, completed_at: now })
    .execute();

  return { token, enterpriseId, deliveryId, threadId, policyId, deptA, ratings: scores.length, tickets, replayBody, stored };
}

describe.each(databases())('%s: upgrades', (kind) => {
  it('migrates an empty database to the latest schema, and a second run changes nothing', async () => {
    const store = await emptyStore(kind);
    const { db } = createDatabase(store.config);
    try {
      await migrateToLatest(db, kind);
      await migrateToLatest(db, kind);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(kind) } });
      const state = await migrator.getMigrations();
      expect(state.map((m) => m.name)).toEqual(names(kind));
      expect(state.filter((m) => !m.executedAt)).toEqual([]);
      expect((await inspect(db, 'none')).problems).toEqual([]);
    } finally {
      await db.destroy();
      await store.close();
    }
    const again = await emptyStore(kind);
    const app = await buildApp(again.config, { logStream: quiet() });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({ status: 'ok', db: kind });
    } finally {
      await app.close();
      await again.close();
    }
  });

  it(`upgrades a database of the previous release (${released.previousRelease}) with data, which stays intact and usable through the API`, async () => {
    const store = await emptyStore(kind);
    try {
      const { db } = createDatabase(store.config);
      let old: Awaited<ReturnType<typeof previousReleaseData>>;
      try {
        await migrateTo(db, kind, released.previousRelease);
        old = await previousReleaseData(db as unknown as AnyDb, store.config);
      } finally {
        await db.destroy();
      }

      // The new release starts on it: buildApp migrates to the latest schema.
      const app = await buildApp(store.config, { logStream: quiet() });
      try {
        const as = { authorization: `Bearer ${old.token}` };
        const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: as });
        expect(me.statusCode).toBe(200);
        expect(me.json().enterprise).toMatchObject({ id: old.enterpriseId, name: '升级测试有限公司' });

        const delivery = await app.inject({ method: 'GET', url: `/api/v1/deliveries/${old.deliveryId}`, headers: as });
        expect(delivery.statusCode).toBe(200);
        expect(delivery.json()).toMatchObject({ id: old.deliveryId, status: 'submitted', remark: 'upgrade-delivery' });

        const thread = await app.inject({ method: 'GET', url: `/api/v1/messages/${old.threadId}`, headers: as });
        expect(thread.statusCode).toBe(200);
        expect(thread.json().posts).toHaveLength(1);

        const tickets = await app.inject({ method: 'GET', url: '/api/v1/me/tickets', headers: as });
        expect(tickets.statusCode).toBe(200);
        expect(tickets.json().total).toBe(old.tickets);

        // The retry of a request answered before the upgrade still gets that answer, not a second rating.
        const replay = await app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { ...as, 'idempotency-key': 'upgrade-key-1' }, payload: old.replayBody });
        expect(replay.statusCode).toBe(201);
        expect(replay.headers['idempotent-replayed']).toBe('true');
        expect(replay.json()).toEqual(old.stored);

        // New writes on the upgraded data: the counters the new migrations added were backfilled right.
        const rated = await app.inject({
          method: 'POST',
          url: '/api/v1/ratings',
          headers: { ...as, 'idempotency-key': 'upgrade-rating' },
          payload: { target: { kind: 'department', departmentId: old.deptA, stage: 'upgrade-new' }, scores: { overall: 1, efficiency: 1, level: 1, attitude: 1 } },
        });
        expect(rated.statusCode).toBe(201);
        expect(rated.json().ticketId).not.toBeNull();
        const slots = await app.inject({ method: 'GET', url: `/api/v1/delivery/slots?from=${chinaDate(2)}&to=${chinaDate(14)}`, headers: as });
        const slot = slots.json<{ date: string; period: string }[]>()[0];
        const booked = await app.inject({
          method: 'POST',
          url: '/api/v1/deliveries',
          headers: { ...as, 'idempotency-key': 'upgrade-booking' },
          payload: { items: [{ kind: '印章', quantity: 1 }], mode: '自取', recipientName: '王小明', phone: '13812341234', date: slot.date, period: slot.period, remark: 'upgrade-after' },
        });
        expect(booked.statusCode).toBe(201);

        const found = await inspect(app.db, 'upgrade');
        expect(found.problems).toEqual([]);
        expect(found.counts.ratings).toBe(old.ratings + 1);
        expect(found.counts.tickets).toBe(old.tickets + 1);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  });
});
