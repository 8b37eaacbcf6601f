import { bearer, databases } from '../helper';
import { deliveryWorld, type DeliveryWorld } from '../deliveries/setup';

/** Paging that stays cheap however deep: the delivery queue's cursor; and no list answers unbounded. */
describe.each(databases())('paging on %s', (kind) => {
  let w: DeliveryWorld;
  const expected: { id: number; date: string; period: string }[] = [];

  beforeAll(async () => {
    w = await deliveryWorld(kind);
    const { enterpriseId } = await w.enterpriseUser();
    const user = await w.t.app.db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // 45 bookings over three dates and both periods, written in an order unlike the queue's.
    for (let i = 0; i < 45; i++) {
      const date = ['2026-10-12', '2026-10-09', '2026-10-13'][i % 3];
      const period = i % 2 === 0 ? '下午' : '上午';
      const { id } = await w.t.app.db
        .insertInto('deliveries')
        .values({ enterprise_id: enterpriseId, created_by: user.id, status: 'submitted', items: '[{"kind":"印章","quantity":1}]', mode: '自取', recipient_name: '王小明', phone_enc: 'x', phone_masked: '138****1234', address_enc: null, address_masked: null, date, period, remark: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      expected.push({ id, date, period });
    }
    expected.sort((a, b) => a.date.localeCompare(b.date) || a.period.localeCompare(b.period) || a.id - b.id);
  });
  afterAll(async () => {
    await w?.close();
  });

  const queue = (query: string) => w.t.app.inject({ method: 'GET', url: `/api/v1/admin/deliveries?${query}`, headers: bearer(w.handler) });

  test('the staff queue pages by cursor: every booking once, in date and slot order, same as by page', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const res = await queue(`pageSize=10${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: { id: number }[]; total: number; nextCursor?: string }>();
      expect(body.total).toBe(45);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected.map((e) => e.id));

    const byPage: number[] = [];
    for (let page = 1; page <= 5; page++) byPage.push(...(await queue(`pageSize=10&page=${page}`)).json<{ items: { id: number }[] }>().items.map((i) => i.id));
    expect(byPage).toEqual(seen);
  });

  test('a cursor combines with the filters, and a malformed one is refused in Chinese', async () => {
    const first = (await queue('date=2026-10-12&pageSize=4')).json<{ items: { id: number }[]; nextCursor: string }>();
    const second = (await queue(`date=2026-10-12&pageSize=4&after=${encodeURIComponent(first.nextCursor)}`)).json<{ items: { id: number; date: string }[] }>();
    const sameDay = expected.filter((e) => e.date === '2026-10-12').map((e) => e.id);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(sameDay.slice(0, 8));

    const bad = await queue(`after=${encodeURIComponent("1' or 1=1 --")}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string; message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('every list caps its page size', async () => {
    const { token } = await w.enterpriseUser();
    const over = [
      ['GET', '/api/v1/admin/deliveries?pageSize=101', w.handler],
      ['GET', '/api/v1/me/deliveries?pageSize=51', token],
      ['GET', '/api/v1/me/policy-matches?pageSize=101', token],
      ['GET', '/api/v1/policies?pageSize=51', token],
      ['GET', '/api/v1/admin/enterprises?pageSize=101', w.admin],
    ] as const;
    for (const [method, url, who] of over) {
      const res = await w.t.app.inject({ method, url, headers: bearer(who) });
      expect([url, res.statusCode]).toEqual([url, 400]);
    }
    const matches = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/policy-matches?pageSize=1', headers: bearer(token) });
    expect(matches.statusCode).toBe(200);
    expect(matches.json<unknown[]>().length).toBeLessThanOrEqual(1);
    expect(Number(matches.headers['x-total-count'])).toBeGreaterThanOrEqual(0);
  });
});
