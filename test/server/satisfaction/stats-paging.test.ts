import { databases } from '../helper';
import { rateProject, scores, world, type World } from './world';

interface Group {
  key: { id: number | null; name: string };
  figures: { suppressed: boolean; ratings: number | null };
  tickets: { raised: number; overdue: number };
}
interface Stats {
  total: Group;
  groups: Group[];
  trend: unknown[];
  excludedByAppeal: number;
  page: { totalGroups: number; nextCursor: string | null };
}

const PROJECTS = 7;

describe.each(databases())('satisfaction statistics in pages (%s)', (kind) => {
  let w: World;
  const projectIds: number[] = [];
  beforeAll(async () => {
    w = await world(kind);
    w.setNow('2026-11-10T02:00:00.000Z'); // 2026Q4
    // Seven projects, each rated by its owner: overall 1 2 3 4 5 1 2 — four of them raise a ticket.
    for (let i = 0; i < PROJECTS; i++) {
      const e = await w.enterprise();
      const p = await w.project(e.enterpriseId, `分页项目${i + 1}`);
      projectIds.push(p);
      await rateProject(w, e, p, (i % 5) + 1);
    }
    // Department ratings with no project: in the district total, in no project group.
    for (const overall of [5, 4, 5, 4, 3]) {
      const e = await w.enterprise();
      expect((await w.rate(e, { target: { kind: 'department', departmentId: w.departments.b }, scores: scores(overall) })).statusCode).toBe(201);
    }
  });
  afterAll(async () => w.close());

  const get = (query: string) => w.get(w.admin, `/api/v1/admin/stats/satisfaction?${query}`);
  const stats = async (query: string): Promise<Stats> => {
    const res = await get(query);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const refused = (res: { statusCode: number; json(): unknown }, code: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code, message: expect.stringMatching(/\p{Script=Han}/u), field: 'cursor' } });
  };

  /** Follows nextCursor from the first page to the last. */
  const allPages = async (query: string): Promise<Stats[]> => {
    const pages: Stats[] = [];
    let cursor: string | null = null;
    do {
      const page: Stats = await stats(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(page);
      cursor = page.page.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  };

  it('pages the projects in id order: every project exactly once, each page as the one-page answer has it', async () => {
    const whole = await stats('period=2026Q4&by=project&pageSize=100');
    expect(whole.page).toEqual({ totalGroups: PROJECTS, nextCursor: null });
    expect(whole.groups.map((g) => g.key.id)).toEqual(projectIds);

    const pages = await allPages('period=2026Q4&by=project&pageSize=3');
    expect(pages.map((p) => p.groups.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.groups)).toEqual(whole.groups);
    expect(pages.map((p) => p.page.totalGroups)).toEqual([PROJECTS, PROJECTS, PROJECTS]);
    // The tickets of projects rated 1 or 2 show on whichever page the project falls.
    expect(pages.flatMap((p) => p.groups).map((g) => g.tickets.raised)).toEqual([1, 1, 0, 0, 0, 1, 1]);
  });

  it('keeps the district total, trend and appeal count over all ratings on every page', async () => {
    const pages = await allPages('period=2026Q4&by=project&pageSize=2');
    expect(pages).toHaveLength(4);
    // 7 project ratings (1 2 3 4 5 1 2) and 5 department ratings (5 4 5 4 3): 12 ratings from 12 raters.
    for (const p of pages) {
      expect(p.total.figures).toMatchObject({ suppressed: false, ratings: 12, distribution: [2, 2, 2, 3, 3], satisfactionRate: 0.5 });
      expect(p.total.tickets).toMatchObject({ raised: 4 });
      expect(p.trend).toEqual(pages[0].trend);
      expect(p.excludedByAppeal).toBe(0);
    }
  });

  it('answers the default grouping in one page of at most 50, and pages departments with the same cursor', async () => {
    const first = await stats('period=2026Q4&by=project');
    expect(first.groups).toHaveLength(PROJECTS);
    expect(first.page.nextCursor).toBeNull();

    const departments = await allPages('period=2026Q4&by=department&pageSize=1');
    expect(departments.map((p) => p.groups.map((g) => g.key.id))).toEqual([[w.departments.a], [w.departments.b]]);
    expect(departments[1].groups[0].figures).toMatchObject({ suppressed: false, ratings: 5 });

    const quarters = await stats('period=2026&by=quarter&pageSize=1');
    expect(quarters.groups.map((g) => g.key.name)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(quarters.page).toEqual({ totalGroups: 4, nextCursor: null });
  });

  it('refuses a cursor it did not hand out for this view with 400 INVALID_CURSOR and a Chinese message', async () => {
    const next = (await stats('period=2026Q4&by=project&pageSize=3')).page.nextCursor!;
    expect((await get(`period=2026Q4&by=project&pageSize=3&cursor=${next}`)).statusCode).toBe(200);
    refused(await get(`period=2026Q4&by=department&cursor=${next}`), 'INVALID_CURSOR');
    refused(await get(`period=2026Q3&by=project&cursor=${next}`), 'INVALID_CURSOR');
    refused(await get(`period=2026&by=quarter&cursor=${next}`), 'INVALID_CURSOR');
    refused(await get('period=2026Q4&by=project&cursor=abc'), 'INVALID_CURSOR');
    const forged = Buffer.from('project~2026Q4~99999999999').toString('base64url');
    refused(await get(`period=2026Q4&by=project&cursor=${forged}`), 'INVALID_CURSOR');
    // Characters no cursor has, or one far too long, fail the schema.
    expect((await get('period=2026Q4&by=project&cursor=%27%20or%201%3D1')).json()).toMatchObject({ error: { code: 'VALIDATION' } });
    expect((await get(`period=2026Q4&by=project&cursor=${'a'.repeat(65)}`)).statusCode).toBe(400);
    expect((await get('period=2026Q4&by=project&pageSize=101')).statusCode).toBe(400);
    expect((await get('period=2026Q4&by=project&pageSize=0')).statusCode).toBe(400);
  });
});
