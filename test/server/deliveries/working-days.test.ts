import { bearer, databases } from '../helper';
import { deliveryWorld, type DeliveryWorld } from './setup';

jest.setTimeout(30_000);

/**
 * The staff queue's day stepper asks GET /api/v1/delivery/slots which days around the shown one are
 * working days: it must answer staff for past and future dates, with holidays, 调休 and overrides.
 */
describe.each(databases())('%s: working days for the staff queue', (kind) => {
  let w: DeliveryWorld;
  beforeAll(async () => {
    w = await deliveryWorld(kind);
  });
  afterAll(async () => {
    await w?.close();
  });

  const workingDays = async (token: string, from: string, to: string) => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/delivery/slots?from=${from}&to=${to}`, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    return [...new Set((res.json() as { date: string }[]).map((s) => s.date))];
  };

  it('skips 国庆 and weekends after a Wednesday: the day after 2026-09-30 to work on is 10-08', async () => {
    expect(await workingDays(w.handler, '2026-10-01', '2026-10-14')).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14']);
  });

  it('answers for past days too, counting the 调休 Sunday 2026-09-20 and leaving out Saturdays and 中秋 (Friday 09-25 to Sunday)', async () => {
    const days = await workingDays(w.admin, '2026-09-14', '2026-09-27');
    expect(days).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']);
  });

  it('follows an admin’s calendar change at once: a Saturday set as 上班日 becomes a step', async () => {
    expect(await workingDays(w.handler, '2026-10-17', '2026-10-18')).toEqual([]);
    const put = await w.t.app.inject({ method: 'PUT', url: '/api/v1/admin/calendar/2026-10-17', headers: bearer(w.admin), payload: { kind: 'workday', name: '临时加班' } });
    expect(put.statusCode).toBe(200);
    expect(await workingDays(w.handler, '2026-10-17', '2026-10-18')).toEqual(['2026-10-17']);
  });
});
