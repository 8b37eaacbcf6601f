import { MIN_GROUP_RATERS } from '../../types/satisfaction';
import { DEMO_STAFF_PASSWORD } from '../../server/config';
import { quarterOf } from '../../server/repositories/stats-period';
import { ADMIN_USERNAME, seedIfEmpty, type SeedSummary } from '../../server/seed';
import { ticketStories } from '../../server/seed/data/activity';
import { enterprises } from '../../server/seed/data/enterprises';
import { staff } from '../../server/seed/data/staff';
import { ADMIN, bearer, build, databases, staffLogin, wechatLogin, type TestApp } from './helper';

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind, { accounts: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('fills an empty database with the demo district once', async () => {
    const first = await seedIfEmpty(t.app.db, t.config);
    expect(first.seeded).toBe(true);
    expect(first.enterprises).toBe(50);
    expect(first.policies).toBeGreaterThanOrEqual(30);
    expect(first.departments).toBeGreaterThan(5);
    expect(first.projects).toBeGreaterThan(0);
    const again = await seedIfEmpty(t.app.db, t.config);
    expect(again.seeded).toBe(false);
  });

  it('lets the admin in with ADMIN_PASSWORD and demo staff with the demo password', async () => {
    const admin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: ADMIN_USERNAME, password: ADMIN.password } });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().user.role).toBe('admin');
    const member = staff.find((s) => s.role === 'staff' && s.department)!;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: member.username, password: DEMO_STAFF_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'staff', displayName: member.displayName, department: { name: member.department } });
  });

  it('lists the seeded departments to anyone, for filters and forms', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(res.statusCode).toBe(200);
    const names = res.json().map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['区科工局', '区政务服务中心', '区营商办']));
  });

  it('lists the 50 seeded enterprises to the admin', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: ADMIN_USERNAME, password: ADMIN.password } });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?pageSize=100', headers: { authorization: `Bearer ${login.json().token}` } });
    expect(res.json().total).toBe(50);
  });
});

/** Staff and owners of the demo seed, as README's banner prints them. */
const demoStaff = (t: TestApp, username: string) => staffLogin(t.app, { username, password: DEMO_STAFF_PASSWORD });
const get = async <T>(t: TestApp, token: string, url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};

interface Listed<T> {
  items: T[];
  total: number;
}
type QueueItem = { id: number; status: string; mode: string; date: string; period: string; trackingNo: string | null; phoneMasked: string; enterprise: { name: string } };
type ThreadItem = { id: number; answered: boolean; overdue: boolean; subject: { kind: string }; department: { name: string }; lastPost: { from: string } };
type TicketItem = {
  id: number;
  status: string;
  overdue: boolean;
  department: { name: string };
  subject: { stage: string };
  problem: { description: string } | null;
  history: { action: string; by: string }[];
};

