import { prepared } from '../../../server/db/prepared';
import { build, databases, type TestApp } from '../helper';

/** Queries compiled once and run with new values must behave exactly like freshly built ones. */
const insertDepartment = prepared(
  (db, p: { name: string; code: string; created_at: string }) => db.insertInto('departments').values({ ...p }).returning(['id', 'name']),
  ['name', 'code', 'created_at'],
);
const departmentsNamed = prepared((db, p: { prefix: string; limit: number }) =>
  db.selectFrom('departments').select(['name', 'code']).where('name', 'like', p.prefix).orderBy('code').limit(p.limit),
);
const renameDepartment = prepared((db, p: { code: string; name: string }) => db.updateTable('departments').set({ name: p.name }).where('code', '=', p.code));

describe.each(databases())('prepared queries on %s', (kind) => {
  let t: TestApp;
  const now = '2026-11-27T00:00:00.000Z';
  beforeAll(async () => {
    t = await build(kind);
  });
  afterAll(async () => t.close());

  it('runs with each call’s own values, on the app and inside a transaction', async () => {
    const a = await insertDepartment.first(t.app.db, { name: '预编译甲局', code: 'prep-a', created_at: now });
    const b = await t.app.db.transaction().execute((trx) => insertDepartment.first(trx, { name: '预编译乙局', code: 'prep-b', created_at: now }));
    expect(a?.name).toBe('预编译甲局');
    expect(b?.name).toBe('预编译乙局');
    expect(b!.id).toBeGreaterThan(a!.id);

    expect(await departmentsNamed.rows(t.app.db, { prefix: '预编译%', limit: 10 })).toEqual([
      { name: '预编译甲局', code: 'prep-a' },
      { name: '预编译乙局', code: 'prep-b' },
    ]);
    expect(await departmentsNamed.rows(t.app.db, { prefix: '预编译乙%', limit: 10 })).toEqual([{ name: '预编译乙局', code: 'prep-b' }]);
    expect(await departmentsNamed.rows(t.app.db, { prefix: '预编译%', limit: 1 })).toEqual([{ name: '预编译甲局', code: 'prep-a' }]);
    expect(await departmentsNamed.one(t.app.db, { prefix: '预编译乙%', limit: 1 })).toEqual({ name: '预编译乙局', code: 'prep-b' });
    await expect(departmentsNamed.one(t.app.db, { prefix: '无此%', limit: 1 })).rejects.toThrow('returned no row');
  });

  it('counts the rows an update touched, and a rolled-back transaction leaves nothing', async () => {
    expect(await renameDepartment.affected(t.app.db, { code: 'prep-a', name: '预编译丙局' })).toBe(1);
    expect(await renameDepartment.affected(t.app.db, { code: 'no-such-code', name: '无' })).toBe(0);
    await expect(
      t.app.db.transaction().execute(async (trx) => {
        await insertDepartment.first(trx, { name: '回滚局', code: 'prep-rollback', created_at: now });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await departmentsNamed.rows(t.app.db, { prefix: '回滚%', limit: 10 })).toEqual([]);
    expect(await departmentsNamed.rows(t.app.db, { prefix: '预编译丙%', limit: 10 })).toEqual([{ name: '预编译丙局', code: 'prep-a' }]);
  });

  it('refuses a missing value instead of binding nothing', async () => {
    await expect(insertDepartment.first(t.app.db, { name: '缺值局', code: 'prep-missing' } as never)).rejects.toThrow('no value for "created_at"');
    expect(await departmentsNamed.rows(t.app.db, { prefix: '缺值%', limit: 10 })).toEqual([]);
  });
});
