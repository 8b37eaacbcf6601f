import ExcelJS from 'exceljs';
import { runReminders } from '../../../server/jobs/reminders';
import { quarterOf } from '../../../server/repositories/stats-period';
import { databases } from '../helper';
import { insertPolicy, rateProject, world, type World } from './world';

describe.each(databases())('quarterly figures (%s)', (kind) => {
  let w: World;
  const ids = { q4Ratings: [] as number[], q3Ticket: 0, q4Ticket: 0, benefit: 0, delivery: 0, policy: 0, letter: 0 };
  let enterpriseId = 0;

  beforeAll(async () => {
    w = await world(kind);
    const e = await w.enterprise();
    enterpriseId = e.enterpriseId;
    const p = await w.project(e.enterpriseId);

    // Q3: a rating of 2 on 09-30; its deadline (end of 10-27) falls in Q4 and is missed.
    w.setNow('2026-09-30T02:00:00.000Z');
    ids.q3Ticket = (await rateProject(w, e, p, 2, '立项')).ticketId!;
    const q3Policy = await insertPolicy(w, w.departments.a, '三季度录入的政策', '2026-09-15T02:00:00.000Z');

    // Q4: a rating of 1 (ticket, rectified on time) and a rating of 4.
    w.setNow('2026-10-09T02:00:00.000Z');
    const bad = await rateProject(w, e, p, 1, '施工许可');
    const good = await rateProject(w, e, p, 4, '竣工验收');
    ids.q4Ratings = [bad.id, good.id];
    ids.q4Ticket = bad.ticketId!;
    w.setNow('2026-10-12T02:00:00.000Z');
    await w.post(w.staffA, `/api/v1/tickets/${ids.q4Ticket}/callback`, { outcome: '已回访' });
    await w.post(w.staffA, `/api/v1/tickets/${ids.q4Ticket}/rectify`, { fix: '已整改', reply: '已答复' });
    ids.policy = await insertPolicy(w, w.departments.a, '四季度录入的政策', '2026-11-02T02:00:00.000Z');

    const at = '2026-11-02T02:00:00.000Z';
    const benefit = (policyId: number, paidOn: string) =>
      w.t.app.db
        .insertInto('benefits')
        .values({ policy_id: policyId, enterprise_id: e.enterpriseId, status: 'paid', basis: '依据', data_used: '数据', amount_fen: 100000, objection: null, paid_amount_fen: 100000, paid_on: paidOn, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
    ids.benefit = (await benefit(ids.policy, '2026-11-20')).id;
    await benefit(q3Policy, '2026-09-20');
    const delivery = await w.t.app.db
      .insertInto('deliveries')
      .values({ enterprise_id: e.enterpriseId, created_by: e.userId, status: 'delivered', items: '[]', mode: '自取', recipient_name: '王小明', phone_enc: 'x', phone_masked: '138****1234', date: '2026-11-03', period: '上午', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.delivery = delivery.id;
    await w.t.app.db.insertInto('delivery_handovers').values({ delivery_id: delivery.id, receiver_name: '王小明', at: '2026-11-03T03:00:00.000Z', by_name: '区政务服务中心', actor_user_id: null, signature: 'data:image/png;base64,AAAA' }).execute();

    w.setNow('2026-11-30T02:00:00.000Z');
    ids.letter = (await runReminders(w.t.app)).created[0].letterId;
  });
  afterAll(async () => w.close());

  const figures = async (period: string) => {
    const res = await w.get(w.admin, `/api/v1/admin/reports/quarterly?period=${period}`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(res.json().figures.map((f: { key: string; value: number }) => [f.key, f.value]));
  };

  it('fills the report’s “XX” for 2026Q4 from the data', async () => {
    const res = await w.get(w.admin, '/api/v1/admin/reports/quarterly?period=2026Q4');
    expect(res.json()).toMatchObject({ period: '2026Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(await figures('2026Q4')).toMatchObject({
      ratings: 2,
      ticketsRaised: 1,
      ticketsRectified: 1,
      ticketsOverdue: 1,
      reminderLetters: 1,
      policiesEntered: 1,
      benefitsPaid: 1,
      deliveriesDelivered: 1,
    });
    expect(await figures('2026Q3')).toMatchObject({ ratings: 1, ticketsRaised: 1, ticketsRectified: 0, ticketsOverdue: 0, reminderLetters: 0, policiesEntered: 1, benefitsPaid: 1, deliveriesDelivered: 0 });
    expect(await figures('2026')).toMatchObject({ ratings: 3, ticketsRaised: 2, policiesEntered: 2, benefitsPaid: 2 });
  });

  it('traces every figure to its rows', async () => {
    const rows = async (figure: string) => (await w.get(w.admin, `/api/v1/admin/reports/quarterly/${figure}?period=2026Q4`)).json();
    expect(await rows('ratings')).toEqual({ figure: 'ratings', period: '2026Q4', table: 'ratings', total: 2, ids: ids.q4Ratings });
    expect((await rows('ticketsRaised')).ids).toEqual([ids.q4Ticket]);
    expect((await rows('ticketsRectified')).ids).toEqual([ids.q4Ticket]);
    expect((await rows('ticketsOverdue')).ids).toEqual([ids.q3Ticket]);
    expect((await rows('reminderLetters')).ids).toEqual([ids.letter]);
    expect((await rows('policiesEntered')).ids).toEqual([ids.policy]);
    expect((await rows('benefitsPaid')).ids).toEqual([ids.benefit]);
    expect(await rows('deliveriesDelivered')).toMatchObject({ table: 'deliveries', ids: [ids.delivery] });
    const report = (await w.get(w.admin, '/api/v1/admin/reports/quarterly?period=2026Q4')).json();
    expect(report.figures.find((f: { key: string }) => f.key === 'ratings').drillDown).toBe('/api/v1/admin/reports/quarterly/ratings?period=2026Q4');
  });

  it('counts enterprises bound in the period (bindings happen at the real time)', async () => {
    const period = quarterOf(new Date());
    const res = (await w.get(w.admin, `/api/v1/admin/reports/quarterly/enterprisesBound?period=${period}`)).json();
    expect(res).toMatchObject({ table: 'enterprises', total: 1, ids: [enterpriseId] });
  });

  it('downloads the figures as .xlsx, for the office only', async () => {
    const res = await w.get(w.admin, '/api/v1/admin/reports/quarterly?period=2026Q4&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '指标', '数值', '单位', '统计口径', '明细查询']);
    expect(sheet.getRow(2).getCell(1).value).toBe('收到满意度评价');
    expect(sheet.getRow(2).getCell(2).value).toBe(2);
    expect((await w.get(w.staffA, '/api/v1/admin/reports/quarterly?period=2026Q4')).statusCode).toBe(403);
  });
});
