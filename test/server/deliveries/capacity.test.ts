import { bearer, databases } from '../helper';
import { deliveryWorld, validBooking, type DeliveryWorld } from './setup';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

describe.each(databases())('%s: slot capacity', (kind) => {
  let w: DeliveryWorld;
  let tokens: string[];
  beforeAll(async () => {
    w = await deliveryWorld(kind);
    tokens = [];
    for (let i = 0; i < 30; i++) tokens.push((await w.enterpriseUser()).token);
  });
  afterAll(async () => {
    await w?.close();
  });

  const remaining = async (date: string, period: string) => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/delivery/slots?from=${date}&to=${date}`, headers: bearer(tokens[0]) });
    return (res.json() as { period: string; remaining: number; capacity: number }[]).find((s) => s.period === period)!;
  };

  it('never overbooks: 30 concurrent bookings for a slot of 5 -> exactly 5 succeed, 25 SLOT_FULL', async () => {
    const results = await Promise.all(tokens.map((token, i) => w.book(token, validBooking({ date: '2026-10-08', period: '上午' }), `race-${i}`)));
    const ok = results.filter((r) => r.statusCode === 201);
    const full = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(5);
    expect(full).toHaveLength(25);
    for (const r of full) expect(r.json().error).toEqual({ code: 'SLOT_FULL', message: '2026年10月8日上午已约满，请选择其他时段', field: 'period' });
    const rows = await w.t.app.db.selectFrom('deliveries').select('id').where('date', '=', '2026-10-08').where('period', '=', '上午').execute();
    expect(rows).toHaveLength(5);
    expect(await remaining('2026-10-08', '上午')).toMatchObject({ capacity: 5, remaining: 0 });
  });

  it('lets staff raise one slot’s capacity, which opens exactly that many places', async () => {
    const put = await w.t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/delivery-slots/2026-10-08/${encodeURIComponent('上午')}`,
      headers: bearer(w.handler),
      payload: { capacity: 7 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ date: '2026-10-08', period: '上午', capacity: 7, remaining: 2 });
    const results = await Promise.all(tokens.slice(10, 16).map((token) => w.book(token, validBooking({ date: '2026-10-08', period: '上午' }))));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(4);
    // The other period of that day keeps the configured default.
    expect(await remaining('2026-10-08', '下午')).toMatchObject({ capacity: 5, remaining: 5 });
  });

  it('refuses capacity changes from enterprises (403), other departments (403) and for closed days (400)', async () => {
    const url = `/api/v1/admin/delivery-slots/2026-10-09/${encodeURIComponent('下午')}`;
    const asEnterprise = await w.t.app.inject({ method: 'PUT', url, headers: bearer(tokens[0]), payload: { capacity: 9 } });
    expect(asEnterprise.statusCode).toBe(403);
    const asOther = await w.t.app.inject({ method: 'PUT', url, headers: bearer(w.otherStaff), payload: { capacity: 9 } });
    expect(asOther.statusCode).toBe(403);
    const holiday = await w.t.app.inject({ method: 'PUT', url: `/api/v1/admin/delivery-slots/2026-10-02/${encodeURIComponent('上午')}`, headers: bearer(w.admin), payload: { capacity: 9 } });
    expect(holiday.statusCode).toBe(400);
    expect(holiday.json().error).toMatchObject({ field: 'date', message: 'date：2026年10月2日为国庆节，不办理递送，无需设置名额' });
  });

  it('gives the place back when a booking is cancelled, and a zero-capacity slot takes nobody', async () => {
    const booked = await w.book(tokens[20], validBooking({ date: '2026-10-09', period: '上午' }));
    expect(booked.statusCode).toBe(201);
    expect(await remaining('2026-10-09', '上午')).toMatchObject({ remaining: 4 });
    const cancel = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${booked.json().id}/cancel`, headers: bearer(tokens[20]), payload: { reason: '计划有变' } });
    expect(cancel.statusCode).toBe(200);
    expect(await remaining('2026-10-09', '上午')).toMatchObject({ remaining: 5 });

    await w.t.app.inject({ method: 'PUT', url: `/api/v1/admin/delivery-slots/2026-10-12/${encodeURIComponent('下午')}`, headers: bearer(w.admin), payload: { capacity: 0 } });
    const closed = await w.book(tokens[21], validBooking({ date: '2026-10-12', period: '下午' }));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('SLOT_FULL');
  });

  it('uses the configured default capacity', async () => {
    const w2 = await deliveryWorld(kind, { DELIVERY_SLOT_CAPACITY: '2' });
    try {
      const users = await Promise.all([1, 2, 3, 4].map(() => w2.enterpriseUser()));
      const results = await Promise.all(users.map((u) => w2.book(u.token, validBooking({ date: '2026-09-30' }))));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 409, 409]);
    } finally {
      await w2.close();
    }
  });
});
