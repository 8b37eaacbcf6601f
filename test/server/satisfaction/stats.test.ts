import { backfillRaterCounts } from '../../../server/migrations/0006-rating-raters';
import { databases } from '../helper';
import { rateProject, scores, world, type EnterpriseUser, type World } from './world';

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
      tickets: { raised: 2, calledBack: 1, callbackRate: 0.5, rectified: 0, rectificationRate: 0, rectifiedOnTime: 0, onTimeRate: null, overdue: 0 },
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

  it('keeps distinct-rater counts exact: one enterprise counts once (even racing itself), across quarters, and until its last rating is voided', async () => {
    const d = w.departments.delivery;
    const rateDept = (e: EnterpriseUser, stage: string, overall = 4) => w.rate(e, { target: { kind: 'department', departmentId: d, stage }, scores: scores(overall) });
    const kept = async (quarter: string) =>
      Number(
        (await w.t.app.db.selectFrom('rating_group_raters').select('raters').where('group_kind', '=', 'department').where('group_id', '=', d).where('quarter', '=', quarter).executeTakeFirst())
          ?.raters ?? 0,
      );
    const counted = async (quarter: string) =>
      Number(
        (
          await w.t.app.db
            .selectFrom('ratings')
            .select((eb) => eb.fn.count('enterprise_id').distinct().as('n'))
            .where('department_id', '=', d)
            .where('quarter', '=', quarter)
            .where('voided', '=', 0)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [e1, e2, e3, e4, e5] = await Promise.all(Array.from({ length: 5 }, () => w.enterprise()));

    w.setNow('2026-08-03T02:00:00.000Z'); // 2026Q3: three raters
    for (const e of [e1, e2, e3]) expect((await rateDept(e, '三季度走访')).statusCode).toBe(201);
    w.setNow('2026-11-10T02:00:00.000Z'); // 2026Q4: e1 twice at once (the second a 1, so it can be appealed), e2 once
    const q4 = await Promise.all([rateDept(e1, '四季度走访'), rateDept(e1, '企业开办', 1), rateDept(e2, '四季度走访')]);
    expect(q4.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect([await kept('2026Q3'), await kept('2026Q4')]).toEqual([3, 2]);

    // The year has 3 + 2 rater-quarters but only 3 distinct raters: still hidden.
    expect(group(await stats('period=2026&by=department'), d).figures.suppressed).toBe(true);
    await Promise.all([rateDept(e4, '四季度走访'), rateDept(e5, '四季度走访')]);
    const year = group(await stats('period=2026&by=department'), d).figures;
    expect(year).toMatchObject({ suppressed: false, ratings: 8, distribution: [1, 0, 0, 7, 0] });
    // 2026Q4 alone: 5 ratings from 4 raters — hidden.
    expect(group(await stats('period=2026Q4&by=department'), d).figures).toMatchObject({ suppressed: true, ratings: null });
    expect(await kept('2026Q4')).toBe(4);

    // Voiding one of e1's two ratings leaves e1 a rater; the counts still equal COUNT(DISTINCT).
    const ticket = q4[1].json<{ ticketId: number }>().ticketId;
    expect((await w.post(w.staffDelivery, `/api/v1/tickets/${ticket}/appeal`, { reason: '误评' })).statusCode).toBe(200);
    expect((await w.post(w.admin, `/api/v1/admin/appeals/${ticket}/decide`, { upheld: true, note: '经核实属误评' })).statusCode).toBe(200);
    expect(await kept('2026Q4')).toBe(4);
    expect(group(await stats('period=2026&by=department'), d).figures).toMatchObject({ suppressed: false, ratings: 7 });
    for (const q of ['2026Q3', '2026Q4']) expect(await kept(q)).toBe(await counted(q));
  });

  it('rebuilds the same rater counts from the ratings (what migration 0006 does on an existing database)', async () => {
    const db = w.t.app.db;
    const snapshot = async () => ({
      raters: await db.selectFrom('rating_raters').selectAll().where('ratings', '>', 0).orderBy('group_kind').orderBy('group_id').orderBy('quarter').orderBy('enterprise_id').execute(),
      groups: await db.selectFrom('rating_group_raters').selectAll().where('raters', '>', 0).orderBy('group_kind').orderBy('quarter').orderBy('group_id').execute(),
    });
    const before = await snapshot();
    expect(before.groups.length).toBeGreaterThan(5);
    await db.deleteFrom('rating_raters').execute();
    await db.deleteFrom('rating_group_raters').execute();
    await backfillRaterCounts(db);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the ticket figures (maintained by triggers through callback, rectification, reopening and voiding) equal to a count over the tickets', async () => {
    const db = w.t.app.db;
    // A ticket through its whole life, and one reopened after its fix.
    const live: number[] = [];
    for (const stage of ['一季度', '二季度']) {
      const e = await w.enterprise();
      const r = await w.rate(e, { target: { kind: 'department', departmentId: w.departments.a, stage }, scores: scores(1) });
      const id = r.json<{ ticketId: number }>().ticketId;
      live.push(id);
      expect((await w.post(w.staffA, `/api/v1/tickets/${id}/callback`, { outcome: '已电话回访' })).statusCode).toBe(200);
      expect((await w.post(w.staffA, `/api/v1/tickets/${id}/rectify`, { fix: '专人对接', reply: '已整改' })).statusCode).toBe(200);
      const next = stage === '一季度' ? 'confirm' : 'reopen';
      expect((await w.post(e.token, `/api/v1/tickets/${id}/${next}`, next === 'reopen' ? { reason: '问题仍未解决' } : undefined)).statusCode).toBe(200);
    }
    const kept = await db
      .selectFrom('ticket_stats')
      .select(['quarter', 'department_id', 'project_id', 'raised', 'called_back', 'rectified', 'on_time'])
      .where('raised', '>', 0)
      .orderBy('quarter')
      .orderBy('department_id')
      .orderBy('project_id')
      .execute();
    const tickets = await db.selectFrom('tickets').select(['id', 'quarter', 'department_id', 'project_id', 'status', 'callback_at', 'rectified_on_time']).execute();
    const counted = new Map<string, { quarter: string; department_id: number; project_id: number; raised: number; called_back: number; rectified: number; on_time: number }>();
    for (const t of tickets.filter((x) => x.status !== 'voided')) {
      const key = `${t.quarter}|${t.department_id}|${t.project_id ?? 0}`;
      const row = counted.get(key) ?? { quarter: t.quarter, department_id: t.department_id, project_id: t.project_id ?? 0, raised: 0, called_back: 0, rectified: 0, on_time: 0 };
      row.raised += 1;
      if (t.callback_at !== null) row.called_back += 1;
      if (t.status === 'rectified' || t.status === 'closed') {
        row.rectified += 1;
        if (t.rectified_on_time === 1) row.on_time += 1;
      }
      counted.set(key, row);
    }
    const expected = [...counted.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.department_id - b.department_id || a.project_id - b.project_id);
    expect(kept.map((r) => ({ ...r, raised: Number(r.raised), called_back: Number(r.called_back), rectified: Number(r.rectified), on_time: Number(r.on_time) }))).toEqual(expected);
    // Every kind of change was made: voided by appeals above, called back, closed, reopened.
    expect(tickets.filter((t) => t.status === 'voided').length).toBeGreaterThanOrEqual(2);
    expect(tickets.filter((t) => live.includes(t.id)).map((t) => t.status).sort()).toEqual(['closed', 'reopened']);
    expect(expected.reduce((a, r) => a + r.rectified, 0)).toBeGreaterThanOrEqual(1);

    // The dashboard's 整改率 for the department: its tickets of the quarter rectified or closed, over those raised.
    const quarter = tickets.find((t) => t.id === live[0])!.quarter;
    const mine = expected.filter((r) => r.quarter === quarter && r.department_id === w.departments.a);
    const raised = mine.reduce((a, r) => a + r.raised, 0);
    const rectified = mine.reduce((a, r) => a + r.rectified, 0);
    const figures = group(await stats(`period=${quarter}&by=department`), w.departments.a).tickets;
    expect(figures).toMatchObject({ raised, rectified, rectificationRate: Math.round((rectified / raised) * 10000) / 10000 });
    expect(figures.rectificationRate).toBeGreaterThan(0);
  });

  it('is for the office and staff only', async () => {
    const e = await w.enterprise();
    expect((await w.get(e.token, '/api/v1/admin/stats/satisfaction?period=2026Q4')).statusCode).toBe(403);
    expect((await w.get(w.admin, '/api/v1/admin/stats/satisfaction?period=2026Q5')).statusCode).toBe(400);
  });
});