describe.each(databases())('%s: demo activity (DEMO=1)', (kind) => {
  let t: TestApp;
  let summary: SeedSummary;
  let admin: string;
  beforeAll(async () => {
    t = await build(kind, { accounts: false });
    const started = performance.now();
    summary = await seedIfEmpty(t.app.db, t.config);
    process.stdout.write(`  ${kind}: seedIfEmpty with demo activity ${Math.round(performance.now() - started)} ms\n`);
    admin = await staffLogin(t.app, ADMIN);
  });
  afterAll(async () => {
    await t.close();
  });

  it('fills the delivery desk’s queue with bookings in every status on working days, within slot capacity', async () => {
    const zwfw = await demoStaff(t, 'zwfw');
    const queue = await get<Listed<QueueItem>>(t, zwfw, '/api/v1/admin/deliveries?pageSize=100');
    expect(queue.total).toBe(summary.deliveries);
    expect(new Set(queue.items.map((d) => d.status))).toEqual(new Set(['submitted', 'accepted', 'dispatched', 'delivered', 'failed', 'cancelled']));
    // The default screen (待受理) is not empty either.
    expect((await get<Listed<QueueItem>>(t, zwfw, '/api/v1/admin/deliveries?status=submitted')).total).toBeGreaterThan(0);
    for (const d of queue.items) {
      expect(t.app.calendar.isWorkingDay(d.date)).toBe(true);
      expect(d.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
      // A courier number once a courier took it (自取 is handed over at the hall).
      expect(d.trackingNo !== null).toBe(d.mode !== '自取' && ['dispatched', 'delivered', 'failed'].includes(d.status));
    }

    // Each slot's counter is exactly its live bookings (a cancelled one gave its place back), never over capacity.
    const dates = queue.items.map((d) => d.date).sort();
    const usage = await t.app.repos.deliveries.slotUsage(dates[0], dates[dates.length - 1]);
    const live = new Map<string, number>();
    for (const d of queue.items) if (d.status !== 'cancelled') live.set(`${d.date} ${d.period}`, (live.get(`${d.date} ${d.period}`) ?? 0) + 1);
    expect(usage.length).toBeGreaterThan(0);
    for (const u of usage) {
      expect(Number(u.booked)).toBe(live.get(`${u.date} ${u.period}`) ?? 0);
      expect(Number(u.booked)).toBeLessThanOrEqual(Number(u.capacity));
    }

    // Full records: a handover for the delivered, a reason for the cancelled and the failed, a timeline ending in the status.
    for (const d of queue.items.filter((x) => ['delivered', 'cancelled', 'failed', 'dispatched'].includes(x.status))) {
      const full = await get<{ status: string; phone: string; handover: { receiverName: string; signature: string } | null; cancelReason: string | null; failureReason: string | null; events: { status: string; at: string; note: string | null }[] }>(
        t,
        zwfw,
        `/api/v1/admin/deliveries/${d.id}`,
      );
      expect(full.phone).toMatch(/^1380000\d{4}$/);
      expect(full.events[0].status).toBe('submitted');
      // The demo books through the same wording as the app: the slot with its year, as 年月日.
      const [y, m, day] = d.date.split('-').map(Number);
      expect(full.events[0].note).toBe(`${y}年${m}月${day}日 ${d.period}`);
      expect(full.events.at(-1)!.status).toBe(full.status);
      expect(full.events.map((e) => e.at)).toEqual([...full.events.map((e) => e.at)].sort());
      if (d.status === 'delivered') expect(full.handover?.signature).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      if (d.status === 'cancelled') expect(full.cancelReason).toBeTruthy();
      if (d.status === 'failed') expect(full.failureReason).toBeTruthy();
    }
  });

  it('gives departments 留言 to answer: answered, waiting and exactly one overdue', async () => {
    const all = await get<Listed<ThreadItem>>(t, admin, '/api/v1/admin/messages?pageSize=50');
    expect(all.total).toBe(summary.messages);
    expect(all.items.filter((m) => m.overdue)).toHaveLength(1);
    expect(all.items.some((m) => m.answered && m.lastPost.from === 'staff')).toBe(true);
    expect(all.items.some((m) => !m.answered && !m.overdue)).toBe(true);
    expect(new Set(all.items.map((m) => m.subject.kind))).toEqual(new Set(['policy', 'benefit']));

    // 区人社局 (printed on the banner) finds the overdue one first in its own inbox.
    const rsj = await get<Listed<ThreadItem>>(t, await demoStaff(t, 'rsj'), '/api/v1/admin/messages');
    expect(rsj.total).toBeGreaterThan(0);
    expect(rsj.items.every((m) => m.department.name === '区人社局')).toBe(true);
    expect(rsj.items[0].overdue).toBe(true);
  });

  it('keeps a 整改台账 with tickets in every state and their history, and ticket_stats equal to a count over the tickets', async () => {
    const ledger = await get<Listed<TicketItem>>(t, admin, '/api/v1/admin/tickets?pageSize=100');
    expect(ledger.total).toBe(summary.tickets);
    expect(new Set(ledger.items.map((x) => x.status))).toEqual(new Set(['open', 'called_back', 'reopened', 'rectified', 'closed']));
    // 逾期 as the letters count it: past the rectification deadline (区科工局) or still awaiting a callback past its time (区人社局, reopened).
    expect(ledger.items.filter((x) => x.overdue).map((x) => x.department.name).sort()).toEqual(['区人社局', '区科工局']);
    for (const ticket of ledger.items) {
      expect(ticket.history[0]).toMatchObject({ action: 'created', by: '系统' });
      // The history names departments and 企业, never a person.
      for (const e of ticket.history.slice(1)) expect([ticket.department.name, '企业']).toContain(e.by);
    }
    expect((await get<Listed<TicketItem>>(t, await demoStaff(t, 'rsj'), '/api/v1/admin/tickets')).total).toBeGreaterThan(0);
    // Each complaint is filed under the service it is about (a licence change is not rated as 特种设备检验).
    for (const story of ticketStories.filter((s) => s.service)) {
      const ticket = ledger.items.find((x) => x.problem?.description === story.problem.description);
      expect([story.key, ticket?.subject.stage]).toEqual([story.key, story.service]);
    }

    // Today's 工作提醒函 already lists the overdue ticket and the overdue 留言, each to its own department.
    const letters = await get<Listed<{ id: number }>>(t, admin, '/api/v1/admin/reminders');
    expect(letters.total).toBe(summary.reminderLetters);
    const listed: { kind: string; id: number; department: string }[] = [];
    for (const { id } of letters.items) {
      const { letter } = await get<{ letter: { department: { name: string }; items: { kind: string; id: number }[] } }>(t, admin, `/api/v1/admin/reminders/${id}`);
      listed.push(...letter.items.map((i) => ({ ...i, department: letter.department.name })));
    }
    // Exactly the tickets the ledger's 仅看逾期 shows, each to its own department.
    const overdueTickets = ledger.items.filter((x) => x.overdue).map((x) => ({ kind: 'ticket', id: x.id, department: x.department.name }));
    expect(listed.filter((i) => i.kind === 'ticket').map(({ kind, id, department }) => ({ kind, id, department }))).toEqual(expect.arrayContaining(overdueTickets));
    expect(listed.filter((i) => i.kind === 'ticket')).toHaveLength(overdueTickets.length);
    expect(listed.filter((i) => i.kind === 'message')).toHaveLength(1);

    const tickets = await t.app.db.selectFrom('tickets').select(['quarter', 'department_id', 'project_id', 'status', 'callback_at', 'rectified_on_time']).execute();
    const expected = new Map<string, number[]>();
    for (const r of tickets) {
      const key = `${r.quarter}|${r.department_id}|${r.project_id ?? 0}`;
      const sums = expected.get(key) ?? [0, 0, 0, 0];
      const done = r.status === 'rectified' || r.status === 'closed';
      sums[0] += 1;
      sums[1] += r.callback_at !== null ? 1 : 0;
      sums[2] += done ? 1 : 0;
      sums[3] += done && r.rectified_on_time === 1 ? 1 : 0;
      expected.set(key, sums);
    }
    const kept = await t.app.db.selectFrom('ticket_stats').selectAll().execute();
    const actual = new Map(
      kept.filter((s) => Number(s.raised) > 0).map((s) => [`${s.quarter}|${s.department_id}|${s.project_id}`, [s.raised, s.called_back, s.rectified, s.on_time].map(Number)]),
    );
    expect(actual).toEqual(expected);
  });

  it('gives the dashboard five quarters of ratings whose figures equal the ratings seeded, small groups suppressed', async () => {
    const quarter = quarterOf(new Date());
    const stats = await get<{
      total: { figures: { suppressed: boolean; ratings: number | null }; tickets: { raised: number } };
      groups: { key: { id: number; name: string }; figures: { suppressed: boolean; ratings: number | null } }[];
      trend: { quarter: string; suppressed: boolean; ratings: number | null }[];
    }>(t, admin, `/api/v1/admin/stats/satisfaction?period=${quarter}&by=department`);

    const ratings = await t.app.db.selectFrom('ratings').select(['quarter', 'department_id', 'enterprise_id', 'voided']).execute();
    expect(ratings).toHaveLength(summary.ratings);
    const inQuarter = ratings.filter((r) => r.quarter === quarter && r.voided === 0);
    expect(stats.total.figures).toMatchObject({ suppressed: false, ratings: inQuarter.length });
    expect(stats.total.tickets.raised).toBe((await t.app.db.selectFrom('tickets').select('id').where('quarter', '=', quarter).execute()).length);

    const shown = stats.groups.filter((g) => !g.figures.suppressed);
    expect(shown.map((g) => g.key.name)).toEqual(expect.arrayContaining(['区政务服务中心', '区人社局', '区市场监管局', '区税务局', '区科工局']));
    for (const g of stats.groups) {
      const mine = inQuarter.filter((r) => r.department_id === g.key.id);
      const raters = new Set(mine.map((r) => r.enterprise_id)).size;
      // Shown exactly when at least 5 enterprises rated it, and then with every rating counted.
      expect(g.figures.suppressed).toBe(raters < MIN_GROUP_RATERS);
      if (!g.figures.suppressed) expect(g.figures.ratings).toBe(mine.length);
    }
    const trend = stats.trend.filter((p) => !p.suppressed);
    expect(trend.length).toBeGreaterThanOrEqual(5);
    for (const p of trend) expect(p.ratings).toBe(ratings.filter((r) => r.quarter === p.quarter && r.voided === 0).length);
  });

  it('binds demo-owner-1 to an enterprise with its own bookings, 留言, tickets, benefits in 公示 — and visits for visitor1', async () => {
    const owner = await wechatLogin(t.app, 'demo-owner-1');
    const me = await get<{ enterprise: { name: string } | null }>(t, owner, '/api/v1/me');
    expect(me.enterprise?.name).toBe(enterprises[0].name);
    const deliveries = await get<Listed<{ enterprise: { name: string }; status: string }>>(t, owner, '/api/v1/me/deliveries');
    expect(deliveries.total).toBeGreaterThanOrEqual(3);
    expect(deliveries.items.every((d) => d.enterprise.name === enterprises[0].name)).toBe(true);
    expect((await get<Listed<ThreadItem>>(t, owner, '/api/v1/me/messages')).total).toBeGreaterThan(0);
    const tickets = await get<Listed<TicketItem>>(t, owner, '/api/v1/me/tickets');
    expect(tickets.items.map((x) => x.status)).toContain('rectified');
    const benefits = await get<Listed<{ status: string; amountYuan: number | null; policy: { id: number } }>>(t, owner, '/api/v1/me/benefits');
    expect(benefits.items.map((b) => b.status)).toContain('publicized');
    // A sum of money only for policies that pay one: no "6,000 元" on a door-to-door delivery service.
    for (const b of benefits.items) {
      const policy = await get<{ kind: string }>(t, owner, `/api/v1/policies/${b.policy.id}`);
      expect(['减免', '奖补']).toContain(policy.kind);
    }

    const visits = await get<Listed<{ ratedAt: string | null }>>(t, await demoStaff(t, 'visitor1'), '/api/v1/visits');
    expect(visits.items.some((v) => v.ratedAt !== null)).toBe(true);
    expect(visits.items.some((v) => v.ratedAt === null)).toBe(true);
  });
});

describe.each(databases())('%s: demo activity seeded the day before 国庆', (kind) => {
  it('books only working days and dates everything before the seed’s clock', async () => {
    const t = await build(kind, { accounts: false });
    try {
      // Wednesday 2026-09-30 08:00 in China: 10-01..10-07 are holidays, Saturday 10-10 is a 调休 working day.
      const now = new Date('2026-09-30T00:00:00.000Z');
      const summary = await seedIfEmpty(t.app.db, t.config, now);
      const rows = await t.app.db.selectFrom('deliveries').select(['date', 'created_at']).execute();
      expect(rows).toHaveLength(summary.deliveries);
      for (const r of rows) {
        expect(t.app.calendar.isWorkingDay(r.date)).toBe(true);
        expect(r.date < '2026-10-01' || r.date > '2026-10-07').toBe(true);
      }
      const instants = [
        ...rows.map((r) => r.created_at),
        ...(await t.app.db.selectFrom('ratings').select('created_at').execute()).map((r) => r.created_at),
        ...(await t.app.db.selectFrom('delivery_events').select('at').execute()).map((r) => r.at),
        ...(await t.app.db.selectFrom('ticket_events').select('at').execute()).map((r) => r.at),
        ...(await t.app.db.selectFrom('message_posts').select('at').execute()).map((r) => r.at),
      ];
      expect(instants.filter((at) => at > now.toISOString())).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe.each(databases())('%s: seed outside demo mode', (kind) => {
  it('has the district but none of the demo activity', async () => {
    const t = await build(kind, {
      accounts: false,
      env: { DEMO: '0', DATA_KEY: '11'.repeat(32), WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'wx-test-secret' },
    });
    try {
      expect(t.config.demo).toBe(false);
      const summary = await seedIfEmpty(t.app.db, t.config);
      expect(summary).toMatchObject({ seeded: true, enterprises: 50, deliveries: 0, messages: 0, ratings: 0, tickets: 0, reminderLetters: 0 });
      for (const table of ['deliveries', 'delivery_slot_usage', 'message_threads', 'ratings', 'rating_stats', 'rating_raters', 'tickets', 'ticket_stats', 'visits', 'reminder_letters'] as const) {
        expect({ table, rows: (await t.app.db.selectFrom(table).selectAll().execute()).length }).toEqual({ table, rows: 0 });
      }
      expect(await t.app.db.selectFrom('users').select('id').where('openid', 'is not', null).execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
