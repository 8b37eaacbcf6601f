import { databases } from '../helper';
import { rateProject, scores, world, type World } from './world';

interface Group {
  key: { id: number | null; name: string };
  figures: Record<string, unknown>;
  tickets: Record<string, unknown>;
}

describe.each(databases())('satisfaction statistics (%s)', (kind) => {
  let w: World;
  const ticketIds: number[] = [];
  beforeAll(async () => {
    w = await world(kind);
    w.setNow('2026-11-10T02:00:00.000Z'); // 2026Q4
    // 区发改委: six enterprises rate their projects, overall 5 4 4 3 2 1 (efficiency = 3 each).
    for (const overall of [5, 4, 4, 3, 2, 1]) {
      const e = await w.enterprise();
      const p = await w.project(e.enterpriseId, `项目${overall}`);
      const r = await rateProject(w, e, p, overall, '立项', 3);
      if (r.ticketId) ticketIds.push(r.ticketId);
    }
    // 区科工局: only two raters — must never be shown.
    for (const overall of [5, 1]) {
      const e = await w.enterprise();
      const res = await w.rate(e, { target: { kind: 'department', departmentId: w.departments.b }, scores: scores(overall) });
      expect(res.statusCode).toBe(201);
    }
    // One rating in 2026Q3 for the trend.
    w.setNow('2026-08-03T02:00:00.000Z');
    const e = await w.enterprise();
    await w.rate(e, { target: { kind: 'department', departmentId: w.departments.a }, scores: scores(5) });
    w.setNow('2026-11-10T02:00:00.000Z');
    // One of the two tickets called back.
    await w.post(w.staffA, `/api/v1/tickets/${ticketIds[0]}/callback`, { outcome: '已电话回访' });
  });
  afterAll(async () => w.close());

  const stats = async (query: string) => {
    const res = await w.get(w.admin, `/api/v1/admin/stats/satisfaction?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const group = (body: { groups: Group[] }, id: number) => body.groups.find((g) => g.key.id === id)!;

  it('gives exact figures by department, suppressing groups under 5 raters', async () => {
    const body = await stats('period=2026Q4&by=department');
    expect(group(body, w.departments.a)).toEqual({
      key: { id: w.departments.a, name: '区发改委' },
      figures: {
        suppressed: false,
        note: null,
        ratings: 6,
        distribution: [1, 1, 1, 2, 1],
        satisfactionRate: 0.5,
        meanOverall: 3.17,
        meanEfficiency: 3,
        meanLevel: 3,
        meanAttitude: 3,
      },
      tickets: { raised: 2, calledBack: 1, callbackRate: 0.5, rectified: 0, rectifiedOnTime: 0, onTimeRate: null, overdue: 0 },
    });
    const small = group(body, w.departments.b);
    expect(small.figures).toEqual({
      suppressed: true,
      note: '参与评价的企业少于5家，为保护评价人不予显示',
      ratings: null,
      distribution: null,
      satisfactionRate: null,
      meanOverall: null,
      meanEfficiency: null,
      meanLevel: null,
      meanAttitude: null,
    });
    // District total: 8 ratings from 8 raters: 5 4 4 3 2 1 5 1.
    expect(body.total.figures).toMatchObject({ ratings: 8, distribution: [2, 1, 1, 2, 2], satisfactionRate: 0.5, meanOverall: 3.13 });
    expect(body.trend.map((t: { quarter: string }) => t.quarter)).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    // 2026Q3 has a single rater: suppressed in the trend as well.
    expect(body.trend[6]).toEqual({ quarter: '2026Q3', suppressed: true, ratings: null, satisfactionRate: null, meanOverall: null });
    expect(body.trend[7]).toMatchObject({ suppressed: false, ratings: 8 });
  });

  it('groups by project (each project has one rater, so all are suppressed) and by quarter', async () => {
    const byProject = await stats('period=2026Q4&by=project');
    expect(byProject.groups).toHaveLength(6);
    expect(byProject.groups.every((g: Group) => g.figures.suppressed === true)).toBe(true);
    const byYear = await stats('period=2026&by=quarter');
    expect(byYear.groups.map((g: Group) => [g.key.name, g.figures.ratings])).toEqual([
      ['2026Q1', null],
      ['2026Q2', null],
      ['2026Q3', null],
      ['2026Q4', 8],
    ]);
    expect(byYear.total.figures.ratings).toBe(9);
  });

  it('an upheld appeal takes the rating out of every figure, and a group falling under 5 raters is hidden', async () => {
    const before = await stats('period=2026Q4');
    expect(before.excludedByAppeal).toBe(0);
    // Void the rating of 1 (the second ticket).
    await w.post(w.staffA, `/api/v1/tickets/${ticketIds[1]}/appeal`, { reason: '恶意差评' });
    await w.post(w.admin, `/api/v1/admin/appeals/${ticketIds[1]}/decide`, { upheld: true, note: '经核实属实' });
    const after = await stats('period=2026Q4');
    expect(after.excludedByAppeal).toBe(1);
    expect(group(after, w.departments.a).figures).toMatchObject({ ratings: 5, distribution: [0, 1, 1, 2, 1], satisfactionRate: 0.6, meanOverall: 3.6 });
    expect(group(after, w.departments.a).tickets).toMatchObject({ raised: 1, calledBack: 1, callbackRate: 1 });

    // One more upheld appeal leaves 4 raters: the department's figures disappear.
    await w.post(w.staffA, `/api/v1/tickets/${ticketIds[0]}/appeal`, { reason: '与事实不符' });
    await w.post(w.admin, `/api/v1/admin/appeals/${ticketIds[0]}/decide`, { upheld: true, note: '经核实属实' });
    const hidden = await stats('period=2026Q4');
    expect(group(hidden, w.departments.a).figures.suppressed).toBe(true);
  });

  it('the pre-aggregates agree with the ratings after concurrent inserts', async () => {
    const raters = await Promise.all(Array.from({ length: 12 }, () => w.enterprise()));
    const results = await Promise.all(raters.map((e, i) => w.rate(e, { target: { kind: 'department', departmentId: w.departments.b }, scores: scores((i % 5) + 1) })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const body = await stats('period=2026Q4');
    // 区科工局: the earlier 5 and 1, plus 12 ratings cycling 1..5 → counts [1+3, 3, 2, 2, 1+2].
    expect(group(body, w.departments.b).figures).toMatchObject({ ratings: 14, distribution: [4, 3, 2, 2, 3] });
    const exact = await w.t.app.db
      .selectFrom('ratings')
      .select(['overall', (eb) => eb.fn.countAll().as('n')])
      .where('department_id', '=', w.departments.b)
      .where('voided', '=', 0)
      .groupBy('overall')
      .orderBy('overall')
      .execute();
    expect(exact.map((r) => Number(r.n))).toEqual([4, 3, 2, 2, 3]);
  });

  it('is for the office and staff only', async () => {
    const e = await w.enterprise();
    expect((await w.get(e.token, '/api/v1/admin/stats/satisfaction?period=2026Q4')).statusCode).toBe(403);
    expect((await w.get(w.admin, '/api/v1/admin/stats/satisfaction?period=2026Q5')).statusCode).toBe(400);
  });
});
