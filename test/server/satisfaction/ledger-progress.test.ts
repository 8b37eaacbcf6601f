import { databases } from '../helper';
import { NOW, rateProject, world, type World } from './world';

/**
 * 整改台账 split into 未办结 / 已办结: the tickets still to be handled come first, the finished ones
 * (closed, voided) are listed by when they finished, and without the filter the ledger is as before.
 */
describe.each(databases())('ledger 未办结 / 已办结 (%s)', (kind) => {
  let w: World;
  /** closed on 10-09, voided on 10-20, rectified awaiting confirmation, open; A, C, D share the earliest deadline. */
  const ids = { closed: 0, voided: 0, rectified: 0, open: 0 };

  const raise = async () => {
    const e = await w.enterprise();
    const { ticketId } = await rateProject(w, e, await w.project(e.enterpriseId), 1);
    return { e, ticketId: ticketId! };
  };
  const ledger = async (token: string, query: string) => {
    const res = await w.get(token, `/api/v1/admin/tickets${query}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { id: number; status: string }[]; total: number }>();
    return { ids: body.items.map((t) => t.id), total: body.total };
  };
  /** The ticket numbers of an exported csv, in file order. */
  const exported = async (query: string) => {
    const res = await w.get(w.admin, `/api/v1/admin/tickets/export?format=csv${query}`);
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF工单编号,/);
    return lines.slice(1).map((line) => Number(line.split(',')[0]));
  };

  beforeAll(async () => {
    w = await world(kind);
    w.setNow(NOW); // raised 2026-09-30: deadline end of 10-27
    const closed = await raise();
    const voided = await raise();
    const rectified = await raise();
    w.setNow('2026-10-08T03:00:00.000Z');
    for (const id of [closed.ticketId, rectified.ticketId]) {
      expect((await w.post(w.staffA, `/api/v1/tickets/${id}/callback`, { outcome: '已电话联系企业' })).statusCode).toBe(200);
      expect((await w.post(w.staffA, `/api/v1/tickets/${id}/rectify`, { fix: '已调整办理流程', reply: '已整改完毕' })).statusCode).toBe(200);
    }
    expect((await w.post(w.staffA, `/api/v1/tickets/${voided.ticketId}/appeal`, { reason: '企业已书面撤回该评价' })).statusCode).toBe(200);
    w.setNow('2026-10-09T02:00:00.000Z');
    expect((await w.post(closed.e.token, `/api/v1/tickets/${closed.ticketId}/confirm`)).json().status).toBe('closed');
    w.setNow('2026-10-12T02:00:00.000Z'); // raised later: a deadline after the closed ticket's
    const open = await raise();
    w.setNow('2026-10-20T02:00:00.000Z');
    expect((await w.post(w.admin, `/api/v1/admin/appeals/${voided.ticketId}/decide`, { upheld: true, note: '经核实属实' })).json().status).toBe('voided');
    w.setNow('2026-10-21T02:00:00.000Z');
    Object.assign(ids, { closed: closed.ticketId, voided: voided.ticketId, rectified: rectified.ticketId, open: open.ticketId });
  }, 60_000);
  afterAll(async () => w.close());

  it('without the filter lists every ticket by deadline, as before', async () => {
    expect(await ledger(w.admin, '')).toEqual({ ids: [ids.closed, ids.voided, ids.rectified, ids.open], total: 4 });
    expect(await ledger(w.admin, '?status=closed')).toEqual({ ids: [ids.closed], total: 1 });
  });

  it('未办结: the tickets still to be handled, most urgent first, none of the finished ones', async () => {
    // The open ticket's callback is late (ledger-urgency.test.ts has the order in full); the rectified one waits for the enterprise.
    expect(await ledger(w.admin, '?progress=unfinished')).toEqual({ ids: [ids.open, ids.rectified], total: 2 });
    // The department sees the same half of its own ledger; another department none of it.
    expect(await ledger(w.staffA, '?progress=unfinished')).toEqual({ ids: [ids.open, ids.rectified], total: 2 });
    expect(await ledger(w.staffB, '?progress=unfinished')).toEqual({ ids: [], total: 0 });
    expect(await ledger(w.admin, '?progress=unfinished&status=rectified')).toEqual({ ids: [ids.rectified], total: 1 });
    expect(await ledger(w.admin, '?progress=unfinished&pageSize=1&page=2')).toEqual({ ids: [ids.rectified], total: 2 });
  });

  it('已办结: closed and voided, the most recently finished first', async () => {
    expect(await ledger(w.admin, '?progress=finished')).toEqual({ ids: [ids.voided, ids.closed], total: 2 });
    expect(await ledger(w.staffA, `?progress=finished&department=${w.departments.a}`)).toEqual({ ids: [ids.voided, ids.closed], total: 2 });
    expect(await ledger(w.admin, '?progress=finished&pageSize=1&page=2')).toEqual({ ids: [ids.closed], total: 2 });
    expect(await ledger(w.admin, '?progress=finished&status=closed')).toEqual({ ids: [ids.closed], total: 1 });
  });

  it('a status or 逾期 outside the chosen half matches nothing', async () => {
    expect(await ledger(w.admin, '?progress=finished&status=open')).toEqual({ ids: [], total: 0 });
    expect(await ledger(w.admin, '?progress=unfinished&status=voided')).toEqual({ ids: [], total: 0 });
    expect(await ledger(w.admin, '?progress=finished&overdue=true')).toEqual({ ids: [], total: 0 });
  });

  it('未办结 with 逾期: only the one whose running deadline has passed', async () => {
    w.setNow('2026-11-20T02:00:00.000Z'); // past every deadline; the rectified ticket's no longer runs
    expect(await ledger(w.admin, '?progress=unfinished&overdue=true')).toEqual({ ids: [ids.open], total: 1 });
    expect(await ledger(w.admin, '?progress=unfinished&overdue=false')).toEqual({ ids: [ids.rectified], total: 1 });
    w.setNow('2026-10-21T02:00:00.000Z');
  });

  it('refuses an unknown value with a Chinese message', async () => {
    for (const url of ['/api/v1/admin/tickets?progress=pending', '/api/v1/admin/tickets/export?format=csv&progress=']) {
      const res = await w.get(w.admin, url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: 'progress：取值不在允许范围内', field: 'progress' } });
    }
  });

  it('the export holds the same half in the same order', async () => {
    expect(await exported('&progress=unfinished')).toEqual([ids.open, ids.rectified]);
    expect(await exported('&progress=finished')).toEqual([ids.voided, ids.closed]);
    expect(await exported('')).toEqual([ids.closed, ids.voided, ids.rectified, ids.open]);
    expect(await exported('&progress=finished&status=open')).toEqual([]);
  });
});
