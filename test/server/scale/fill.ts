import { sql, type Kysely } from 'kysely';
import type { DbDialect } from '../../../server/db/schema';
import type { Database } from '../../../server/db/schema';
import { hashToken, newToken } from '../../../server/lib/secrets';
import { backfillRaterCounts } from '../../../server/migrations/0006-rating-raters';
import { searchFields } from '../../../server/repositories/policies';
import { policies as seedPolicies } from '../../../server/seed/data/policies';
import { usccCheckCharacter } from '../../../types/uscc';
import '../../../server/repositories/benefit-tables';
import '../../../server/repositories/delivery-tables';
import '../../../server/repositories/rating-tables';

/**
 * Bulk data for the scale checks (test/server/scale/explain.test.ts, small), the scale benchmark
 * (bench/scale.ts, 100,000 enterprises / 50,000 policies / 1,000,000 ratings) and the satisfaction
 * benchmark (bench/satisfaction.ts, 1,000 key projects): rows are written
 * straight into a migrated, empty database in multi-row INSERTs, with the derived rows the
 * repositories would keep (search index, rating pre-aggregates and rater counts, tickets of bad
 * ratings), so the real server reads them as if they had come through the API.
 */
export interface ScaleSizes {
  enterprises: number;
  policies: number;
  ratings: number;
  /** 免申即享 records (each a distinct policy × enterprise pair). */
  benefits: number;
  deliveries: number;
  threads: number;
  /** Key projects (under the departments in turn); when there are any, 30% of the ratings are of a project. */
  projects?: number;
}

export const FULL_SIZES: ScaleSizes = { enterprises: 100_000, policies: 50_000, ratings: 1_000_000, benefits: 100_000, deliveries: 100_000, threads: 50_000 };

export const DEPARTMENTS = 20;
/** Department 1 is the delivery department of the default configuration. */
export const DEPARTMENT_NAMES = ['区政务服务中心', '区人力资源和社会保障局', '区市场监督管理局', '区科技和工业信息化局', '区财政局', ...Array.from({ length: DEPARTMENTS - 5 }, (_, i) => `区测试部门${i + 6}`)];
export const QUARTERS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'];
/** The instant the data is "as of": deliveries and deadlines spread around it. */
export const AS_OF = '2026-11-27T02:00:00.000Z';

export interface Filled {
  /** Bearer tokens of a bound enterprise user (enterprise 1), staff of department 1, and an admin. */
  enterpriseToken: string;
  staffToken: string;
  adminToken: string;
  /** A policy id every list of benefits by policy can ask for. */
  busyPolicyId: number;
  /** A slot date with bookings. */
  busyDate: string;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Row = Record<string, string | number | null>;

async function insertBatched(db: Kysely<Database>, table: string, rows: Iterable<Row>): Promise<number> {
  let batch: Row[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = [];
    // SQLite allows 32,766 bound parameters per statement (PostgreSQL 65,535).
    const per = Math.max(1, Math.floor(30_000 / Object.keys(chunk[0]).length));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < chunk.length; i += per) {
        await trx.insertInto(table as keyof Database).values(chunk.slice(i, i + per) as never).execute();
      }
    });
    count += chunk.length;
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= 5_000) await flush();
  }
  await flush();
  return count;
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

function* range(n: number): Generator<number> {
  for (let i = 1; i <= n; i++) yield i;
}

