import { bearer, databases } from '../helper';
import { deliveryWorld, validBooking, type DeliveryWorld } from './setup';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

describe.each(databases())('%s: booking a delivery', (kind) => {
  let w: DeliveryWorld;
  let token: string;
  beforeAll(async () => {
    w = await deliveryWorld(kind);
    token = (await w.enterpriseUser()).token;
  });
  afterAll(async () => {
    await w?.close();
  });

  const rejected = async (over: Record<string, unknown>) => {
    const res = await w.book(token, validBooking(over));
    expect(res.statusCode).toBe(400);
    return res.json().error as { code: string; message: string; field: string };
  };

  it('books a valid request and shows it back in full to the enterprise with a timeline', async () => {
    const res = await w.book(token, validBooking(), 'first-booking');
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('submitted');
    const detail = await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${id}`, headers: bearer(token) });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id,
      status: 'submitted',
      statusLabel: '已提交',
      items: [
        { kind: '营业执照正本', quantity: 1 },
        { kind: '印章', quantity: 3 },
      ],
      phone: '13812341234',
      phoneMasked: '138****1234',
      address: { region: ['浙江省', '杭州市', '西湖区'], detail: '文三路 90 号 1201 室' },
      date: '2026-09-29',
      period: '上午',
      cancellable: true,
      reschedulable: false,
      ratable: false,
    });
    expect(detail.json().events).toEqual([expect.objectContaining({ kind: 'submitted', status: 'submitted', label: '已提交预约', note: '2026年9月29日 上午' })]);
  });

  it('stores the phone number and address encrypted, with masked copies', async () => {
    const row = await w.t.app.db.selectFrom('deliveries').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13812341234');
    expect(row.address_enc).not.toContain('文三路');
    expect(row.phone_masked).toBe('138****1234');
    expect(row.address_masked).toBe('浙江省杭州市西湖区 文三****');
  });

  it.each([
    [{ items: [] }, 'items', '递送证照'],
    [{ items: [{ kind: '房产证', quantity: 1 }] }, 'items.0.kind', '证照种类'],
    [{ items: [{ kind: '印章', quantity: 0 }] }, 'items.0.quantity', '份数'],
    [{ items: [{ kind: '印章', quantity: 11 }] }, 'items.0.quantity', '份数'],
    [{ items: [{ kind: '其他', quantity: 1 }] }, 'items.0.description', '证照说明'],
    [{ mode: '快递' }, 'mode', '递送方式'],
    [{ recipientName: '  ' }, 'recipientName', '收件人'],
    [{ phone: '12812341234' }, 'phone', '联系电话'],
    [{ phone: '1381234123' }, 'phone', '联系电话'],
    [{ phone: '+8613812341234' }, 'phone', '联系电话'],
    [{ address: null }, 'address', '收件地址'],
    [{ mode: '取送', address: undefined }, 'address', '收件地址'],
    [{ address: { region: ['浙江省', '杭州市'], detail: '文三路 1 号' } }, 'address.region', '所在地区'],
    [{ address: { region: ['浙江省', '杭州市', '西湖区'], detail: ' ' } }, 'address.detail', '详细地址'],
    [{ period: '晚上' }, 'period', '预约时段'],
    [{ date: '2026-9-29' }, 'date', '预约日期'],
    [{ date: '2026-02-30' }, 'date', '预约日期'],
  ])('rejects %j naming the field', async (over, field, label) => {
    const error = await rejected(over);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${label}：`)).toBe(true);
  });

  it('accepts 其他 with a description, and 自取 without an address', async () => {
    const res = await w.book(token, validBooking({ items: [{ kind: '其他', quantity: 2, description: '食品经营许可证副本' }], mode: '自取', address: undefined }));
    expect(res.statusCode).toBe(201);
    const detail = (await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${res.json().id}`, headers: bearer(token) })).json();
    expect(detail.items).toEqual([{ kind: '其他', quantity: 2, description: '食品经营许可证副本' }]);
    expect(detail.address).toBeNull();
    expect(detail.addressMasked).toBeNull();
  });

  describe('the calendar (today is Monday 2026-09-28 in China)', () => {
    it.each([
      ['2026-09-28', '明天'],
      ['2026-09-25', '明天'],
      ['2026-10-01', '2026年10月1日为国庆节，不办理递送'],
      ['2026-10-06', '2026年10月6日为国庆节'],
      ['2026-10-11', '2026年10月11日为周末'],
      ['2026-10-13', '只能预约14天以内的日期（最晚2026年10月12日）'],
    ])('refuses %s (%s)', async (date, hint) => {
      const error = await rejected({ date });
      expect(error.field).toBe('date');
      expect(error.message).toContain('预约日期：');
      expect(error.message).toContain(hint);
    });

    it.each(['2026-09-29', '2026-10-10', '2026-10-12'])('accepts %s (2026-10-10 is a 调休 working Saturday)', async (date) => {
      const res = await w.book(token, validBooking({ date, period: '下午' }));
      expect(res.statusCode).toBe(201);
    });

    it('lists slots for working days only, with what remains', async () => {
      const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/delivery/slots?from=2026-09-28&to=2026-10-12', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
      const slots = res.json() as { date: string; period: string; capacity: number; remaining: number }[];
      expect([...new Set(slots.map((s) => s.date))]).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
      expect(slots.find((s) => s.date === '2026-09-29' && s.period === '上午')).toEqual({ date: '2026-09-29', period: '上午', capacity: 5, remaining: 3 });
      expect(slots.find((s) => s.date === '2026-10-10' && s.period === '下午')).toEqual({ date: '2026-10-10', period: '下午', capacity: 5, remaining: 4 });
    });

    it('refuses a slot query longer than 31 days or backwards', async () => {
      const long = await w.t.app.inject({ method: 'GET', url: '/api/v1/delivery/slots?from=2026-10-01&to=2026-11-01', headers: bearer(token) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.field).toBe('to');
      const back = await w.t.app.inject({ method: 'GET', url: '/api/v1/delivery/slots?from=2026-10-09&to=2026-10-08', headers: bearer(token) });
      expect(back.statusCode).toBe(400);
    });
  });

  it('refuses a user whose account is not bound to an enterprise (409 ENTERPRISE_NOT_BOUND)', async () => {
    const { wechatLogin } = await import('../helper');
    const unbound = await wechatLogin(w.t.app, `unbound-${process.pid}`);
    const res = await w.book(unbound);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ENTERPRISE_NOT_BOUND');
  });

  it('answers a resubmission with the same Idempotency-Key with the same booking, stored once', async () => {
    const body = validBooking({ date: '2026-09-30', period: '下午' });
    const first = await w.book(token, body, 'same-key-twice');
    const again = await w.book(token, body, 'same-key-twice');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await w.t.app.db.selectFrom('deliveries').select('id').where('date', '=', '2026-09-30').where('period', '=', '下午').execute();
    expect(rows).toHaveLength(1);
    const usage = await w.t.app.db.selectFrom('delivery_slot_usage').selectAll().where('date', '=', '2026-09-30').where('period', '=', '下午').executeTakeFirstOrThrow();
    expect(usage.booked).toBe(1);
  });

  it('uses the WeChat-authorised phone number when the app sends phone "account"', async () => {
    const user = await w.enterpriseUser();
    const none = await w.book(user.token, validBooking({ phone: 'account', date: '2026-10-09' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ field: 'phone', message: '联系电话：尚未授权微信手机号，请手动填写' });
    const authorised = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: bearer(user.token), payload: { code: 'mock-phone:13900001234' } });
    expect(authorised.statusCode).toBe(200);
    const res = await w.book(user.token, validBooking({ phone: 'account', date: '2026-10-09' }));
    expect(res.statusCode).toBe(201);
    const detail = (await w.t.app.inject({ method: 'GET', url: `/api/v1/deliveries/${res.json().id}`, headers: bearer(user.token) })).json();
    expect(detail).toMatchObject({ phone: '13900001234', phoneMasked: '139****1234' });
  });

  it('lists the enterprise’s own bookings, open ones by slot, soonest first (display.test.ts covers finished ones)', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/deliveries', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(items.length);
    expect(total).toBeGreaterThanOrEqual(5);
    const slots = items.map((d: { date: string; period: string; id: number }) => `${d.date} ${d.period === '上午' ? 0 : 1} ${String(d.id).padStart(6, '0')}`);
    expect(slots).toEqual([...slots].sort());
    expect(items[0]).not.toHaveProperty('phone');
  });
});
