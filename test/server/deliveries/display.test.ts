import { bearer, databases } from '../helper';
import { deliveryWorld, NOW, PNG_SIGNATURE, validBooking, type DeliveryWorld } from './setup';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

const PICKUP = { mode: '自取', address: undefined };

describe.each(databases())('%s: what an enterprise reads about its bookings', (kind) => {
  let w: DeliveryWorld;
  let owner: { token: string; enterpriseId: number; name: string };
  beforeAll(async () => {
    w = await deliveryWorld(kind, { DELIVERY_SLOT_CAPACITY: '50' });
    owner = await w.enterpriseUser('乙递送展示有限公司');
  });
  afterAll(async () => {
    await w?.close();
  });

  const newBooking = async (token: string, over: Record<string, unknown> = {}) => {
    const res = await w.book(token, validBooking(over));
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const view = async (id: number, token = owner.token) => (await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${id}`, headers: bearer(token) })).json();
  const list = async (token: string, page = 1, pageSize = 20) =>
    (await w.t.app.inject({ method: 'GET', url: `/api/v1/me/deliveries?page=${page}&pageSize=${pageSize}`, headers: bearer(token) })).json() as {
      items: { id: number; date: string; period: string; status: string; statusLabel: string; ratedAt: string | null }[];
      total: number;
    };
  const deliver = async (id: number, pickup = false) => {
    expect((await w.staff(w.handler, id, 'accept')).statusCode).toBe(200);
    if (!pickup) expect((await w.staff(w.handler, id, 'dispatch', { trackingNo: `SF${id}` })).statusCode).toBe(200);
    expect((await w.staff(w.handler, id, 'deliver', { receiverName: '李签收', signature: PNG_SIGNATURE })).statusCode).toBe(200);
  };
  const rate = (token: string, deliveryId: number, key: string) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/v1/ratings',
      headers: { ...bearer(token), 'idempotency-key': key },
      payload: { target: { kind: 'delivery', deliveryId }, scores: { overall: 5, efficiency: 5, level: 5, attitude: 5 } },
    });

  it('says when a delivery was rated: ratedAt in the detail and the list, and 评价 is no longer offered', async () => {
    const id = await newBooking(owner.token);
    await deliver(id);
    expect(await view(id)).toMatchObject({ ratable: true, ratedAt: null });

    expect((await rate(owner.token, id, `rate-${kind}-${id}`)).statusCode).toBe(201);
    expect(await view(id)).toMatchObject({ status: 'delivered', ratable: false, ratedAt: NOW });
    expect((await list(owner.token)).items.find((d) => d.id === id)).toMatchObject({ ratedAt: NOW });
    // Staff see it too.
    const staffView = await w.t.app.inject({ method: 'GET', url: `/api/v1/admin/deliveries/${id}`, headers: bearer(w.handler) });
    expect(staffView.json()).toMatchObject({ ratedAt: NOW, ratable: false });
  });

  it('reads 已领取, not 已送达, once a 自取 booking is handed over at the window; the status value stays delivered', async () => {
    const id = await newBooking(owner.token, PICKUP);
    expect((await view(id)).statusLabel).toBe('已提交');
    await deliver(id, true);
    const detail = await view(id);
    expect(detail).toMatchObject({ status: 'delivered', statusLabel: '已领取', ratable: true });
    expect(detail.events.map((e: { kind: string; label: string }) => [e.kind, e.label])).toEqual([
      ['submitted', '已提交预约'],
      ['accepted', '已受理'],
      ['delivered', '已领取'],
    ]);
    expect((await list(owner.token)).items.find((d) => d.id === id)).toMatchObject({ status: 'delivered', statusLabel: '已领取' });
    // A 送达 booking still reads 已送达.
    const sent = await newBooking(owner.token);
    await deliver(sent);
    expect((await view(sent)).statusLabel).toBe('已送达');
  });

  it('takes a tracking number typed in groups and lower case, and stores it as the courier prints it', async () => {
    const id = await newBooking(owner.token);
    await w.staff(w.handler, id, 'accept');
    const res = await w.staff(w.handler, id, 'dispatch', { trackingNo: ' sf 1234 5678 901 ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().trackingNo).toBe('SF12345678901');
    expect(res.json().events.at(-1).note).toBe('快递单号 SF12345678901');
  });

  it.each([['SF#123'], ['   '], ['运单123'], ['A'.repeat(41)]])('refuses the tracking number %j, naming the field', async (trackingNo) => {
    const id = await newBooking(owner.token);
    await w.staff(w.handler, id, 'accept');
    const res = await w.staff(w.handler, id, 'dispatch', { trackingNo });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'trackingNo' });
    expect(res.json().error.message).toContain('快递单号');
    expect((await view(id)).status).toBe('accepted');
  });

  it('lists open bookings soonest slot first, then finished ones latest first, page after page', async () => {
    const other = await w.enterpriseUser('丙递送排序有限公司');
    // Booked in this order on purpose: creation order is not the order to read them in.
    const at = async (date: string, period: string, over: Record<string, unknown> = {}) => newBooking(other.token, { date, period, ...over });
    const oct9pm = await at('2026-10-09', '下午');
    const sep29am = await at('2026-09-29', '上午');
    const oct8am = await at('2026-10-08', '上午');
    const sep30pm = await at('2026-09-30', '下午');
    const sep29pm = await at('2026-09-29', '下午', PICKUP);
    const sep30am = await at('2026-09-30', '上午');
    const oct12am = await at('2026-10-12', '上午');
    // Finished: one delivered on 09-29 上午's slot day, one cancelled for 10-10, one delivered on 09-30 下午.
    const doneSep29 = await at('2026-09-29', '上午');
    await deliver(doneSep29);
    const cancelledOct10 = await at('2026-10-10', '上午');
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${cancelledOct10}/cancel`, headers: bearer(other.token), payload: { reason: '计划有变' } })).statusCode).toBe(200);
    const doneSep30 = await at('2026-09-30', '下午');
    await deliver(doneSep30);
    // A failed one is still open: the enterprise has to pick a new slot.
    const failedOct8 = await at('2026-10-08', '下午');
    await w.staff(w.handler, failedOct8, 'accept');
    await w.staff(w.handler, failedOct8, 'dispatch', { trackingNo: 'SF9' });
    expect((await w.staff(w.handler, failedOct8, 'fail', { reason: '收件人不在' })).statusCode).toBe(200);

    const expected = [sep29am, sep29pm, sep30am, sep30pm, oct8am, failedOct8, oct9pm, oct12am, cancelledOct10, doneSep30, doneSep29];
    const all = await list(other.token);
    expect(all.total).toBe(expected.length);
    expect(all.items.map((d) => d.id)).toEqual(expected);

    // Pages of 3 cut across the open/finished boundary (8 open): together they are the same list.
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await list(other.token, page, 3));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 3, 2]);
    expect(pages.flatMap((p) => p.items.map((d) => d.id))).toEqual(expected);
    expect(pages.every((p) => p.total === expected.length)).toBe(true);
    expect((await list(other.token, 5, 3)).items).toEqual([]);
    // Another enterprise's list is untouched by these.
    expect((await list(owner.token)).items.map((d) => d.id)).not.toContain(sep29am);
  });
});