/** Fills a migrated, empty database. Explicit ids are used, so PostgreSQL sequences are moved past them at the end. */
export async function fill(db: Kysely<Database>, dialect: DbDialect, sizes: ScaleSizes): Promise<Filled> {
  const rnd = random(20261127);
  const asOf = Date.parse(AS_OF);
  const E = sizes.enterprises;
  const P = sizes.policies;
  // Each benefit gets its own enterprise, so (policy, enterprise) pairs never repeat.
  if (sizes.benefits > E) throw new Error('benefits must not exceed enterprises');

  await insertBatched(db, 'departments', DEPARTMENT_NAMES.map((name, i) => ({ id: i + 1, name, code: `scale${i + 1}`, created_at: AS_OF })));

  const scales = ['大型', '中型', '小型', '微型'];
  const industries = ['制造业', '批发和零售业', '信息传输、软件和信息技术服务业', '农、林、牧、渔业', '建筑业'];
  await insertBatched(
    db,
    'enterprises',
    (function* () {
      for (const i of range(E)) {
        const first17 = `9135${String(i).padStart(13, '0')}`;
        yield {
          id: i,
          uscc: first17 + usccCheckCharacter(first17),
          name: `茗溪${['科技', '茶业', '贸易', '制造', '物流'][i % 5]}${i}有限公司`,
          industry: industries[i % industries.length],
          scale: scales[i % scales.length],
          district: '茶园街道',
          qualifications: i % 7 === 0 ? '["高新技术企业"]' : '[]',
          registered_on: '2018-05-01',
          created_at: AS_OF,
        };
      }
    })(),
  );

  // One bound enterprise user per enterprise; then one staff per department and an admin.
  const staffId = E + 1;
  const adminId = E + DEPARTMENTS + 1;
  await insertBatched(
    db,
    'users',
    (function* () {
      for (const i of range(E)) {
        yield { id: i, openid: `scale-${i}`, username: null, password_hash: null, role: 'enterprise', display_name: '微信用户', department_id: null, phone_enc: null, phone_masked: `138****${String(i % 10_000).padStart(4, '0')}`, enterprise_id: i, failed_logins: 0, locked_until: null, created_at: AS_OF };
      }
      for (const d of range(DEPARTMENTS)) {
        yield { id: E + d, openid: null, username: `scale-staff-${d}`, password_hash: null, role: 'staff', display_name: `工作人员${d}`, department_id: d, phone_enc: null, phone_masked: null, enterprise_id: null, failed_logins: 0, locked_until: null, created_at: AS_OF };
      }
      yield { id: adminId, openid: null, username: 'scale-admin', password_hash: null, role: 'admin', display_name: '管理员', department_id: null, phone_enc: null, phone_masked: null, enterprise_id: null, failed_logins: 0, locked_until: null, created_at: AS_OF };
    })(),
  );

  // Policies: the seed's published texts recombined, spread over four years of publication.
  const seed = seedPolicies.filter((p) => p.status === 'published');
  const start = Date.parse('2023-01-01T00:00:00Z');
  const policyRows: Row[] = [];
  const searchRows: Row[] = [];
  for (const i of range(P)) {
    const base = seed[Math.floor(rnd() * seed.length)];
    const other = seed[Math.floor(rnd() * seed.length)];
    const departmentId = (i % DEPARTMENTS) + 1;
    const published = iso(start + Math.floor(rnd() * (asOf - start)));
    const status = i % 50 === 0 ? 'draft' : i % 97 === 0 ? 'withdrawn' : 'published';
    const tags = [...new Set([base.tags[0] ?? '补贴', other.tags[0] ?? '社保'])];
    const title = `${[...base.title].slice(0, 8).join('')}${[...other.title].slice(8).join('')}（${i}）`;
    const row = {
      id: i,
      title,
      department_id: departmentId,
      level: base.level,
      kind: base.kind,
      tags: JSON.stringify(tags),
      summary: other.summary,
      body: base.body,
      basis_doc: `茗测〔${2023 + (i % 4)}〕${i}号`,
      amount: base.amount,
      valid_from: base.validFrom,
      valid_to: rnd() < 0.1 ? '2025-12-31' : base.validTo,
      method: base.method,
      contact: base.contact,
      status,
      conditions: JSON.stringify(base.conditions),
      published_at: status === 'draft' ? null : published,
      created_at: published,
      updated_at: published,
    };
    policyRows.push(row);
    const fields = searchFields({ title, tags, summary: row.summary, body: row.body, basisDoc: row.basis_doc, amount: row.amount }, DEPARTMENT_NAMES[departmentId - 1]);
    searchRows.push(dialect === 'postgres' ? { policy_id: i, ...fields, document: '' } : { rowid: i, ...fields });
  }
  await insertBatched(db, 'policies', policyRows);
  policyRows.length = 0;
  await insertBatched(db, 'policy_search', searchRows);
  searchRows.length = 0;
  if (dialect === 'postgres') {
    await sql`update policy_search set document = setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', tags), 'B')
      || setweight(to_tsvector('simple', summary), 'C') || setweight(to_tsvector('simple', body), 'D')`.execute(db);
  }

  // Benefits: distinct (policy, enterprise) pairs; policy 1 is bound to many enterprises.
  const statuses = ['matched', 'publicized', 'confirmed', 'objected', 'paid', 'archived'];
  await insertBatched(
    db,
    'benefits',
    (function* () {
      for (const i of range(sizes.benefits)) {
        const policyId = i % 10 === 0 ? 1 : ((i * 7919) % P) + 1;
        const enterpriseId = ((i - 1) % E) + 1;
        const at = iso(asOf - Math.floor(rnd() * 365) * DAY);
        yield { id: i, policy_id: policyId, enterprise_id: enterpriseId, status: statuses[i % statuses.length], basis: null, data_used: null, amount_fen: 100_000, objection: null, paid_amount_fen: null, paid_on: null, created_at: at, updated_at: at };
      }
    })(),
  );

  // Deliveries: a year of bookings around AS_OF; enterprise 1 has some of its own.
  const dStatuses = ['submitted', 'accepted', 'dispatched', 'delivered', 'failed', 'cancelled'];
  const busyDate = AS_OF.slice(0, 10);
  await insertBatched(
    db,
    'deliveries',
    (function* () {
      for (const i of range(sizes.deliveries)) {
        const enterpriseId = i % 50 === 0 ? 1 : ((i * 31) % E) + 1;
        const date = iso(asOf + (Math.floor(rnd() * 365) - 300) * DAY).slice(0, 10);
        const at = iso(Date.parse(`${date}T00:00:00Z`) - 3 * DAY);
        yield {
          id: i,
          enterprise_id: enterpriseId,
          created_by: enterpriseId,
          status: dStatuses[i % dStatuses.length],
          items: '[{"kind":"营业执照正本","quantity":1}]',
          mode: '自取',
          recipient_name: '张三',
          phone_enc: 'x',
          phone_masked: '138****0000',
          address_enc: null,
          address_masked: null,
          date: i % 20 === 0 ? busyDate : date,
          period: i % 2 === 0 ? '上午' : '下午',
          remark: null,
          tracking_no: null,
          failure_reason: null,
          cancel_reason: null,
          rated_at: null,
          created_at: at,
          updated_at: at,
        };
      }
    })(),
  );

  // 留言 threads with one post each, over every department.
  await insertBatched(
    db,
    'message_threads',
    (function* () {
      for (const i of range(sizes.threads)) {
        const at = asOf - Math.floor(rnd() * 120) * DAY;
        yield { id: i, enterprise_id: i % 25 === 0 ? 1 : ((i * 13) % E) + 1, department_id: (i % DEPARTMENTS) + 1, policy_id: ((i * 17) % P) + 1, benefit_id: null, complexity: 'simple', asked_at: iso(at), reply_due_at: iso(at + 5 * DAY), answered: rnd() < 0.8 ? 1 : 0, created_at: iso(at), updated_at: iso(at) };
      }
    })(),
  );
  await insertBatched(
    db,
    'message_posts',
    (function* () {
      for (const i of range(sizes.threads)) {
        yield { thread_id: i, from_side: 'enterprise', author: '企业', author_user_id: ((i * 13) % E) + 1, body: '请问这项政策的申请条件是什么？', at: AS_OF };
      }
    })(),
  );

  const projects = Array.from({ length: sizes.projects ?? 0 }, (_, i) => ({ id: i + 1, department_id: (i % DEPARTMENTS) + 1, enterprise_id: Math.floor(rnd() * E) + 1 }));
  await insertBatched(db, 'projects', projects.map((p) => ({ ...p, name: `重点项目${p.id}`, stages: '[]', created_at: AS_OF })));
  await fillRatings(db, rnd, E, sizes.ratings, projects);
  await sql`update policy_index_state set version = version + 1 where id = 1`.execute(db);

  // Sessions made directly: the checks measure the lists, not the login.
  const tokens = { enterpriseToken: newToken(), staffToken: newToken(), adminToken: newToken() };
  const expires = '2999-01-01T00:00:00.000Z';
  await insertBatched(db, 'sessions', [
    { token_hash: hashToken(tokens.enterpriseToken), user_id: 1, created_at: AS_OF, expires_at: expires, revoked_at: null },
    { token_hash: hashToken(tokens.staffToken), user_id: staffId, created_at: AS_OF, expires_at: expires, revoked_at: null },
    { token_hash: hashToken(tokens.adminToken), user_id: adminId, created_at: AS_OF, expires_at: expires, revoked_at: null },
  ]);

  if (dialect === 'postgres') {
    for (const table of ['departments', 'enterprises', 'users', 'policies', 'benefits', 'deliveries', 'message_threads', 'projects', 'ratings', 'tickets']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
    }
    await sql`vacuum analyze`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
  return { ...tokens, busyPolicyId: 1, busyDate };
}

/** Overall scores skewed as real 好差评 data is: mostly satisfied, ~15% ≤ 2. */
function score(rnd: () => number): number {
  const r = rnd();
  return r < 0.4 ? 5 : r < 0.7 ? 4 : r < 0.85 ? 3 : r < 0.95 ? 2 : 1;
}

/**
 * Ratings spread over QUARTERS, each enterprise rating in turn, with what the ratings feature keeps
 * beside them: the tickets of bad ones (80% closed, 90% of those on time; half of the open ones
 * called back), the pre-aggregates of rating_stats and the distinct-rater counts.
 */
async function fillRatings(db: Kysely<Database>, rnd: () => number, enterprises: number, count: number, projects: readonly { id: number; department_id: number }[]): Promise<void> {
  const stats = new Map<string, number[]>();
  const tickets: Row[] = [];
  await insertBatched(
    db,
    'ratings',
    (function* () {
      for (let i = 0; i < count; i++) {
        const enterprise = (i % enterprises) + 1;
        const quarter = QUARTERS[Math.floor(rnd() * QUARTERS.length)];
        const project = projects.length > 0 && rnd() < 0.3 ? projects[Math.floor(rnd() * projects.length)] : null;
        const department = project ? project.department_id : Math.floor(rnd() * DEPARTMENTS) + 1;
        const overall = score(rnd);
        const others = [score(rnd), score(rnd), score(rnd)];
        const year = Number(quarter.slice(0, 4));
        const createdAt = iso(Date.UTC(year, (Number(quarter.slice(5)) - 1) * 3, 1) + Math.floor(rnd() * 89) * DAY);
        const key = `${department}|${project?.id ?? 0}|${quarter}`;
        const agg = stats.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0];
        agg[overall - 1]++;
        agg[5] += others[0];
        agg[6] += others[1];
        agg[7] += others[2];
        stats.set(key, agg);
        const id = i + 1;
        if (overall <= 2) {
          const done = rnd() < 0.8;
          tickets.push({
            id: tickets.length + 1,
            rating_id: id,
            department_id: department,
            enterprise_id: enterprise,
            project_id: project?.id ?? null,
            quarter,
            status: done ? 'closed' : 'open',
            deadline_at: iso(Date.parse(createdAt) + 21 * DAY),
            callback_due_at: iso(Date.parse(createdAt) + DAY),
            // As the tickets repository keeps it (nextDueAt): an open ticket's callback is due first.
            next_due_at: done ? null : iso(Date.parse(createdAt) + DAY),
            callback_at: done || rnd() < 0.5 ? createdAt : null,
            rectified_at: done ? createdAt : null,
            rectified_on_time: done ? (rnd() < 0.9 ? 1 : 0) : null,
            closed_at: done ? createdAt : null,
            reopen_count: 0,
            created_at: createdAt,
            updated_at: createdAt,
          });
        }
        yield {
          id,
          enterprise_id: enterprise,
          user_id: enterprise,
          target_kind: project ? 'project' : 'department',
          target_id: project ? project.id : department,
          // One rating per enterprise per rated thing per stage: each of an enterprise's ratings has its own stage.
          stage: `第${Math.floor(i / enterprises) + 1}次`,
          department_id: department,
          project_id: project?.id ?? null,
          quarter,
          overall,
          efficiency: others[0],
          level: others[1],
          attitude: others[2],
          comment: '',
          problem_category: overall <= 2 ? '办事效率' : null,
          problem_description: overall <= 2 ? '等待时间较长' : null,
          photo_count: 0,
          visit_id: null,
          voided: 0,
          created_at: createdAt,
        };
      }
    })(),
  );
  await insertBatched(db, 'tickets', tickets);
  await backfillRaterCounts(db);
  await insertBatched(
    db,
    'rating_stats',
    [...stats.entries()].map(([key, a]) => {
      const [department, project, quarter] = key.split('|');
      return { department_id: Number(department), project_id: Number(project), quarter, n1: a[0], n2: a[1], n3: a[2], n4: a[3], n5: a[4], sum_efficiency: a[5], sum_level: a[6], sum_attitude: a[7] };
    }),
  );
}
