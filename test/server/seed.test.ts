import { DEMO_STAFF_PASSWORD } from '../../server/config';
import { ADMIN_USERNAME, seedIfEmpty } from '../../server/seed';
import { staff } from '../../server/seed/data/staff';
import { ADMIN, build, databases, type TestApp } from './helper';

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind, { accounts: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('fills an empty database with the demo district once', async () => {
    const first = await seedIfEmpty(t.app.db, t.config);
    expect(first.seeded).toBe(true);
    expect(first.enterprises).toBe(50);
    expect(first.policies).toBeGreaterThanOrEqual(30);
    expect(first.departments).toBeGreaterThan(5);
    expect(first.projects).toBeGreaterThan(0);
    const again = await seedIfEmpty(t.app.db, t.config);
    expect(again.seeded).toBe(false);
  });

  it('lets the admin in with ADMIN_PASSWORD and demo staff with the demo password', async () => {
    const admin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: ADMIN_USERNAME, password: ADMIN.password } });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().user.role).toBe('admin');
    const member = staff.find((s) => s.role === 'staff' && s.department)!;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: member.username, password: DEMO_STAFF_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'staff', displayName: member.displayName, department: { name: member.department } });
  });

  it('lists the seeded departments to anyone, for filters and forms', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(res.statusCode).toBe(200);
    const names = res.json().map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['区科工局', '区政务服务中心', '区营商办']));
  });

  it('lists the 50 seeded enterprises to the admin', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: ADMIN_USERNAME, password: ADMIN.password } });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?pageSize=100', headers: { authorization: `Bearer ${login.json().token}` } });
    expect(res.json().total).toBe(50);
  });
});
