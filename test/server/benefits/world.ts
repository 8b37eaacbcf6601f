import type { PolicyCondition, PolicyInput } from '../../../types/policy';
import { hashPassword } from '../../../server/lib/passwords';
import { ADMIN, PUBLISHED, addPublishedEnterprises, bearer, build, staffLogin, wechatLogin, type DbKind, type TestApp } from '../helper';

/**
 * A small district for benefit/message tests: two departments with a staff account each, the two
 * published enterprises (A, B) each with a bound WeChat user, and policies created on demand.
 */
export interface World {
  t: TestApp;
  admin: string;
  /** 区人社局 staff and 区科工局 staff. */
  rs: string;
  kg: string;
  rsId: number;
  kgId: number;
  ownerA: string;
  ownerB: string;
  unbound: string;
  policy(overrides?: Partial<PolicyInput> & { department?: '区人社局' | '区科工局' }): Promise<number>;
}

const STAFF_PASSWORD = 'world-staff-password';

export function policyInput(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    title: '小微企业吸纳就业社保补贴',
    department: '区人社局',
    level: '区',
    kind: '奖补',
    tags: ['社保'],
    summary: '按实际缴费给予社保补贴',
    body: '正文',
    basisDoc: '茗人社〔2024〕6号',
    amount: '每人每月最高800元',
    validFrom: '2024-01-01',
    validTo: null,
    method: '免申即享',
    contact: '0591-83261105',
    status: 'published',
    conditions: [] as PolicyCondition[],
    ...overrides,
  };
}

export async function buildWorld(kind: DbKind): Promise<World> {
  const t = await build(kind);
  const { app } = t;
  const admin = await staffLogin(app, ADMIN);
  await addPublishedEnterprises(app, admin);
  const now = new Date().toISOString();
  const rsId = await app.repos.catalog.insertDepartment({ name: '区人社局', code: 'rsj' }, now);
  const kgId = await app.repos.catalog.insertDepartment({ name: '区科工局', code: 'kgj' }, now);
  const hash = await hashPassword(STAFF_PASSWORD);
  for (const [username, departmentId] of [['rs-staff', rsId], ['kg-staff', kgId]] as const) {
    await app.repos.users.insert({ username, password_hash: hash, role: 'staff', display_name: '工作人员', department_id: departmentId, created_at: now });
  }
  const rs = await staffLogin(app, { username: 'rs-staff', password: STAFF_PASSWORD });
  const kg = await staffLogin(app, { username: 'kg-staff', password: STAFF_PASSWORD });

  const owner = async (openid: string, e?: (typeof PUBLISHED)[number]) => {
    const token = await wechatLogin(app, openid);
    if (e) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload: { uscc: e.uscc, name: e.name } });
      if (res.statusCode !== 200) throw new Error(`bind failed: ${res.body}`);
    }
    return token;
  };
  const ownerA = await owner('owner-a', PUBLISHED[0]);
  const ownerB = await owner('owner-b', PUBLISHED[1]);
  const unbound = await owner('owner-unbound');

  let n = 0;
  const policy: World['policy'] = async (overrides = {}) => {
    n += 1;
    const input = policyInput({ title: `测试政策${n}`, basisDoc: `茗测〔2026〕${n}号`, ...overrides });
    return app.repos.catalog.insertPolicy(input, input.department === '区科工局' ? kgId : rsId, new Date().toISOString());
  };
  return { t, admin, rs, kg, rsId, kgId, ownerA, ownerB, unbound, policy };
}

/** A multipart/form-data body with one file in field `file`, as a browser sends it. */
export function multipartFile(filename: string, content: Buffer, contentType = 'text/csv') {
  const boundary = `----ysTestBoundary${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
