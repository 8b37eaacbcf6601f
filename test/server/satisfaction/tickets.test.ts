import { encrypt } from '../../../server/lib/secrets';
import { bearer, databases } from '../helper';
import { NOW, rateProject, world, type EnterpriseUser, type World } from './world';

/** 15 working days after 2026-09-30: 国庆 10-01..10-07 off, 10-10 (Sat) 调休 working → end of 10-27 China time. */
const DEADLINE_15 = '2026-10-27T16:00:00.000Z';
/** 1 working day after 2026-09-30 → end of 10-08. */
const CALLBACK_DUE = '2026-10-08T16:00:00.000Z';

describe.each(databases())('rectification tickets (%s)', (kind) => {
  let w: World;
  let owner: EnterpriseUser;
  let projectId: number;
  beforeAll(async () => {
    w = await world(kind);
    owner = await w.enterprise('茗溪云岭茶业有限公司');
    // The rater's phone, as bound through getPhoneNumber; only its masked form may reach staff.
    await w.t.app.repos.users.setPhone(owner.userId, 'encrypted', '138****1234');
    projectId = await w.project(owner.enterpriseId);
  });
  afterAll(async () => w.close());
  beforeEach(() => w.setNow(NOW));

  it('a rating of 2 opens a ticket for the project’s department with deadlines across 国庆 and 调休', async () => {
    const { ticketId } = await rateProject(w, owner, projectId, 2, '立项');
    expect(ticketId).toEqual(expect.any(Number));
    const res = await w.get(w.staffA, `/api/v1/tickets/${ticketId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'open',
      department: { id: w.departments.a, name: '区发改委' },
      subject: { kind: 'project', title: '茗溪智能制造产业园', stage: '立项' },
      deadlineAt: DEADLINE_15,
      callbackDueAt: CALLBACK_DUE,
      overdue: false,
      history: [{ action: 'created', by: '系统' }],
    });
    const three = await rateProject(w, owner, projectId, 3, '施工许可');
    expect(three.ticketId).toBeNull();
  });

  it('RECTIFY_WORKING_DAYS changes the deadline', async () => {
    const w5 = await world(kind, { RECTIFY_WORKING_DAYS: '5' });
    try {
      const e = await w5.enterprise();
      const p = await w5.project(e.enterpriseId);
      const { ticketId } = await rateProject(w5, e, p, 1);
      // 10-08, 10-09, 10-10 (调休), 10-12, 10-13.
      expect((await w5.get(w5.staffA, `/api/v1/tickets/${ticketId}`)).json().deadlineAt).toBe('2026-10-13T16:00:00.000Z');
    } finally {
      await w5.close();
    }
    // A second app on its own fresh database takes a few seconds to build.
  }, 30_000);

  it('goes through callback, fix, reopen (deadline restarts), fix again and confirmation', async () => {
    const { ticketId } = await rateProject(w, owner, projectId, 1, '竣工验收');
    const url = `/api/v1/tickets/${ticketId}`;

    const early = await w.post(w.staffA, `${url}/rectify`, { fix: '增派人手', reply: '已整改' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TICKET_STATUS');
    expect(early.json().error.message).toContain('请先记录回访情况');

    // Not the department's enterprise, not another department.
    expect((await w.post(w.staffB, `${url}/callback`, { outcome: '已电话联系' })).statusCode).toBe(404);
    expect((await w.post(owner.token, `${url}/confirm`)).statusCode).toBe(409);

    w.setNow('2026-10-08T03:00:00.000Z');
    const called = await w.post(w.staffA, `${url}/callback`, { outcome: '已电话联系企业，了解验收排期问题' });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ status: 'called_back', callback: { at: '2026-10-08T03:00:00.000Z', outcome: '已电话联系企业，了解验收排期问题' } });

    const fixed = await w.post(w.staffA, `${url}/rectify`, { fix: '开通验收绿色通道', reply: '已为贵企业安排专人对接' });
    expect(fixed.json()).toMatchObject({ status: 'rectified', fix: '开通验收绿色通道', reply: '已为贵企业安排专人对接' });

    // The enterprise is not satisfied: reopen on Friday 10-09; 15 working days restart from then.
    w.setNow('2026-10-09T02:00:00.000Z');
    expect((await w.post(w.staffA, `${url}/reopen`, { reason: '仍未解决' })).statusCode).toBe(403);
    const reopened = await w.post(owner.token, `${url}/reopen`, { reason: '验收时间仍未确定' });
    expect(reopened.statusCode).toBe(200);
    // 10-10 (调休), 10-12..16, 10-19..23, 10-26..29 → end of 10-29.
    expect(reopened.json()).toMatchObject({ status: 'reopened', reopenCount: 1, deadlineAt: '2026-10-29T16:00:00.000Z', rectifiedAt: null });

    expect((await w.post(w.staffA, `${url}/rectify`, { fix: 'x2', reply: 'y2' })).statusCode).toBe(409);
    await w.post(w.staffA, `${url}/callback`, { outcome: '再次回访' });
    await w.post(w.staffA, `${url}/rectify`, { fix: '明确验收时间为10月20日', reply: '已书面告知' });
    const closed = await w.post(owner.token, `${url}/confirm`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: '2026-10-09T02:00:00.000Z' });
    expect(closed.json().history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'callback',
      'rectify',
      'reopen',
      'callback',
      'rectify',
      'confirm',
    ]);
    // The history names departments, never the enterprise.
    expect(JSON.stringify(closed.json().history)).not.toContain(owner.name);

    const again = await w.post(owner.token, `${url}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('工单当前状态为“已办结”，不能确认办结');
  });

  it('shows the rater’s identity only to the department that must call back', async () => {
    const secondProject = await w.project(owner.enterpriseId, '二期项目');
    const { ticketId } = await rateProject(w, owner, secondProject, 2, '施工许可');
    const dept = (await w.get(w.staffA, `/api/v1/tickets/${ticketId}`)).json();
    expect(dept.rater).toEqual({ enterpriseName: '茗溪云岭茶业有限公司', contactMasked: '138****1234' });

    const office = await w.get(w.admin, `/api/v1/tickets/${ticketId}`);
    expect(office.statusCode).toBe(200);
    expect(office.json().rater).toBeNull();
    expect(office.body).not.toContain(owner.name);
    expect((await w.get(w.staffB, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(404);

    const stranger = await w.enterprise();
    expect((await w.get(stranger.token, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(404);

    // Ledger: the department sees identities on its own tickets; the office sees none; another department sees nothing of it.
    const deptLedger = (await w.get(w.staffA, '/api/v1/admin/tickets')).json();
    expect(deptLedger.items.find((t: { id: number }) => t.id === ticketId).rater.enterpriseName).toBe(owner.name);
    const officeLedger = await w.get(w.admin, '/api/v1/admin/tickets');
    expect(officeLedger.json().total).toBeGreaterThan(0);
    expect(officeLedger.body).not.toContain(owner.name);
    expect(officeLedger.body).not.toContain('138****1234');
    expect((await w.get(w.staffB, '/api/v1/admin/tickets')).json()).toEqual({ items: [], total: 0 });
    expect((await w.get(w.staffB, `/api/v1/admin/tickets?department=${w.departments.a}`)).statusCode).toBe(403);

    const mine = (await w.get(owner.token, '/api/v1/me/tickets')).json();
    expect(mine.items.map((t: { id: number }) => t.id)).toContain(ticketId);
    expect((await w.get(stranger.token, '/api/v1/me/tickets')).json().total).toBe(0);
  });

  it('gives the department the rater’s full number for the callback, audited, and nobody else', async () => {
    const rater = await w.enterprise('茗溪回访测试有限公司');
    await w.t.app.repos.users.setPhone(rater.userId, encrypt('13912345678', w.t.config.dataKey), '139****5678');
    const p = await w.project(rater.enterpriseId);
    const { ticketId } = await rateProject(w, rater, p, 1);
    const url = `/api/v1/tickets/${ticketId}/contact`;

    const res = await w.get(w.staffA, url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enterpriseName: '茗溪回访测试有限公司', phone: '13912345678' });
    const audit = await w.t.app.db.selectFrom('audit_log').select(['action', 'target', 'detail']).where('target', '=', `ticket:${ticketId}`).execute();
    expect(audit).toEqual([{ action: 'ticket.view_contact', target: `ticket:${ticketId}`, detail: null }]);

    expect((await w.get(w.admin, url)).statusCode).toBe(403);
    expect((await w.get(w.staffB, url)).statusCode).toBe(404);
    expect((await w.get(rater.token, url)).statusCode).toBe(403);

    // Once the enterprise has confirmed the fix there is nobody left to call.
    await w.post(w.staffA, `/api/v1/tickets/${ticketId}/callback`, { outcome: '已电话联系企业' });
    await w.post(w.staffA, `/api/v1/tickets/${ticketId}/rectify`, { fix: '增设帮办专员', reply: '已安排专人跟进' });
    expect((await w.get(w.staffA, url)).statusCode).toBe(200);
    await w.post(rater.token, `/api/v1/tickets/${ticketId}/confirm`);
    const closed = await w.get(w.staffA, url);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('TICKET_STATUS');
    expect(w.t.logs.join('\n')).not.toContain('13912345678');
  });

  it('filters the ledger by overdue and exports it as csv and xlsx', async () => {
    const e = await w.enterprise();
    const p = await w.project(e.enterpriseId);
    const { ticketId } = await rateProject(w, e, p, 1);
    w.setNow('2026-10-28T02:00:00.000Z'); // past the 10-27 deadline
    const overdue = (await w.get(w.admin, `/api/v1/admin/tickets?overdue=true&department=${w.departments.a}`)).json();
    expect(overdue.items.map((t: { id: number }) => t.id)).toContain(ticketId);
    expect(overdue.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
    const notOverdue = (await w.get(w.admin, '/api/v1/admin/tickets?overdue=false')).json();
    expect(notOverdue.items.map((t: { id: number }) => t.id)).not.toContain(ticketId);

    const csv = await w.get(w.staffA, '/api/v1/admin/tickets/export?format=csv&overdue=true');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF工单编号,责任部门')).toBe(true);
    expect(text).toContain(e.name); // the department's own export carries the rater for its callbacks
    const officeCsv = (await w.get(w.admin, '/api/v1/admin/tickets/export?format=csv')).rawPayload.toString('utf8');
    expect(officeCsv).not.toContain(e.name);

    const xlsx = await w.get(w.admin, '/api/v1/admin/tickets/export?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('工单编号');
    expect(sheet.rowCount - 1).toBe((await w.get(w.admin, '/api/v1/admin/tickets?pageSize=100')).json().total);
  });

  it('appeal: the department appeals once, the office decides; upheld voids the rating and keeps the record', async () => {
    const e = await w.enterprise();
    const p = await w.project(e.enterpriseId);
    const rejectedCase = await rateProject(w, e, p, 2, '立项');
    const upheldCase = await rateProject(w, e, p, 1, '施工许可');

    await w.post(w.staffA, `/api/v1/tickets/${rejectedCase.ticketId}/callback`, { outcome: '已回访' });
    const appealed = await w.post(w.staffA, `/api/v1/tickets/${rejectedCase.ticketId}/appeal`, { reason: '该企业反映的问题不属于本部门职责' });
    expect(appealed.json()).toMatchObject({ status: 'appealing', appeal: { reason: '该企业反映的问题不属于本部门职责', decision: null } });
    expect((await w.post(owner.token, `/api/v1/admin/appeals/${rejectedCase.ticketId}/decide`, { upheld: true, note: 'x' })).statusCode).toBe(403);
    expect((await w.post(w.staffA, `/api/v1/admin/appeals/${rejectedCase.ticketId}/decide`, { upheld: true, note: '自己批准' })).statusCode).toBe(403);
    const pending = (await w.get(w.admin, '/api/v1/admin/appeals')).json();
    expect(pending.items.map((t: { id: number }) => t.id)).toContain(rejectedCase.ticketId);

    const rejected = await w.post(w.admin, `/api/v1/admin/appeals/${rejectedCase.ticketId}/decide`, { upheld: false, note: '属于本部门服务范围' });
    expect(rejected.json()).toMatchObject({ status: 'called_back', appeal: { decision: { upheld: false, note: '属于本部门服务范围' } } });
    const twice = await w.post(w.staffA, `/api/v1/tickets/${rejectedCase.ticketId}/appeal`, { reason: '再次申诉' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该工单已申诉过，每张工单只能申诉一次');

    await w.post(w.staffA, `/api/v1/tickets/${upheldCase.ticketId}/appeal`, { reason: '恶意差评，企业已书面撤回' });
    const upheld = await w.post(w.admin, `/api/v1/admin/appeals/${upheldCase.ticketId}/decide`, { upheld: true, note: '经核实属实' });
    expect(upheld.json()).toMatchObject({ status: 'voided', appeal: { decision: { upheld: true } } });
    const rating = await w.t.app.db.selectFrom('ratings').select(['voided', 'overall']).where('id', '=', upheldCase.id).executeTakeFirstOrThrow();
    expect(rating).toEqual({ voided: 1, overall: 1 });
    expect((await w.post(w.staffA, `/api/v1/tickets/${upheldCase.ticketId}/callback`, { outcome: '再次回访' })).statusCode).toBe(409);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/v1/tickets/${upheldCase.ticketId}`, headers: bearer(e.token) })).json().status).toBe('voided');
  });
});
