import { bearer, databases } from '../helper';
import { deliveryWorld, PNG_SIGNATURE, validBooking, type DeliveryWorld } from './setup';

const TEMPLATE = 'demo-tpl-delivery-status';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

describe.each(databases())('%s: delivery status machine', (kind) => {
  let w: DeliveryWorld;
  let owner: { token: string; enterpriseId: number; name: string };
  beforeAll(async () => {
    // Room enough that these tests never meet a full slot (capacity has its own tests).
    w = await deliveryWorld(kind, { DELIVERY_SLOT_CAPACITY: '50' });
    owner = await w.enterpriseUser('甲递送科技有限公司');
  });
  afterAll(async () => {
    await w?.close();
  });

  const newBooking = async (over: Record<string, unknown> = {}) => {
    const res = await w.book(owner.token, validBooking(over));
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const view = async (id: number, token = owner.token) => (await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${id}`, headers: bearer(token) })).json();
  const subscribe = (times: number) =>
    Promise.all(
      Array.from({ length: times }, (_, i) =>
        w.t.app.inject({
          method: 'POST',
          url: '/api/v1/me/subscriptions',
          headers: { ...bearer(owner.token), 'idempotency-key': `sub-${Date.now()}-${i}` },
          payload: { templateId: TEMPLATE, accepted: true },
        }),
      ),
    );

  it('goes submitted → accepted → dispatched → delivered, with a timeline naming departments and a notice each time', async () => {
    await subscribe(3);
    const id = await newBooking();
    expect((await w.staff(w.handler, id, 'accept')).statusCode).toBe(200);
    const dispatched = await w.staff(w.handler, id, 'dispatch', { trackingNo: 'SF1234567890' });
    expect(dispatched.statusCode).toBe(200);
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', trackingNo: 'SF1234567890' });
    const delivered = await w.staff(w.handler, id, 'deliver', { receiverName: '李签收', signature: PNG_SIGNATURE });
    expect(delivered.statusCode).toBe(200);

    const detail = await view(id);
    expect(detail.status).toBe('delivered');
    expect(detail.statusLabel).toBe('已送达');
    expect(detail.ratable).toBe(true);
    expect(detail.cancellable).toBe(false);
    expect(detail.handover).toMatchObject({ receiverName: '李签收', signature: PNG_SIGNATURE, by: '区政务服务中心' });
    expect(detail.events.map((e: { label: string; by: string; note: string | null }) => [e.label, e.by, e.note])).toEqual([
      ['已提交预约', '甲递送科技有限公司', '2026年9月29日 上午'],
      ['已受理', '区政务服务中心', null],
      ['配送中', '区政务服务中心', '快递单号 SF1234567890'],
      ['已送达', '区政务服务中心', '签收人 李签收'],
    ]);

    await w.t.app.notifications.idle();
    const sent = w.t.standIn.sentMessages().filter((m) => m.templateId === TEMPLATE);
    expect(sent.map((m) => m.data.phrase2)).toEqual(['已受理', '配送中', '已送达']);
    // The slot reads as it does everywhere else, year included (a notice outlives its year).
    expect(sent.map((m) => m.data.thing3)).toEqual(['2026年9月29日 上午', '2026年9月29日 上午', '2026年9月29日 上午']);
    expect(sent[0].page).toBe(`pages/delivery/detail?id=${id}`);
    for (const m of sent) {
      for (const [key, value] of Object.entries(m.data)) if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    }
  });

  it('refuses illegal transitions with 409 DELIVERY_STATUS naming the current status', async () => {
    const id = await newBooking();
    const early = await w.staff(w.handler, id, 'dispatch', { trackingNo: 'SF1' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({ code: 'DELIVERY_STATUS', message: '该预约当前为“已提交”，不能派送' });
    expect((await w.staff(w.handler, id, 'deliver', { receiverName: '甲', signature: PNG_SIGNATURE })).statusCode).toBe(409);
    expect((await w.staff(w.handler, id, 'fail', { reason: '联系不上' })).statusCode).toBe(409);
    await w.staff(w.handler, id, 'accept');
    expect((await w.staff(w.handler, id, 'accept')).statusCode).toBe(409);
    await w.staff(w.handler, id, 'dispatch', { trackingNo: 'SF2' });
    const lateCancel = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/cancel`, headers: bearer(owner.token), payload: { reason: '不要了' } });
    expect(lateCancel.statusCode).toBe(409);
    expect(lateCancel.json().error.message).toBe('该预约当前为“配送中”，不能取消');
    const reschedule = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/reschedule`, headers: bearer(owner.token), payload: { date: '2026-10-09', period: '上午' } });
    expect(reschedule.statusCode).toBe(409);
  });

  it('cancels before dispatch with a reason; a cancelled booking cannot move again', async () => {
    const id = await newBooking();
    await w.staff(w.handler, id, 'accept');
    const res = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/cancel`, headers: bearer(owner.token), payload: { reason: '已自行到大厅领取' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '已自行到大厅领取' });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'cancelled', label: '已取消', by: '甲递送科技有限公司', note: '已自行到大厅领取' });
    expect((await w.staff(w.handler, id, 'accept')).statusCode).toBe(409);
    const empty = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/cancel`, headers: bearer(owner.token), payload: { reason: '' } });
    expect(empty.statusCode).toBe(400);
  });

  it('after a failed attempt the enterprise reschedules to a bookable slot and the place moves', async () => {
    const id = await newBooking({ date: '2026-09-30', period: '下午' });
    await w.staff(w.handler, id, 'accept');
    await w.staff(w.handler, id, 'dispatch', { trackingNo: 'EMS001' });
    const failed = await w.staff(w.handler, id, 'fail', { reason: '收件人不在，电话无人接听' });
    expect(failed.json()).toMatchObject({ status: 'failed', failureReason: '收件人不在，电话无人接听', reschedulable: true });

    const holiday = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/reschedule`, headers: bearer(owner.token), payload: { date: '2026-10-03', period: '上午' } });
    expect(holiday.statusCode).toBe(400);
    expect(holiday.json().error).toEqual({ code: 'VALIDATION', message: '预约日期：2026年10月3日为国庆节，不办理递送，请选择工作日', field: 'date' });

    const res = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${id}/reschedule`, headers: bearer(owner.token), payload: { date: '2026-10-10', period: '上午' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', date: '2026-10-10', period: '上午', trackingNo: null, failureReason: null });
    expect(res.json().events.slice(-2).map((e: { kind: string; note: string }) => [e.kind, e.note])).toEqual([
      ['failed', '收件人不在，电话无人接听'],
      ['rescheduled', '改约至 2026年10月10日 上午'],
    ]);
    const usage = await w.t.app.db.selectFrom('delivery_slot_usage').select(['date', 'period', 'booked']).where('date', 'in', ['2026-09-30', '2026-10-10']).orderBy('date').execute();
    expect(usage).toEqual([
      { date: '2026-09-30', period: '下午', booked: 0 },
      { date: '2026-10-10', period: '上午', booked: 1 },
    ]);
    // The new attempt runs through the machine again.
    expect((await w.staff(w.handler, id, 'accept')).statusCode).toBe(200);
  });

  it('hands a 自取 booking over at the hall without dispatch', async () => {
    const id = await newBooking({ mode: '自取', address: undefined });
    await w.staff(w.handler, id, 'accept');
    const dispatch = await w.staff(w.handler, id, 'dispatch', { trackingNo: 'X1' });
    expect(dispatch.statusCode).toBe(409);
    expect(dispatch.json().error.message).toContain('自取无需派送');
    const done = await w.staff(w.handler, id, 'deliver', { receiverName: '王小明', signature: PNG_SIGNATURE });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('delivered');
  });

  it.each([
    ['not a data URL', 'hello'],
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
    ['JPEG label on PNG bytes', PNG_SIGNATURE.replace('image/png', 'image/jpeg')],
    ['over 300 KB', `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(300 * 1024 - 3)]).toString('base64')}`],
  ])('refuses a signature that is %s', async (_what, signature) => {
    const id = await newBooking({ mode: '自取', address: undefined });
    await w.staff(w.handler, id, 'accept');
    const res = await w.staff(w.handler, id, 'deliver', { receiverName: '王小明', signature });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('signature');
    expect((await view(id)).status).toBe('accepted');
  });

  it('markRated() ends ratable once, for delivered bookings only', async () => {
    const id = await newBooking({ mode: '自取', address: undefined });
    expect(await w.t.app.repos.deliveries.markRated(id)).toBe(false);
    await w.staff(w.handler, id, 'accept');
    await w.staff(w.handler, id, 'deliver', { receiverName: '王小明', signature: PNG_SIGNATURE });
    expect((await view(id)).ratable).toBe(true);
    expect(await w.t.app.repos.deliveries.markRated(id)).toBe(true);
    expect(await w.t.app.repos.deliveries.markRated(id)).toBe(false);
    expect((await view(id)).ratable).toBe(false);
  });

  it('lets only one of two simultaneous staff actions win', async () => {
    const id = await newBooking();
    const results = await Promise.all([w.staff(w.handler, id, 'accept'), w.staff(w.admin, id, 'accept')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await view(id)).events.filter((e: { kind: string }) => e.kind === 'accepted')).toHaveLength(1);
  });
});
