import { runReminders } from '../../../server/jobs/reminders';
import { databases } from '../helper';
import { insertPolicy, NOW, rateProject, world, type World } from './world';

describe.each(databases())('reminder letters (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('writes one letter per department per day for overdue tickets and 留言, and notifies its staff', async () => {
    const owner = await w.enterprise();
    const p = await w.project(owner.enterpriseId, '茶旅融合示范项目');
    const late = await rateProject(w, owner, p, 1, '立项'); // deadline end of 10-27
    const onTime = await rateProject(w, owner, p, 2, '施工许可');
    await w.post(w.staffA, `/api/v1/tickets/${onTime.ticketId}/callback`, { outcome: '已回访' });
    await w.post(w.staffA, `/api/v1/tickets/${onTime.ticketId}/rectify`, { fix: '已整改', reply: '已答复' });

    // 区科工局: a 留言 unanswered past its deadline.
    const policyId = await insertPolicy(w, w.departments.b, '科技型中小企业研发补助', NOW);
    await w.t.app.db
      .insertInto('message_threads')
      .values({ enterprise_id: owner.enterpriseId, department_id: w.departments.b, policy_id: policyId, benefit_id: null, complexity: 'simple', asked_at: NOW, reply_due_at: '2026-10-08T16:00:00.000Z', answered: 0, created_at: NOW, updated_at: NOW })
      .execute();

    // 区发改委's staff accepted the reminder subscription once; 区科工局's did not.
    const staffA = await w.t.app.db.selectFrom('users').select('id').where('username', '=', 'fgw-staff').executeTakeFirstOrThrow();
    await w.t.app.db.updateTable('users').set({ openid: 'staff-openid-fgw' }).where('id', '=', staffA.id).execute();
    await w.t.app.wechat.code2Session('mock:staff-openid-fgw'); // the staff member has opened the mini-program
    await w.t.app.repos.subscriptions.addCredit(staffA.id, 'demo-tpl-reminder-letter', NOW);

    // Wednesday 10-28, 10:00: the 10-27 deadline has passed (1 working day), the 10-08 one by 15.
    w.setNow('2026-10-28T02:00:00.000Z');
    const run = await runReminders(w.t.app);
    expect(run.period).toBe('2026-10-28');
    expect(run.created.map((c) => [c.departmentId, c.items, c.notified])).toEqual([
      [w.departments.a, 1, 1],
      [w.departments.b, 1, 0],
    ]);
    await w.t.app.notifications.idle();
    const sent = w.t.standIn.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: 'staff-openid-fgw', templateId: 'demo-tpl-reminder-letter' });

    // Running again the same day changes nothing.
    const again = await runReminders(w.t.app);
    expect(again.created).toEqual([]);
    expect(again.skippedDepartments).toEqual([w.departments.a, w.departments.b]);

    const list = (await w.get(w.admin, '/api/v1/admin/reminders')).json();
    expect(list.total).toBe(2);
    const letterA = list.items.find((l: { department: { id: number } }) => l.department.id === w.departments.a);
    expect(letterA).toMatchObject({ period: '2026-10-28', ticketCount: 1, messageCount: 0, number: `营商提醒〔2026〕${letterA.id}号` });

    const print = (await w.get(w.staffA, `/api/v1/admin/reminders/${letterA.id}`)).json();
    expect(print.letter.items).toEqual([
      { kind: 'ticket', id: late.ticketId, title: '差评整改：茶旅融合示范项目（立项）', dueAt: '2026-10-27T16:00:00.000Z', overdueWorkingDays: 1 },
    ]);
    expect(print).toMatchObject({ title: '工作提醒函', salutation: '区发改委：', dateText: '2026年10月28日' });
    expect(print.paragraphs[0]).toBe('经查，截至2026年10月28日，贵单位有差评整改工单 1 件已超过办理时限，具体如下：');
    // The deadline as the ledger shows it: the end of 10-27 is 24:00 of that day, not 00:00 of the next.
    expect(print.paragraphs[1]).toBe(`1. 差评整改：茶旅融合示范项目（立项）（编号 ${late.ticketId}），办理期限 2026年10月27日 24:00，已超期 1 个工作日。`);

    const letterB = list.items.find((l: { department: { id: number } }) => l.department.id === w.departments.b);
    const printB = (await w.get(w.admin, `/api/v1/admin/reminders/${letterB.id}`)).json();
    expect(printB.letter.items[0]).toMatchObject({ kind: 'message', title: '企业留言：科技型中小企业研发补助', overdueWorkingDays: 15 });

    // A department sees its own letters only.
    expect((await w.get(w.staffB, `/api/v1/admin/reminders/${letterA.id}`)).statusCode).toBe(404);
    expect((await w.get(w.staffB, '/api/v1/admin/reminders')).json().total).toBe(1);

    // The next day brings a new letter; the admin can trigger the run through the API too.
    w.setNow('2026-10-29T02:00:00.000Z');
    const next = await w.post(w.admin, '/api/v1/admin/reminders/run');
    expect(next.json()).toMatchObject({ period: '2026-10-29', created: 2, skipped: 0 });
  });

  it('lists a ticket not called back within its working day (差评回访) until the department calls back', async () => {
    const owner = await w.enterprise();
    const p = await w.project(owner.enterpriseId, '智能制造技改项目');
    w.setNow('2026-11-02T02:00:00.000Z'); // Monday: the callback is due by the end of Tuesday 11-03
    const fresh = await rateProject(w, owner, p, 2, '竣工验收');

    w.setNow('2026-11-04T02:00:00.000Z');
    const run = await runReminders(w.t.app);
    const letterA = run.created.find((c) => c.departmentId === w.departments.a)!;
    const print = (await w.get(w.admin, `/api/v1/admin/reminders/${letterA.letterId}`)).json();
    const items = print.letter.items as { id: number; title: string; dueAt: string; overdueWorkingDays: number }[];
    expect(items.find((i) => i.id === fresh.ticketId)).toEqual({
      kind: 'ticket',
      id: fresh.ticketId,
      title: '差评回访：智能制造技改项目（竣工验收）',
      dueAt: '2026-11-03T16:00:00.000Z',
      overdueWorkingDays: 1,
    });
    expect(print.paragraphs).toContain(
      `${items.findIndex((i) => i.id === fresh.ticketId) + 1}. 差评回访：智能制造技改项目（竣工验收）（编号 ${fresh.ticketId}），办理期限 2026年11月3日 24:00，已超期 1 个工作日。`,
    );
    // A ticket past its rectification deadline is listed once, for that, though its callback is late too.
    expect(items.filter((i) => i.title.startsWith('差评回访：茶旅融合示范项目'))).toEqual([]);
    expect(items.filter((i) => i.title === '差评整改：茶旅融合示范项目（立项）')).toHaveLength(1);

    expect((await w.post(w.staffA, `/api/v1/tickets/${fresh.ticketId}/callback`, { outcome: '已电话回访' })).statusCode).toBe(200);
    w.setNow('2026-11-05T02:00:00.000Z');
    const next = await runReminders(w.t.app);
    const nextA = next.created.find((c) => c.departmentId === w.departments.a)!;
    const nextItems = (await w.get(w.admin, `/api/v1/admin/reminders/${nextA.letterId}`)).json().letter.items as { id: number }[];
    expect(nextItems.map((i) => i.id)).not.toContain(fresh.ticketId);
  });
});
