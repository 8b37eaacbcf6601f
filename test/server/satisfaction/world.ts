import type { Response as LightMyRequestResponse } from 'light-my-request';
import { hashPassword } from '../../../server/lib/passwords';
import { usccCheckCharacter } from '../../../types/uscc';
import { ADMIN, bearer, build, staffLogin, wechatLogin, type DbKind, type TestApp } from '../helper';

/** Wednesday 2026-09-30 10:00 in China: the day before 国庆 (10-01..10-07); 10-10 (Sat) is a 调休 working day. */
export const NOW = '2026-09-30T02:00:00.000Z';

export interface EnterpriseUser {
  token: string;
  userId: number;
  enterpriseId: number;
  name: string;
}

export interface World {
  t: TestApp;
  admin: string;
  /** Staff of 区发改委 (owns the projects), of 区科工局, and of 区政务服务中心 (handles deliveries). */
  staffA: string;
  staffB: string;
  staffDelivery: string;
  visitor: string;
  departments: { a: number; b: number; delivery: number };
  setNow(iso: string): void;
  /** A fresh enterprise in the registry, bound by a fresh WeChat user through the API. */
  enterprise(name?: string): Promise<EnterpriseUser>;
  /** A key project of the enterprise, under 区发改委. */
  project(enterpriseId: number, name?: string): Promise<number>;
  rate(user: EnterpriseUser, payload: Record<string, unknown>, key?: string): Promise<LightMyRequestResponse>;
  post(token: string, url: string, payload?: object): Promise<LightMyRequestResponse>;
  get(token: string, url: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const STAGES = ['立项', '施工许可', '竣工验收'];
export const scores = (overall: number, rest = overall) => ({ overall, efficiency: rest, level: rest, attitude: rest });

let serial = 0;
function freshUscc(): string {
  const first17 = `91330200000${String(process.pid % 100).padStart(2, '0')}${String(1000 + serial++).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export async function world(kind: DbKind, env: Record<string, string> = {}): Promise<World> {
  const t = await build(kind, { env });
  let now = NOW;
  t.app.clock.now = () => new Date(now);
  const at = new Date().toISOString();

  const department = async (name: string, code: string) =>
    (await t.app.db.insertInto('departments').values({ name, code, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const departments = { a: await department('区发改委', 'fgw'), b: await department('区科工局', 'kgj'), delivery: await department('区政务服务中心', 'zwfw') };

  const account = async (username: string, role: 'staff' | 'visitor', departmentId: number) => {
    const password = `${username}-password`;
    await t.app.repos.users.insert({ username, password_hash: await hashPassword(password), role, display_name: username, department_id: departmentId, created_at: at });
    return staffLogin(t.app, { username, password });
  };
  const [admin, staffA, staffB, staffDelivery, visitor] = await Promise.all([
    staffLogin(t.app, ADMIN),
    account('fgw-staff', 'staff', departments.a),
    account('kgj-staff', 'staff', departments.b),
    account('zwfw-staff', 'staff', departments.delivery),
    account('fgw-visitor', 'visitor', departments.a),
  ]);

  let users = 0;
  const w: World = {
    t,
    admin,
    staffA,
    staffB,
    staffDelivery,
    visitor,
    departments,
    setNow(iso) {
      now = iso;
    },
    async enterprise(name) {
      const uscc = freshUscc();
      const entName = name ?? `测试满意度企业${serial}号有限公司`;
      const created = await t.app.repos.enterprises.insert({ uscc, name: entName, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: [] }, at);
      const token = await wechatLogin(t.app, `sat-user-${process.pid}-${users++}`);
      const bind = await t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload: { uscc, name: entName } });
      if (bind.statusCode !== 200) throw new Error(`bind failed: ${bind.body}`);
      const userId = bind.json<{ user: { id: number } }>().user.id;
      return { token, userId, enterpriseId: created!.id, name: entName };
    },
    async project(enterpriseId, name = '茗溪智能制造产业园') {
      const row = await t.app.db
        .insertInto('projects')
        .values({ name, department_id: departments.a, enterprise_id: enterpriseId, stages: JSON.stringify(STAGES), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    rate(user, payload, key) {
      return t.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { ...bearer(user.token), ...(key ? { 'idempotency-key': key } : {}) }, payload });
    },
    post(token, url, payload) {
      return t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
    },
    get(token, url) {
      return t.app.inject({ method: 'GET', url, headers: bearer(token) });
    },
    async close() {
      // pg's pool.end() resolves before every socket has gone; dropping the database with (force)
      // right then can kill a closing client and surface as an unhandled 57P01 error.
      await t.app.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await t.close();
    },
  };
  return w;
}

/** Rates a project of the user's enterprise at the given stage; returns { id, ticketId }. */
export async function rateProject(w: World, user: EnterpriseUser, projectId: number, overall: number, stage = STAGES[0], rest = overall) {
  const res = await w.rate(user, { target: { kind: 'project', projectId, stage }, scores: scores(overall, rest), comment: '服务评价' });
  if (res.statusCode !== 201) throw new Error(`rating failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number; ticketId: number | null }>();
}

/** A policy row as the policies feature stores it (fixture data for counts and 留言). */
export async function insertPolicy(w: World, departmentId: number, title: string, createdAt: string): Promise<number> {
  const row = await w.t.app.db
    .insertInto('policies')
    .values({
      title,
      department_id: departmentId,
      level: '区级',
      kind: '奖补',
      tags: '[]',
      summary: '摘要',
      body: '正文',
      basis_doc: '茗政办〔2026〕1号',
      amount: '最高10万元',
      valid_from: '2026-01-01',
      valid_to: null,
      method: '免申即享',
      contact: '区发改委 0571-00000000',
      status: 'draft',
      conditions: '[]',
      published_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
