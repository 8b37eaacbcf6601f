import type { InjectOptions, Response } from 'light-my-request';
import { DEMO_STAFF_PASSWORD } from '../../../server/config';
import { seedIfEmpty } from '../../../server/seed';
import { enterprises as seededEnterprises } from '../../../server/seed/data/enterprises';
import { ADMIN, bearer, build, type DbKind, type TestApp } from '../helper';

/** Monday 2026-09-28 09:00 in China: 09-29 is a bookable working day; 国庆 runs 10-01..10-07. */
export const NOW = '2026-09-28T01:00:00.000Z';
export const BOOKING_DATE = '2026-09-29';

export const ACTORS = ['anonymous', 'enterpriseA', 'enterpriseB', 'visitor', 'staffX', 'staffY', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/** Department X handles deliveries and owns every resource of the world; Y is any other department. */
export const DEPARTMENT_X = '区政务服务中心';
export const DEPARTMENT_Y = '区科工局';

/** Demo accounts of the seed: zwfw (X), kgj (Y), visitor1 (区营商办). */
const STAFF_LOGINS = { staffX: 'zwfw', staffY: 'kgj', visitor: 'visitor1' } as const;

export interface Ids {
  departmentX: number;
  departmentY: number;
  enterpriseA: number;
  enterpriseB: number;
  /** A third registry enterprise nobody is bound to (benefits are created for it). */
  enterpriseC: { id: number; uscc: string; name: string };
  /** Published policy of X. */
  policy: number;
  /** Draft policies of X: one stays a draft (read and edited), one is published by the matrix, one withdrawn. */
  draftPolicy: number;
  draftToPublish: number;
  policyToWithdraw: number;
  /** A's booking (submitted) and A's delivered booking (rated). */
  booking: number;
  deliveredBooking: number;
  /** A's benefit under X's policy, 公示 and awaiting A's confirmation. */
  benefit: number;
  /** A's 留言 about that benefit, addressed to X. */
  message: number;
  /** A's rating of X (overall 1) and the ticket it raised. */
  rating: number;
  ticket: number;
  /** A visit to A by the visitor (scene code), rating X. */
  visitScene: string;
  visitId: number;
  /** A reminder letter to X. */
  reminder: number;
  /** A calendar override the matrix may delete. */
  calendarDate: string;
}

export interface World {
  t: TestApp;
  ids: Ids;
  enterpriseOf: { enterpriseA: { uscc: string; name: string }; enterpriseB: { uscc: string; name: string } };
  token(actor: Actor): string | null;
  /** A new session for the actor (for logout, which revokes the one it is sent with). */
  freshToken(actor: Actor): Promise<string | null>;
  /** Sends a request as the actor. */
  send(actor: Actor, req: InjectOptions, token?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const policyBody = (title: string, departmentId?: number) => ({
  title,
  ...(departmentId ? { departmentId } : {}),
  level: '区',
  kind: '奖补',
  tags: ['递送'],
  summary: '证照递送服务补贴摘要',
  body: '正文',
  basisDoc: `茗政服〔2026〕${title.length}号`,
  amount: '最高1万元',
  validFrom: '2026-01-01',
  validTo: null,
  method: '免申即享',
  contact: '0591-00000000',
  conditions: [],
});

export const bookingBody = (over: Record<string, unknown> = {}) => ({
  items: [{ kind: '营业执照正本', quantity: 1 }],
  mode: '送达',
  recipientName: '王小明',
  phone: '13812341234',
  address: { region: ['福建省', '福州市', '茗溪区'], detail: '茶园路 1 号' },
  date: BOOKING_DATE,
  period: '上午',
  ...over,
});

function expectStatus(res: Response, status: number, what: string): Response {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

let openids = 0;

/**
 * The seeded demo district plus, for enterprise A, one of everything a stranger must not reach:
 * a booking, a benefit, a 留言, a rating with its ticket, a visit — all handled by department X.
 */
export async function securityWorld(kind: DbKind, env: Record<string, string> = {}): Promise<World> {
  // Rate limits have their own tests; here every caller sends far more than a person would.
  const t = await build(kind, { accounts: false, env: { RATE_LIMIT_LOGIN: '0', RATE_LIMIT_SUBMIT: '0', RATE_LIMIT_SEARCH: '0', ...env } });
  const { app } = t;
  await seedIfEmpty(app.db, t.config);
  app.clock.now = () => new Date(NOW);

  const login = async (username: string, password: string) =>
    expectStatus(await app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username, password } }), 200, `login ${username}`).json<{ token: string }>().token;
  const openidOf: Partial<Record<Actor, string>> = {};
  const wechat = async (openid: string) =>
    expectStatus(await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `mock:${openid}@${openids++}` } }), 200, 'wechat login').json<{ token: string }>().token;

  const tokens: Record<Actor, string | null> = {
    anonymous: null,
    admin: await login('admin', ADMIN.password),
    staffX: await login(STAFF_LOGINS.staffX, DEMO_STAFF_PASSWORD),
    staffY: await login(STAFF_LOGINS.staffY, DEMO_STAFF_PASSWORD),
    visitor: await login(STAFF_LOGINS.visitor, DEMO_STAFF_PASSWORD),
    enterpriseA: null,
    enterpriseB: null,
  };
  const [a, b, c] = seededEnterprises;
  const enterpriseOf = { enterpriseA: { uscc: a.uscc, name: a.name }, enterpriseB: { uscc: b.uscc, name: b.name } };
  for (const actor of ['enterpriseA', 'enterpriseB'] as const) {
    openidOf[actor] = `security-${actor}-${process.pid}`;
    tokens[actor] = await wechat(openidOf[actor]!);
    expectStatus(
      await app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(tokens[actor]!), payload: enterpriseOf[actor] }),
      200,
      `bind ${actor}`,
    );
  }

  const send = (actor: Actor, req: InjectOptions, token = tokens[actor]) =>
    app.inject({ ...req, headers: { ...(req.headers ?? {}), ...(token ? bearer(token) : {}) } }) as Promise<Response>;
  const ok = async (actor: Actor, req: InjectOptions, status: number, what: string) => expectStatus(await send(actor, req), status, what).json();

  const departmentId = async (name: string) => (await app.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const enterpriseId = async (uscc: string) => (await app.repos.enterprises.findByUscc(uscc))!.id;
  const departmentX = await departmentId(DEPARTMENT_X);
  const departmentY = await departmentId(DEPARTMENT_Y);

  const newPolicy = async (title: string) => (await ok('staffX', { method: 'POST', url: '/api/v1/admin/policies', payload: policyBody(title) }, 201, 'policy')).id as number;
  const publish = (id: number) => ok('staffX', { method: 'POST', url: `/api/v1/admin/policies/${id}/publish` }, 200, 'publish');
  const policy = await newPolicy('证照递送服务补贴');
  await publish(policy);
  const draftPolicy = await newPolicy('证照递送服务补贴（征求意见稿）');
  const draftToPublish = await newPolicy('证照递送服务补贴（待发布）');
  const policyToWithdraw = await newPolicy('证照递送服务补贴（待撤回）');
  await publish(policyToWithdraw);

  const book = async (over: Record<string, unknown> = {}) =>
    (await ok('enterpriseA', { method: 'POST', url: '/api/v1/deliveries', payload: bookingBody(over) }, 201, 'booking')).id as number;
  const booking = await book();
  const deliveredBooking = await book({ period: '下午' });
  const staffAct = (action: string, payload?: object) =>
    ok('staffX', { method: 'POST', url: `/api/v1/admin/deliveries/${deliveredBooking}/${action}`, ...(payload ? { payload } : {}) }, 200, action);
  await staffAct('accept');
  await staffAct('dispatch', { trackingNo: 'SF1234567890' });
  await staffAct('deliver', { receiverName: '王小明', signature: PNG });

  const benefit = (
    await ok('staffX', { method: 'POST', url: '/api/v1/admin/benefits', payload: { policyId: policy, uscc: a.uscc, amountYuan: 800 } }, 201, 'benefit')
  ).id as number;
  await ok('staffX', { method: 'POST', url: `/api/v1/admin/benefits/${benefit}/publicize`, payload: { basis: '依据', dataUsed: '数据', amountYuan: 800 } }, 200, 'publicize');
  const message = (await ok('enterpriseA', { method: 'POST', url: '/api/v1/messages', payload: { benefitId: benefit, body: '请问金额如何计算？' } }, 201, 'message')).id as number;

  const scores = { overall: 1, efficiency: 1, level: 1, attitude: 1 };
  const rated = await ok(
    'enterpriseA',
    { method: 'POST', url: '/api/v1/ratings', payload: { target: { kind: 'department', departmentId: departmentX, stage: '咨询' }, scores, comment: '等候太久' } },
    201,
    'rating',
  );
  const visit = await ok('visitor', { method: 'POST', url: '/api/v1/visits', payload: { enterpriseId: await enterpriseId(a.uscc), departmentId: departmentX, stage: '走访' } }, 201, 'visit');

  const reminder = (await app.repos.reminders.insert({
    departmentId: departmentX,
    period: '2026-09-28',
    items: [{ kind: 'ticket', id: rated.ticketId, title: '等候太久', dueAt: NOW, overdueWorkingDays: 1 }],
    now: NOW,
  }))!;
  const calendarDate = '2030-06-01';
  await ok('admin', { method: 'PUT', url: `/api/v1/admin/calendar/${calendarDate}`, payload: { kind: 'holiday', name: '测试' } }, 200, 'calendar');

  const ids: Ids = {
    departmentX,
    departmentY,
    enterpriseA: await enterpriseId(a.uscc),
    enterpriseB: await enterpriseId(b.uscc),
    enterpriseC: { id: await enterpriseId(c.uscc), uscc: c.uscc, name: c.name },
    policy,
    draftPolicy,
    draftToPublish,
    policyToWithdraw,
    booking,
    deliveredBooking,
    benefit,
    message,
    rating: rated.id,
    ticket: rated.ticketId,
    visitScene: visit.scene,
    visitId: visit.id,
    reminder,
    calendarDate,
  };

  return {
    t,
    ids,
    enterpriseOf,
    token: (actor) => tokens[actor],
    async freshToken(actor) {
      if (actor === 'anonymous') return null;
      if (actor === 'enterpriseA' || actor === 'enterpriseB') return wechat(openidOf[actor]!);
      if (actor === 'admin') return login('admin', ADMIN.password);
      return login(STAFF_LOGINS[actor], DEMO_STAFF_PASSWORD);
    },
    send,
    async close() {
      // Let pg's closing sockets go before the database is dropped (see satisfaction/world.ts).
      await app.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await t.close();
    },
  };
}
