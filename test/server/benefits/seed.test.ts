import { seedIfEmpty } from '../../../server/seed';
import { ADMIN, bearer, build, databases, wechatLogin, type TestApp } from '../helper';

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind, { accounts: false });
    await seedIfEmpty(t.app.db, t.config);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds demo benefits at every stage for enterprises that match their policy', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: 'admin', password: ADMIN.password } });
    const admin = login.json().token as string;
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/admin/benefits?pageSize=50', headers: bearer(admin) });
    const items = all.json().items as { status: string; enterprise: { uscc: string; name: string }; history: { status: string }[]; amountYuan: number }[];
    expect(all.json().total).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((b) => b.status))).toEqual(new Set(['matched', 'publicized', 'confirmed', 'objected', 'paid', 'archived']));
    for (const b of items) expect(b.history.at(-1)?.status).toBe(b.status);

    // A demo owner who binds one of those enterprises sees its records in 我的享受.
    const sample = items.find((b) => b.status === 'publicized')!;
    const owner = await wechatLogin(t.app, 'seed-owner');
    await t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(owner), payload: { uscc: sample.enterprise.uscc, name: sample.enterprise.name } });
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/benefits', headers: bearer(owner) });
    expect(mine.json().items.length).toBeGreaterThan(0);
    expect(mine.json().items.every((b: { enterprise: { uscc: string } }) => b.enterprise.uscc === sample.enterprise.uscc)).toBe(true);
  });
});
