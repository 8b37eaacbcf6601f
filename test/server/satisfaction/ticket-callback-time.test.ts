import { databases } from '../helper';
import { NOW, rateProject, world, type World } from './world';

/**
 * The callback time staff enter must lie within the ticket's life: not in the future (a typo) and not before
 * the rating raised the ticket (or, after the enterprise sent it back, before that), or the ticket would show a
 * callback that precedes it while its history says otherwise — and the enterprise sees both.
 */
describe.each(databases())('callback time bounds (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  const raise = async () => {
    const e = await w.enterprise();
    const { ticketId } = await rateProject(w, e, await w.project(e.enterpriseId), 1);
    return { token: e.token, id: ticketId! };
  };
  const callback = (id: number, at: string, token = w.staffA) => w.post(token, `/api/v1/tickets/${id}/callback`, { at, outcome: '已电话联系企业' });

  it('refuses a callback time before the ticket was raised, with the ticket left as it was', async () => {
    w.setNow('2026-11-27T11:59:30.000Z'); // raised 11-27 19:59:30 China time
    const t = await raise();
    w.setNow('2026-11-27T12:00:00.000Z');
    const res = await callback(t.id, '2026-11-01T02:00:00.000Z');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: '回访时间不能早于工单生成时间（2026年11月27日 19:59）', field: 'at' } });

    // Neither the department nor the enterprise sees a callback.
    for (const token of [w.staffA, t.token]) {
      const ticket = (await w.get(token, `/api/v1/tickets/${t.id}`)).json();
      expect(ticket).toMatchObject({ status: 'open', callback: null });
      expect(ticket.history.map((h: { action: string }) => h.action)).toEqual(['created']);
    }
  });

  it('accepts the minute the ticket was raised (staff type minutes) and anything up to now', async () => {
    w.setNow('2026-11-27T11:59:30.000Z');
    const sameMinute = await raise();
    const minuteBefore = await raise();
    w.setNow('2026-11-27T12:05:00.000Z');
    expect((await callback(minuteBefore.id, '2026-11-27T11:58:00.000Z')).statusCode).toBe(400);
    const ok = await callback(sameMinute.id, '2026-11-27T11:59:00.000Z');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'called_back', callback: { at: '2026-11-27T11:59:00.000Z' } });
    expect((await callback(minuteBefore.id, '2026-11-27T12:04:00.000Z')).statusCode).toBe(200);
  });

  it('still refuses a time in the future', async () => {
    w.setNow(NOW);
    const t = await raise();
    const res = await callback(t.id, '2026-10-01T02:00:00.000Z');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: '回访时间不能晚于当前时间', field: 'at' } });
  });

  it('after the enterprise sends the ticket back, the new callback cannot predate the reopening', async () => {
    w.setNow(NOW);
    const t = await raise();
    w.setNow('2026-10-08T03:00:00.000Z');
    expect((await callback(t.id, '2026-10-08T02:30:00.000Z')).statusCode).toBe(200);
    expect((await w.post(w.staffA, `/api/v1/tickets/${t.id}/rectify`, { fix: '已调整流程', reply: '已整改' })).statusCode).toBe(200);
    w.setNow('2026-10-09T02:00:00.000Z');
    expect((await w.post(t.token, `/api/v1/tickets/${t.id}/reopen`, { reason: '问题仍未解决' })).statusCode).toBe(200);

    w.setNow('2026-10-09T06:00:00.000Z');
    const early = await callback(t.id, '2026-10-08T09:00:00.000Z'); // after the rating, before the reopening
    expect(early.statusCode).toBe(400);
    expect(early.json()).toEqual({ error: { code: 'VALIDATION', message: '回访时间不能早于企业退回重办的时间（2026年10月9日 10:00）', field: 'at' } });
    const ok = await callback(t.id, '2026-10-09T03:30:00.000Z');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().callback.at).toBe('2026-10-09T03:30:00.000Z');
  });

  it('tells another department nothing about the ticket, whatever the time', async () => {
    w.setNow(NOW);
    const t = await raise();
    expect((await callback(t.id, '2026-09-01T02:00:00.000Z', w.staffB)).statusCode).toBe(404);
  });
});
