import { sql } from 'kysely';
import { createGroupCommit } from '../../../server/lib/group-commit';
import { HttpError } from '../../../server/lib/http-error';
import { databases, GENEROUS_RATE_LIMITS, type TestApp } from '../helper';
import { scores, world, type World } from '../satisfaction/world';

/**
 * Submissions that arrive together share one transaction (server/lib/group-commit.ts). What a user
 * must never notice: one refused or failing submission taking the others down with it, a refusal
 * leaving half its rows behind, or an answer given before the data is committed.
 */
describe.each(databases())('%s', (kind) => {
  let w: World;
  let t: TestApp;
  beforeAll(async () => {
    w = await world(kind, GENEROUS_RATE_LIMITS);
    t = w.t;
  });
  afterAll(async () => {
    await w.close();
  });

  const departmentNamed = (name: string) => t.app.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirst();
  const addDepartment = (trx: typeof t.app.db, name: string) =>
    trx.insertInto('departments').values({ name, code: `gc-${name}`, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();

  it('commits the good submissions of a batch and rolls back only the refused and the failing one', async () => {
    const writes = createGroupCommit(t.app.db, t.app.dialect);
    const tag = `批次-${kind}`;
    const results = await Promise.allSettled([
      writes.run((trx) => addDepartment(trx, `${tag}-甲`)),
      writes.run(async (trx) => {
        await addDepartment(trx, `${tag}-被拒`);
        throw new HttpError(409, 'REFUSED', '拒绝');
      }),
      writes.run((trx) => addDepartment(trx, `${tag}-乙`)),
      writes.run(async (trx) => {
        await addDepartment(trx, `${tag}-出错`);
        // A database error (not a refusal): the batch is retried one by one.
        await sql`select * from no_such_table`.execute(trx);
      }),
      writes.run((trx) => addDepartment(trx, `${tag}-丙`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(HttpError);
    expect((results[3] as PromiseRejectedResult).reason).not.toBeInstanceOf(HttpError);
    for (const name of ['甲', '乙', '丙']) expect(await departmentNamed(`${tag}-${name}`)).toBeDefined();
    for (const name of ['被拒', '出错']) expect(await departmentNamed(`${tag}-${name}`)).toBeUndefined();
    // Each good submission was committed exactly once, even though the batch ran twice.
    const ids = (results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number }>[]).map((r) => r.value.id);
    expect(new Set(ids).size).toBe(3);
    const rows = await t.app.db.selectFrom('departments').select('id').where('name', 'like', `${tag}-%`).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('answers many simultaneous ratings with one rating per stage, duplicates refused', async () => {
    const user = await w.enterprise('批量提交测试有限公司');
    const rate = (stage: string, key: string, overall = 5) =>
      w.rate(user, { target: { kind: 'department', departmentId: w.departments.b, stage }, scores: scores(overall, 4) }, key);
    // 8 stages; each rated twice under different keys (one must be refused) and once more under the first key.
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => [rate(`阶段${i}`, `gc-${kind}-${i}-a`, (i % 5) + 1), rate(`阶段${i}`, `gc-${kind}-${i}-b`), rate(`阶段${i}`, `gc-${kind}-${i}-a`, (i % 5) + 1)]).flat(),
    );
    for (let i = 0; i < 8; i++) {
      const answers = responses.slice(i * 3, i * 3 + 3);
      const created = answers.filter((r) => r.statusCode === 201);
      // One rating per stage, however the three raced: every success names the same one.
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
      for (const refused of answers.filter((r) => r.statusCode !== 201)) {
        expect(refused.statusCode).toBe(409);
        // On SQLite a retry in the same batch is answered from the record; PostgreSQL runs them in
        // parallel, so a retry overtaking its original is told to wait.
        expect(kind === 'sqlite' ? ['ALREADY_RATED'] : ['ALREADY_RATED', 'IDEMPOTENCY_IN_FLIGHT']).toContain(refused.json().error.code);
      }
    }
    const stored = await t.app.db.selectFrom('ratings').select(['stage', 'overall']).where('enterprise_id', '=', user.enterpriseId).execute();
    expect(stored).toHaveLength(8);
    const tickets = await t.app.db.selectFrom('tickets').select('id').where('enterprise_id', '=', user.enterpriseId).execute();
    // overall ≤ 2 opens a ticket: stages whose winning rating was the a-key with overall 1 or 2, or none.
    expect(tickets.length).toBe(stored.filter((r) => r.overall <= 2).length);
  });
});
