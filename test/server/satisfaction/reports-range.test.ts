import ExcelJS from 'exceljs';
import { databases } from '../helper';
import { insertPolicy, rateProject, world, type World } from './world';

/**
 * A custom range 2026-10-08~2026-11-27 (China dates, both inclusive) is the instants
 * [2026-10-07T16:00Z, 2026-11-27T16:00Z). Every kind of row sits one millisecond (or one day) on each side of both edges.
 */
const RANGE = '2026-10-08~2026-11-27';
const EDGES = {
  beforeStart: '2026-10-07T15:59:59.999Z',
  atStart: '2026-10-07T16:00:00.000Z',
  beforeEnd: '2026-11-27T15:59:59.999Z',
  atEnd: '2026-11-27T16:00:00.000Z',
} as const;
type Edge = keyof typeof EDGES;
const ORDER: Edge[] = ['beforeStart', 'atStart', 'beforeEnd', 'atEnd'];

describe.each(databases())('report for a custom date range (%s)', (kind) => {
  let w: World;
  const rows: Record<'ratings' | 'ticketsRaised' | 'policiesEntered' | 'benefitsPaid' | 'deliveriesDelivered', Record<Edge, number>> = {
    ratings: {} as Record<Edge, number>,
    ticketsRaised: {} as Record<Edge, number>,
    policiesEntered: {} as Record<Edge, number>,
    benefitsPaid: {} as Record<Edge, number>,
    deliveriesDelivered: {} as Record<Edge, number>,
  };
  const inside = (figure: keyof typeof rows) => [rows[figure].atStart, rows[figure].beforeEnd];

  beforeAll(async () => {
    w = await world(kind);
    const e = await w.enterprise();
    const paidOn: Record<Edge, string> = { beforeStart: '2026-10-07', atStart: '2026-10-08', beforeEnd: '2026-11-27', atEnd: '2026-11-28' };

    for (const [i, edge] of ORDER.entries()) {
      w.setNow(EDGES[edge]);
      // A project may be rated once per stage: one project per edge.
      const rating = await rateProject(w, e, await w.project(e.enterpriseId, `重点项目${i + 1}`), 1);
      rows.ratings[edge] = rating.id;
      rows.ticketsRaised[edge] = rating.ticketId!;
      const policy = await insertPolicy(w, w.departments.a, `政策${i + 1}`, EDGES[edge]);
      rows.policiesEntered[edge] = policy;
      const at = EDGES[edge];
      rows.benefitsPaid[edge] = (
        await w.t.app.db
          .insertInto('benefits')
          .values({ policy_id: policy, enterprise_id: e.enterpriseId, status: 'paid', basis: '依据', data_used: '数据', amount_fen: 1000, objection: null, paid_amount_fen: 1000, paid_on: paidOn[edge], created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const delivery = await w.t.app.db
        .insertInto('deliveries')
        .values({ enterprise_id: e.enterpriseId, created_by: e.userId, status: 'delivered', items: '[]', mode: '自取', recipient_name: '王小明', phone_enc: 'x', phone_masked: '138****1234', date: at.slice(0, 10), period: '上午', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await w.t.app.db.insertInto('delivery_handovers').values({ delivery_id: delivery.id, receiver_name: '王小明', at, by_name: '区政务服务中心', actor_user_id: null, signature: 'data:image/png;base64,AAAA' }).execute();
      rows.deliveriesDelivered[edge] = delivery.id;
    }
    w.setNow('2026-11-27T08:00:00.000Z');
  });
  afterAll(async () => w.close());

  it('counts exactly the rows inside the range, both ends inclusive, and names the dates', async () => {
    const res = await w.get(w.admin, `/api/v1/admin/reports/quarterly?period=${RANGE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ period: string; from: string; to: string; figures: { key: string; value: number; drillDown: string }[] }>();
    expect(body).toMatchObject({ period: RANGE, from: '2026-10-08', to: '2026-11-27' });
    const values = Object.fromEntries(body.figures.map((f) => [f.key, f.value]));
    expect(values).toMatchObject({ ratings: 2, ticketsRaised: 2, policiesEntered: 2, benefitsPaid: 2, deliveriesDelivered: 2 });
    expect(body.figures.find((f) => f.key === 'ratings')!.drillDown).toBe(`/api/v1/admin/reports/quarterly/ratings?period=${RANGE}`);

    // The quarter holds all four: the range, not the data, left two out.
    const q4 = Object.fromEntries((await w.get(w.admin, '/api/v1/admin/reports/quarterly?period=2026Q4')).json<typeof body>().figures.map((f) => [f.key, f.value]));
    expect(q4).toMatchObject({ ratings: 4, ticketsRaised: 4, policiesEntered: 4, benefitsPaid: 4, deliveriesDelivered: 4 });
  });

  it('drills down to the same ids the figures counted, following the report’s links', async () => {
    const report = (await w.get(w.admin, `/api/v1/admin/reports/quarterly?period=${RANGE}`)).json<{ figures: { key: string; value: number; drillDown: string }[] }>();
    for (const figure of Object.keys(rows) as (keyof typeof rows)[]) {
      const link = report.figures.find((f) => f.key === figure)!.drillDown;
      const res = await w.get(w.admin, link);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ figure, period: RANGE, total: 2, ids: inside(figure) });
    }
    // Every figure's drill-down agrees with its count, including those not seeded edge by edge.
    for (const f of report.figures) {
      const res = (await w.get(w.admin, f.drillDown)).json<{ total: number; ids: number[] }>();
      expect(res.total).toBe(f.value);
    }
  });

  it('a one-day range is that China day', async () => {
    const res = (await w.get(w.admin, '/api/v1/admin/reports/quarterly/ratings?period=2026-10-08~2026-10-08')).json();
    expect(res).toMatchObject({ total: 1, ids: [rows.ratings.atStart] });
  });

  it('downloads the range as .xlsx with the dates in the title and the file name', async () => {
    const res = await w.get(w.admin, `/api/v1/admin/reports/quarterly?period=${RANGE}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('工作数据-2026-10-08至2026-11-27.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('2026-10-08至2026-11-27');
    expect(sheet.getRow(2).getCell(1).value).toBe('收到满意度评价');
    expect(sheet.getRow(2).getCell(2).value).toBe(2);
  });

  it.each([
    ['2026-11-27~2026-10-08', '截止日期 2026-10-08 早于起始日期 2026-11-27'],
    ['2026-02-30~2026-03-10', '起始日期 2026-02-30 不存在'],
    ['2026-10-08~2026-13-01', '截止日期 2026-13-01 不存在'],
    ['1999-12-01~2000-01-31', '起始日期的年份应在2000至2099之间'],
    ['2099-12-01~2100-01-31', '截止日期的年份应在2000至2099之间'],
    ['2023-01-01~2026-01-01', '日期范围不能超过3年'],
    ['2026-10-08/2026-11-27', '应为季度（如 2026Q4）、全年（如 2026）或日期范围（如 2026-10-08~2026-11-27）'],
    ['2026Q5', '应为季度（如 2026Q4）、全年（如 2026）或日期范围（如 2026-10-08~2026-11-27）'],
  ])('rejects period %s with a 400 on field period', async (period, reason) => {
    for (const url of [`/api/v1/admin/reports/quarterly?period=${period}`, `/api/v1/admin/reports/quarterly/ratings?period=${period}`]) {
      const res = await w.get(w.admin, url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: `period：${reason}`, field: 'period' } });
    }
  });

  it('accepts a range of exactly three years', async () => {
    const res = await w.get(w.admin, '/api/v1/admin/reports/quarterly?period=2024-01-01~2026-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ from: '2024-01-01', to: '2026-12-31' });
  });

  it('is for the office only', async () => {
    expect((await w.get(w.staffA, `/api/v1/admin/reports/quarterly?period=${RANGE}`)).statusCode).toBe(403);
  });
});
