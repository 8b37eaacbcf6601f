import { databases } from '../helper';
import { NOW, rateProject, world, type World } from './world';

/**
 * 仅看逾期 in the ledger lists exactly what today's 工作提醒函 tells the department is overdue: tickets past
 * their rectification deadline and tickets still waiting for the callback past its due time (回访超时),
 * and each listed ticket carries the overdue flag its card turns red by.
 */
describe.each(databases())('ledger 逾期 = the reminder letters (%s)', (kind) => {
  let w: World;
  /** rectifyLate: called back, past its 10-27 deadline. callbackLate: raised Mon 11-02, never called back.
   * reopenedLate: sent back on 11-02, not called back again. onTime: called back the day it was raised.
   * rectifiedPast: rectified (waiting for the enterprise) with its deadline behind it. */
  const ids = { rectifyLate: 0, rectifiedPast: 0, reopenedLate: 0, callbackLate: 0, onTime: 0 };

  const raise = async () => {
    const e = await w.enterprise();
    const { ticketId } = await rateProject(w, e, await w.project(e.enterpriseId), 1);
    return { token: e.token, id: ticketId! };
  };
  const act = async (token: string, id: number, action: string, body?: object) => {
    const res = await w.post(token, `/api/v1/tickets/${id}/${action}`, body);
    expect(res.statusCode).toBe(200);
  };
  type Item = { id: number; overdue: boolean; deadlineAt: string };
  const ledger = async (token: string, query: string) => {
    const res = await w.get(token, `/api/v1/admin/tickets${query}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Item[]; total: number }>();
    return { ids: body.items.map((t) => t.id), total: body.total, items: body.items };
  };

  beforeAll(async () => {
    w = await world(kind);
    w.setNow(NOW); // Wed 09-30: deadline end of 10-27
    const rectifyLate = await raise();
    const rectifiedPast = await raise();
    const reopenedLate = await raise();
    w.setNow('2026-10-08T03:00:00.000Z');
    await act(w.staffA, rectifyLate.id, 'callback', { outcome: '已电话联系企业' });
    for (const t of [rectifiedPast, reopenedLate]) {
      await act(w.staffA, t.id, 'callback', { outcome: '已电话联系企业' });
      await act(w.staffA, t.id, 'rectify', { fix: '已调整办理流程', reply: '已整改完毕' });
    }
    w.setNow('2026-11-02T02:00:00.000Z'); // Monday: callbacks due by the end of Tuesday 11-03
    await act(reopenedLate.token, reopenedLate.id, 'reopen', { reason: '问题仍未解决' });
    const callbackLate = await raise();
    const onTime = await raise();
    await act(w.staffA, onTime.id, 'callback', { outcome: '已当日回访' });
    Object.assign(ids, { rectifyLate: rectifyLate.id, rectifiedPast: rectifiedPast.id, reopenedLate: reopenedLate.id, callbackLate: callbackLate.id, onTime: onTime.id });
    w.setNow('2026-11-05T02:00:00.000Z'); // Thursday
  }, 60_000);
  afterAll(async () => w.close());

  it('仅看逾期 includes the tickets whose callback is late, not only those past the rectification deadline', async () => {
    const overdue = [ids.rectifyLate, ids.reopenedLate, ids.callbackLate]; // by when they fell due: 10-27, then two callbacks due 11-03 by number
    expect(await ledger(w.admin, '?progress=unfinished&overdue=true')).toMatchObject({ ids: overdue, total: 3 });
    // The department's own ledger, and the filter without 未办结, say the same.
    expect(await ledger(w.staffA, '?progress=unfinished&overdue=true')).toMatchObject({ ids: overdue, total: 3 });
    expect(await ledger(w.admin, '?overdue=true')).toMatchObject({ ids: overdue, total: 3 });
    expect(await ledger(w.staffB, '?progress=unfinished&overdue=true')).toMatchObject({ ids: [], total: 0 });
    // The rest of the 未办结 half is what 逾期=否 shows: the running ticket before the one waiting for the enterprise.
    expect(await ledger(w.admin, '?progress=unfinished&overdue=false')).toMatchObject({ ids: [ids.onTime, ids.rectifiedPast], total: 2 });
    expect(await ledger(w.admin, '?progress=unfinished&overdue=true&pageSize=2&page=2')).toMatchObject({ ids: [ids.callbackLate], total: 3 });
  });

  it('every ticket card in the ledger is marked overdue exactly when the filter lists it', async () => {
    const { items } = await ledger(w.admin, '?progress=unfinished');
    const flagged = items.filter((t) => t.overdue).map((t) => t.id);
    expect(flagged.sort((a, b) => a - b)).toEqual([ids.rectifyLate, ids.reopenedLate, ids.callbackLate].sort((a, b) => a - b));
    const one = (await w.get(w.staffA, `/api/v1/tickets/${ids.callbackLate}`)).json();
    expect(one).toMatchObject({ status: 'open', overdue: true, callbackDueAt: '2026-11-03T16:00:00.000Z' });
    // The export's 是否逾期 column follows the same definition.
    const csv = (await w.get(w.admin, '/api/v1/admin/tickets/export?format=csv&progress=unfinished')).rawPayload.toString('utf8');
    const rows = csv.trimEnd().split('\r\n');
    const column = rows[0].split(',').indexOf('是否逾期');
    const byId = new Map(rows.slice(1).map((line) => [Number(line.split(',')[0]), line.split(',')[column]]));
    expect(byId.get(ids.callbackLate)).toBe('是');
    expect(byId.get(ids.onTime)).toBe('否');
  });

  it('today’s 工作提醒函 lists the same tickets the ledger’s 逾期 filter does', async () => {
    expect((await w.post(w.admin, '/api/v1/admin/reminders/run')).statusCode).toBe(200);
    const letters = (await w.get(w.admin, '/api/v1/admin/reminders')).json<{ items: { id: number; department: { id: number }; ticketCount: number }[] }>();
    const letter = letters.items.find((l) => l.department.id === w.departments.a)!;
    const print = (await w.get(w.staffA, `/api/v1/admin/reminders/${letter.id}`)).json<{ letter: { items: { kind: string; id: number; title: string }[] } }>();
    const lettered = print.letter.items.filter((i) => i.kind === 'ticket').map((i) => i.id);
    const filtered = (await ledger(w.staffA, '?progress=unfinished&overdue=true')).ids;
    expect([...lettered].sort((a, b) => a - b)).toEqual([...filtered].sort((a, b) => a - b));
    expect(letter.ticketCount).toBe(filtered.length);
    expect(print.letter.items.find((i) => i.id === ids.callbackLate)?.title).toMatch(/^差评回访：/);
  });

  it('once the department calls back, the ticket leaves 逾期 (its rectification deadline is still ahead)', async () => {
    await act(w.staffA, ids.callbackLate, 'callback', { outcome: '已电话回访，企业反映审批材料重复提交' });
    expect(await ledger(w.admin, '?progress=unfinished&overdue=true')).toMatchObject({ ids: [ids.rectifyLate, ids.reopenedLate], total: 2 });
    expect((await w.get(w.staffA, `/api/v1/tickets/${ids.callbackLate}`)).json()).toMatchObject({ status: 'called_back', overdue: false });
  });
});
