import { sql } from 'kysely';
import { backfillNextDue } from '../../../server/migrations/0013-ticket-next-due';
import { databases } from '../helper';
import { rateProject, world, type World } from './world';

interface LedgerTicket {
  id: number;
  status: string;
  overdue: boolean;
  deadlineAt: string;
  callbackDueAt: string;
}

/**
 * 整改台账 未办结 lists the most urgent first, as staff must act: overdue tickets first — a late rectification
 * or a late callback, as the ticket's 逾期 flag and the 工作提醒函 count it — then the nearest deadline of either
 * kind (the callback while it is awaited, the rectification after), then the tickets with nothing due from the
 * department (已整改待确认, 申诉复核中). Every step of a ticket moves it to its new place.
 */
describe.each(databases())('ledger 未办结: most urgent first (%s)', (kind) => {
  let w: World;
  /** Named by what they are on 10-29: callbackLate (A), deadlineLate (D), justRaised (C), rectifying (X), rectified (E), appealing (F). */
  const ids = { callbackLate: 0, deadlineLate: 0, justRaised: 0, rectifying: 0, rectified: 0, appealing: 0 };

  const raise = async () => {
    const e = await w.enterprise();
    const { ticketId } = await rateProject(w, e, await w.project(e.enterpriseId), 1);
    return { e, id: ticketId! };
  };
  const ok = async (token: string, url: string, payload?: object) => {
    const res = await w.post(token, url, payload);
    expect(res.statusCode).toBe(200);
    return res.json<LedgerTicket>();
  };
  const ledger = async (token: string, query: string) => {
    const res = await w.get(token, `/api/v1/admin/tickets${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: LedgerTicket[]; total: number }>();
  };
  const order = async (query = '?progress=unfinished', token = w.admin) => (await ledger(token, query)).items.map((t) => t.id);
  let rectifiedOwner = '';

  beforeAll(async () => {
    w = await world(kind);
    // 2026-09-30: deadlines end of 10-27 (15 working days past 国庆), callbacks due end of 10-08.
    const deadlineLate = await raise();
    const rectified = await raise();
    const appealing = await raise();
    w.setNow('2026-10-08T03:00:00.000Z');
    await ok(w.staffA, `/api/v1/tickets/${deadlineLate.id}/callback`, { outcome: '已电话联系企业' });
    await ok(w.staffA, `/api/v1/tickets/${rectified.id}/callback`, { outcome: '已电话联系企业' });
    await ok(w.staffA, `/api/v1/tickets/${rectified.id}/rectify`, { fix: '已调整办理流程', reply: '已整改完毕' });
    await ok(w.staffA, `/api/v1/tickets/${appealing.id}/appeal`, { reason: '该企业当日未到我局办理业务' });
    w.setNow('2026-10-12T02:00:00.000Z'); // deadline end of 11-02
    const rectifying = await raise();
    await ok(w.staffA, `/api/v1/tickets/${rectifying.id}/callback`, { outcome: '已上门了解情况' });
    w.setNow('2026-10-16T02:00:00.000Z'); // callback due end of 10-19, deadline end of 11-06
    const callbackLate = await raise();
    w.setNow('2026-10-29T02:00:00.000Z'); // callback due end of 10-30, deadline end of 11-19
    const justRaised = await raise();
    Object.assign(ids, {
      callbackLate: callbackLate.id,
      deadlineLate: deadlineLate.id,
      justRaised: justRaised.id,
      rectifying: rectifying.id,
      rectified: rectified.id,
      appealing: appealing.id,
    });
    rectifiedOwner = rectified.e.token;
  }, 90_000);
  afterAll(async () => w.close());

  it('lists overdue tickets first, a late callback too, then the nearest deadline of either kind', async () => {
    const { items, total } = await ledger(w.admin, '?progress=unfinished');
    const byId = new Map(items.map((t) => [t.id, t]));
    // What made the old order wrong: the ticket whose callback is late has the later rectification deadline.
    expect(byId.get(ids.rectifying)!.deadlineAt < byId.get(ids.callbackLate)!.deadlineAt).toBe(true);
    expect(items.map((t) => t.id)).toEqual([ids.callbackLate, ids.deadlineLate, ids.justRaised, ids.rectifying, ids.rectified, ids.appealing]);
    expect(items.map((t) => t.overdue)).toEqual([true, true, false, false, false, false]);
    expect(total).toBe(6);
    // The department sees its own ledger the same way; paging keeps the order.
    expect(await order('?progress=unfinished', w.staffA)).toEqual([ids.callbackLate, ids.deadlineLate, ids.justRaised, ids.rectifying, ids.rectified, ids.appealing]);
    expect(await order(`?progress=unfinished&department=${w.departments.a}&pageSize=2&page=2`)).toEqual([ids.justRaised, ids.rectifying]);
  });

  it('逾期 holds exactly the tickets flagged overdue, in the same order, with or without 未办结', async () => {
    expect(await order('?progress=unfinished&overdue=true')).toEqual([ids.callbackLate, ids.deadlineLate]);
    expect(await order('?overdue=true')).toEqual([ids.callbackLate, ids.deadlineLate]);
    expect(await order('?progress=unfinished&overdue=false')).toEqual([ids.justRaised, ids.rectifying, ids.rectified, ids.appealing]);
    expect(await order('?progress=unfinished&status=open')).toEqual([ids.callbackLate, ids.justRaised]);
  });

  it('the export lists 未办结 in the same order', async () => {
    const res = await w.get(w.admin, '/api/v1/admin/tickets/export?format=csv&progress=unfinished');
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(lines.map((l) => Number(l.split(',')[0]))).toEqual([ids.callbackLate, ids.deadlineLate, ids.justRaised, ids.rectifying, ids.rectified, ids.appealing]);
  });

  it('every step moves the ticket to its new place', async () => {
    // Called back: now only its rectification deadline (11-06) is due.
    expect((await ok(w.staffA, `/api/v1/tickets/${ids.callbackLate}/callback`, { outcome: '已致电致歉' })).overdue).toBe(false);
    expect(await order()).toEqual([ids.deadlineLate, ids.justRaised, ids.rectifying, ids.callbackLate, ids.rectified, ids.appealing]);
    // Sent back: a new callback is due by the end of 10-30, as for the ticket raised today (the older first).
    await ok(rectifiedOwner, `/api/v1/tickets/${ids.rectified}/reopen`, { reason: '问题仍未解决' });
    expect(await order()).toEqual([ids.deadlineLate, ids.rectified, ids.justRaised, ids.rectifying, ids.callbackLate, ids.appealing]);
    // Appeal rejected: back to 待回访 with the callback due on 10-08 — overdue again, and first.
    expect((await ok(w.admin, `/api/v1/admin/appeals/${ids.appealing}/decide`, { upheld: false, note: '评价对象无误' })).overdue).toBe(true);
    expect(await order()).toEqual([ids.appealing, ids.deadlineLate, ids.rectified, ids.justRaised, ids.rectifying, ids.callbackLate]);
    expect(await order('?overdue=true')).toEqual([ids.appealing, ids.deadlineLate]);
    // Rectified (late): nothing more due from the department, so last — and no longer overdue.
    await ok(w.staffA, `/api/v1/tickets/${ids.deadlineLate}/rectify`, { fix: '已补正材料', reply: '已整改' });
    expect(await order()).toEqual([ids.appealing, ids.rectified, ids.justRaised, ids.rectifying, ids.callbackLate, ids.deadlineLate]);
    expect(await order('?overdue=true')).toEqual([ids.appealing]);
  });

  it('the migration fills next_due_at of existing tickets as every step sets it', async () => {
    const before = await order();
    const stored = async () => (await w.t.app.db.selectFrom('tickets').select(['id', 'next_due_at']).orderBy('id').execute()).map((r) => [r.id, r.next_due_at]);
    const kept = await stored();
    await w.t.app.db.updateTable('tickets').set({ next_due_at: null }).execute();
    await backfillNextDue(w.t.app.db);
    expect(await stored()).toEqual(kept);
    expect(await order()).toEqual(before);
  });

  it('keeps the 未办结 indexes on next_due_at and drops the deadline ones nothing reads (migration 0013)', async () => {
    const names =
      kind === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'tickets'`.execute(w.t.app.db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'tickets'`.execute(w.t.app.db)).rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['tickets_unfinished_due_idx', 'tickets_dept_unfinished_due_idx', 'tickets_finished_updated_idx', 'tickets_dept_finished_updated_idx']));
    expect(names).not.toContain('tickets_unfinished_deadline_idx');
    expect(names).not.toContain('tickets_dept_unfinished_deadline_idx');
  });
});
