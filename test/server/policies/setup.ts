import { DEMO_STAFF_PASSWORD } from '../../../server/config';
import { seedIfEmpty } from '../../../server/seed';
import { enterprises } from '../../../server/seed/data/enterprises';
import { ADMIN, bearer, build, staffLogin, wechatLogin, type DbKind, type TestApp } from '../helper';

/** The seed's dates are chosen against late 2026; tests pin "today" so expiry never drifts. */
export const TODAY = '2026-11-27';

export interface PolicyWorld {
  t: TestApp;
  admin: string;
  /** 区人社局 and 区科工局 staff of the demo seed. */
  rsj: string;
  kgj: string;
  departmentId(name: string): Promise<number>;
  /** A WeChat user bound to the seeded enterprise of that name. */
  ownerOf(name: string, openid: string): Promise<string>;
  close(): Promise<void>;
}

export async function policyWorld(kind: DbKind): Promise<PolicyWorld> {
  const t = await build(kind, { accounts: false });
  t.app.clock.now = () => new Date(`${TODAY}T02:00:00.000Z`);
  await seedIfEmpty(t.app.db, t.config);
  const [admin, rsj, kgj] = await Promise.all([
    staffLogin(t.app, ADMIN),
    staffLogin(t.app, { username: 'rsj', password: DEMO_STAFF_PASSWORD }),
    staffLogin(t.app, { username: 'kgj', password: DEMO_STAFF_PASSWORD }),
  ]);
  return {
    t,
    admin,
    rsj,
    kgj,
    async departmentId(name) {
      const found = (await t.app.repos.policies.departments()).find((d) => d.name === name);
      if (!found) throw new Error(`no department ${name}`);
      return found.id;
    },
    async ownerOf(name, openid) {
      const e = enterprises.find((x) => x.name === name);
      if (!e) throw new Error(`no enterprise ${name}`);
      const token = await wechatLogin(t.app, openid);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload: { uscc: e.uscc, name } });
      if (res.statusCode !== 200) throw new Error(`bind failed: ${res.body}`);
      return token;
    },
    close: () => t.close(),
  };
}

/** A complete policy body for create/update, with overrides. */
export function policyBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '测试政策',
    level: '区',
    kind: '奖补',
    tags: ['测试'],
    summary: '测试摘要',
    body: '测试正文',
    basisDoc: '茗测〔2026〕1号',
    amount: '最高1万元',
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    method: '免申即享',
    contact: '测试科 0591-00000000',
    conditions: [],
    ...over,
  };
}

/** multipart/form-data with one file part, as a browser or wx.uploadFile sends it. */
export function multipart(filename: string, content: Buffer | string, field = 'file') {
  const boundary = '----ysTestBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
