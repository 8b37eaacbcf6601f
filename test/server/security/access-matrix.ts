import type { InjectOptions } from 'light-my-request';
import { DEMO_STAFF_PASSWORD } from '../../../server/config';
import { ACTORS, BOOKING_DATE, PNG, bookingBody, policyBody, type Actor, type World } from './world';

/**
 * Who may call what. One entry per `METHOD path` of the OpenAPI document; a route without an entry,
 * or an entry without a route, fails test/server/security/authorization-matrix.test.ts.
 *
 * Outcomes: OK = the route did its work or refused on business grounds (2xx, 400, 409, 422 …),
 * never 401/403/404. 401 = not logged in. 403 = wrong role or department. 404 = someone else's
 * record, answered as if it did not exist.
 *
 * Every resource id below belongs to enterprise A and is handled by department X (the delivery
 * department); staff Y is from another department, the visitor from 区营商办.
 */
export const OK = 'ok' as const;
export type Outcome = typeof OK | 401 | 403 | 404;

export interface MatrixEntry {
  /** The request an actor sends; bodies are valid so that ownership, not validation, decides. */
  request(w: World, actor: Actor): InjectOptions;
  expect: Record<Actor, Outcome>;
  /** Send with a new session of the actor (the route revokes the one it is given). */
  freshSession?: boolean;
  /** Puts the world back after an allowed call (e.g. binds the enterprise again). */
  restore?(w: World, actor: Actor): Promise<void>;
}

type Row = [anonymous: Outcome, enterpriseA: Outcome, enterpriseB: Outcome, visitor: Outcome, staffX: Outcome, staffY: Outcome, admin: Outcome];

function entry(request: MatrixEntry['request'], row: Row, extra: Partial<MatrixEntry> = {}): MatrixEntry {
  const expect = Object.fromEntries(ACTORS.map((a, i) => [a, row[i]])) as Record<Actor, Outcome>;
  return { request, expect, ...extra };
}

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload?: object): InjectOptions => ({ method: 'POST', url, ...(payload ? { payload } : {}) });
const put = (url: string, payload: object): InjectOptions => ({ method: 'PUT', url, payload });

/** An upload the importers refuse row by row (400), so an allowed caller never changes data. */
function badUpload(url: string): InjectOptions {
  const boundary = '----securityMatrixBoundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n无关列\r\n1\r\n--${boundary}--\r\n`;
  return { method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let serial = 0;
const v1 = '/api/v1';

// Columns:                                                      anon  entA  entB  visitor staffX staffY admin
const PUBLIC: Row = /*                                       */ [OK, OK, OK, OK, OK, OK, OK];
const LOGGED_IN: Row = /*                                    */ [401, OK, OK, OK, OK, OK, OK];
const ENTERPRISES: Row = /*                                  */ [401, OK, OK, 403, 403, 403, 403];
const OWNER_A: Row = /*   A's record, enterprise-only route  */ [401, OK, 404, 403, 403, 403, 403];
const STAFF: Row = /*     staff of any department, admin      */ [401, 403, 403, 403, OK, OK, OK];
const DEPT_X: Row = /*    X's record: Y is told 403          */ [401, 403, 403, 403, OK, 403, OK];
const HANDLERS: Row = /*  delivery department only           */ [401, 403, 403, 403, OK, 403, OK];
const ADMIN_ONLY: Row = /*                                   */ [401, 403, 403, 403, 403, 403, OK];
const FIELD_WORK: Row = /* visitors, staff and admin          */ [401, 403, 403, OK, OK, OK, OK];
const TICKET_STAFF: Row = /* department X only, not admin     */ [401, 403, 403, 403, OK, 404, 403];

export const MATRIX: Record<string, MatrixEntry> = {
  // ------------------------------------------------------------------ open to all
  'GET /api/v1/health': entry(() => get(`${v1}/health`), PUBLIC),
  'GET /api/v1/meta': entry(() => get(`${v1}/meta`), PUBLIC),
  'GET /api/v1/departments': entry(() => get(`${v1}/departments`), PUBLIC),
  'GET /api/v1/policies': entry(() => get(`${v1}/policies?q=递送`), PUBLIC),
  'GET /api/v1/policies/facets': entry(() => get(`${v1}/policies/facets`), PUBLIC),
  // A draft is X's business: everyone else is told it does not exist.
  'GET /api/v1/policies/{id}': entry((w) => get(`${v1}/policies/${w.ids.draftPolicy}`), [404, 404, 404, 404, OK, 404, OK]),
  'POST /api/v1/auth/wechat': entry(() => post(`${v1}/auth/wechat`, { code: `mock:matrix-${process.pid}@${serial++}` }), PUBLIC),
  'POST /api/v1/auth/staff': entry(() => post(`${v1}/auth/staff`, { username: 'zwfw2', password: DEMO_STAFF_PASSWORD }), PUBLIC),

  // ------------------------------------------------------------------ own account
  'POST /api/v1/auth/logout': entry(() => post(`${v1}/auth/logout`), LOGGED_IN, { freshSession: true }),
  'GET /api/v1/me': entry(() => get(`${v1}/me`), LOGGED_IN),
  'GET /api/v1/me/subscriptions': entry(() => get(`${v1}/me/subscriptions`), LOGGED_IN),
  'POST /api/v1/me/subscriptions': entry(() => post(`${v1}/me/subscriptions`, { templateId: 'demo-tpl-delivery-status', accepted: false }), LOGGED_IN),
  'GET /api/v1/delivery/slots': entry(() => get(`${v1}/delivery/slots?from=${BOOKING_DATE}&to=2026-10-12`), LOGGED_IN),
  'POST /api/v1/me/phone': entry(() => post(`${v1}/me/phone`, { code: 'mock-phone:13800001111' }), ENTERPRISES),
  // Each enterprise binds to its own registry entry again; nobody can bind for someone else.
  'POST /api/v1/me/enterprise': entry(
    (w, actor) => post(`${v1}/me/enterprise`, actor === 'enterpriseB' ? w.enterpriseOf.enterpriseB : w.enterpriseOf.enterpriseA),
    ENTERPRISES,
  ),
  'DELETE /api/v1/me/enterprise': entry(() => ({ method: 'DELETE', url: `${v1}/me/enterprise` }), ENTERPRISES, {
    async restore(w, actor) {
      if (actor !== 'enterpriseA' && actor !== 'enterpriseB') return;
      const res = await w.send(actor, post(`${v1}/me/enterprise`, w.enterpriseOf[actor]));
      if (res.statusCode !== 200) throw new Error(`rebind ${actor}: ${res.statusCode} ${res.body}`);
    },
  }),
  'PATCH /api/v1/me/enterprise/profile': entry(() => ({ method: 'PATCH', url: `${v1}/me/enterprise/profile`, payload: { industry: '制造业' } }), ENTERPRISES),
  'GET /api/v1/me/policy-matches': entry(() => get(`${v1}/me/policy-matches`), ENTERPRISES),
  'GET /api/v1/me/benefits': entry(() => get(`${v1}/me/benefits`), ENTERPRISES),
  'GET /api/v1/me/messages': entry(() => get(`${v1}/me/messages`), ENTERPRISES),
  'GET /api/v1/me/deliveries': entry(() => get(`${v1}/me/deliveries`), ENTERPRISES),
  'GET /api/v1/me/tickets': entry(() => get(`${v1}/me/tickets`), ENTERPRISES),

  // ------------------------------------------------------------------ registry and policies (staff side)
  'POST /api/v1/admin/enterprises': entry(
    () => post(`${v1}/admin/enterprises`, { uscc: '91440300708461136T', name: '测试二号贸易有限公司', industry: '批发和零售业', scale: '小型', district: '龙湖街道', qualifications: [] }),
    ADMIN_ONLY,
  ),
  'GET /api/v1/admin/enterprises': entry(() => get(`${v1}/admin/enterprises?q=茶`), FIELD_WORK),
  'GET /api/v1/admin/policies': entry(() => get(`${v1}/admin/policies`), STAFF),
  // Y may write policies, but only for Y: naming X is refused.
  'POST /api/v1/admin/policies': entry((w) => post(`${v1}/admin/policies`, policyBody(`矩阵测试政策${serial++}`, w.ids.departmentX)), DEPT_X),
  'GET /api/v1/admin/policies/import-template': entry(() => get(`${v1}/admin/policies/import-template`), STAFF),
  'POST /api/v1/admin/policies/import': entry(() => badUpload(`${v1}/admin/policies/import`), STAFF),
  'PUT /api/v1/admin/policies/{id}': entry((w) => put(`${v1}/admin/policies/${w.ids.draftPolicy}`, policyBody('证照递送服务补贴（征求意见稿）')), DEPT_X),
  'POST /api/v1/admin/policies/{id}/publish': entry((w) => post(`${v1}/admin/policies/${w.ids.draftToPublish}/publish`), DEPT_X),
  'POST /api/v1/admin/policies/{id}/withdraw': entry((w) => post(`${v1}/admin/policies/${w.ids.policyToWithdraw}/withdraw`), DEPT_X),

  // ------------------------------------------------------------------ 免申即享 (A's benefit under X's policy)
  'GET /api/v1/benefits/{id}': entry((w) => get(`${v1}/benefits/${w.ids.benefit}`), OWNER_A),
  'POST /api/v1/benefits/{id}/confirm': entry((w) => post(`${v1}/benefits/${w.ids.benefit}/confirm`), OWNER_A),
  'POST /api/v1/benefits/{id}/object': entry((w) => post(`${v1}/benefits/${w.ids.benefit}/object`, { reason: '金额与实际不符' }), OWNER_A),
  'GET /api/v1/admin/benefits': entry(() => get(`${v1}/admin/benefits`), STAFF),
  'GET /api/v1/admin/benefits/{id}': entry((w) => get(`${v1}/admin/benefits/${w.ids.benefit}`), DEPT_X),
  'POST /api/v1/admin/benefits': entry((w) => post(`${v1}/admin/benefits`, { policyId: w.ids.policy, uscc: w.ids.enterpriseC.uscc }), DEPT_X),
  'POST /api/v1/admin/benefits/import': entry(() => badUpload(`${v1}/admin/benefits/import`), STAFF),
  'GET /api/v1/admin/benefits/import-template': entry(() => get(`${v1}/admin/benefits/import-template`), STAFF),
  'POST /api/v1/admin/benefits/{id}/publicize': entry(
    (w) => post(`${v1}/admin/benefits/${w.ids.benefit}/publicize`, { basis: '依据', dataUsed: '数据', amountYuan: 800 }),
    DEPT_X,
  ),
  'POST /api/v1/admin/benefits/{id}/pay': entry((w) => post(`${v1}/admin/benefits/${w.ids.benefit}/pay`, { paidAmountYuan: 800, paidOn: '2026-09-28' }), DEPT_X),
  'POST /api/v1/admin/benefits/{id}/archive': entry((w) => post(`${v1}/admin/benefits/${w.ids.benefit}/archive`), DEPT_X),

  // ------------------------------------------------------------------ 留言 (A's thread, addressed to X)
  // B may not ask about A's benefit: it is "not found" to B.
  'POST /api/v1/messages': entry((w) => post(`${v1}/messages`, { benefitId: w.ids.benefit, body: '请问何时兑现？' }), OWNER_A),
  'GET /api/v1/messages/{id}': entry((w) => get(`${v1}/messages/${w.ids.message}`), [401, OK, 404, 403, OK, 403, OK]),
  'POST /api/v1/messages/{id}/posts': entry((w) => post(`${v1}/messages/${w.ids.message}/posts`, { body: '补充说明' }), [401, OK, 404, 403, OK, 403, OK]),
  'GET /api/v1/admin/messages': entry(() => get(`${v1}/admin/messages`), STAFF),

  // ------------------------------------------------------------------ 工作日历
  'GET /api/v1/admin/calendar': entry(() => get(`${v1}/admin/calendar?year=2026`), ADMIN_ONLY),
  'PUT /api/v1/admin/calendar/{date}': entry(() => put(`${v1}/admin/calendar/2030-06-03`, { kind: 'holiday', name: '矩阵' }), ADMIN_ONLY),
  'DELETE /api/v1/admin/calendar/{date}': entry((w) => ({ method: 'DELETE', url: `${v1}/admin/calendar/${w.ids.calendarDate}` }), ADMIN_ONLY),

  // ------------------------------------------------------------------ 证照递送 (A's booking)
  'POST /api/v1/deliveries': entry(() => post(`${v1}/deliveries`, bookingBody()), ENTERPRISES),
  // Other departments' staff are not told a booking exists.
  'GET /api/v1/deliveries/{id}': entry((w) => get(`${v1}/deliveries/${w.ids.booking}`), [401, OK, 404, 403, OK, 404, OK]),
  'POST /api/v1/deliveries/{id}/cancel': entry((w) => post(`${v1}/deliveries/${w.ids.booking}/cancel`, { reason: '计划有变' }), OWNER_A),
  'POST /api/v1/deliveries/{id}/reschedule': entry((w) => post(`${v1}/deliveries/${w.ids.booking}/reschedule`, { date: '2026-09-30', period: '上午' }), OWNER_A),
  'GET /api/v1/admin/deliveries': entry(() => get(`${v1}/admin/deliveries`), HANDLERS),
  'GET /api/v1/admin/deliveries/export': entry(() => get(`${v1}/admin/deliveries/export?from=2026-09-01&to=2026-09-30&format=csv`), HANDLERS),
  'GET /api/v1/admin/deliveries/{id}': entry((w) => get(`${v1}/admin/deliveries/${w.ids.booking}`), HANDLERS),
  'POST /api/v1/admin/deliveries/{id}/accept': entry((w) => post(`${v1}/admin/deliveries/${w.ids.booking}/accept`), HANDLERS),
  'POST /api/v1/admin/deliveries/{id}/dispatch': entry((w) => post(`${v1}/admin/deliveries/${w.ids.booking}/dispatch`, { trackingNo: 'SF0001' }), HANDLERS),
  'POST /api/v1/admin/deliveries/{id}/deliver': entry(
    (w) => post(`${v1}/admin/deliveries/${w.ids.booking}/deliver`, { receiverName: '王小明', signature: PNG }),
    HANDLERS,
  ),
  'POST /api/v1/admin/deliveries/{id}/fail': entry((w) => post(`${v1}/admin/deliveries/${w.ids.booking}/fail`, { reason: '无人签收' }), HANDLERS),
  'PUT /api/v1/admin/delivery-slots/{date}/{period}': entry(() => put(`${v1}/admin/delivery-slots/${BOOKING_DATE}/下午`, { capacity: 20 }), HANDLERS),

  // ------------------------------------------------------------------ 满意度 (A's rating of X, its ticket, a visit to A)
  // B may not rate A's delivery: it is "not found" to B.
  'POST /api/v1/ratings': entry(
    (w) => post(`${v1}/ratings`, { target: { kind: 'delivery', deliveryId: w.ids.deliveredBooking }, scores: { overall: 5, efficiency: 5, level: 5, attitude: 5 } }),
    OWNER_A,
  ),
  // Whether A has rated something, asked by A only; B is not told A's delivery exists.
  'GET /api/v1/ratings/status': entry((w) => get(`${v1}/ratings/status?deliveryId=${w.ids.deliveredBooking}`), OWNER_A),
  'GET /api/v1/ratings/department-status': entry(() => get(`${v1}/ratings/department-status?stage=${encodeURIComponent('2026年第四季度')}`), ENTERPRISES),
  'GET /api/v1/visits/rated-stages': entry((w) => get(`${v1}/visits/rated-stages?enterpriseId=${w.ids.enterpriseA}&departmentId=${w.ids.departmentX}`), FIELD_WORK),
  'GET /api/v1/projects': entry((w) => get(`${v1}/projects?enterpriseId=${w.ids.enterpriseA}`), FIELD_WORK),
  'POST /api/v1/visits': entry((w) => post(`${v1}/visits`, { enterpriseId: w.ids.enterpriseA, departmentId: w.ids.departmentX, stage: '走访' }), FIELD_WORK),
  'GET /api/v1/visits': entry(() => get(`${v1}/visits`), FIELD_WORK),
  'GET /api/v1/visits/{scene}': entry((w) => get(`${v1}/visits/${w.ids.visitScene}`), OWNER_A),
  // The visit's 小程序码: its visitor, the department it rates (X) and admins; Y is told it does not exist.
  'GET /api/v1/visits/{id}/code': entry((w) => get(`${v1}/visits/${w.ids.visitId}/code`), [401, 403, 403, OK, OK, 404, OK]),
  // The ticket carries A's scores and comment: the rating's content. Y is not told it exists.
  'GET /api/v1/tickets/{id}': entry((w) => get(`${v1}/tickets/${w.ids.ticket}`), [401, OK, 404, 403, OK, 404, OK]),
  'GET /api/v1/tickets/{id}/contact': entry((w) => get(`${v1}/tickets/${w.ids.ticket}/contact`), TICKET_STAFF),
  'POST /api/v1/tickets/{id}/callback': entry((w) => post(`${v1}/tickets/${w.ids.ticket}/callback`, { outcome: '已电话回访' }), TICKET_STAFF),
  'POST /api/v1/tickets/{id}/rectify': entry((w) => post(`${v1}/tickets/${w.ids.ticket}/rectify`, { fix: '增设窗口', reply: '已整改' }), TICKET_STAFF),
  'POST /api/v1/tickets/{id}/appeal': entry((w) => post(`${v1}/tickets/${w.ids.ticket}/appeal`, { reason: '评价对象有误' }), TICKET_STAFF),
  'POST /api/v1/tickets/{id}/confirm': entry((w) => post(`${v1}/tickets/${w.ids.ticket}/confirm`), OWNER_A),
  'POST /api/v1/tickets/{id}/reopen': entry((w) => post(`${v1}/tickets/${w.ids.ticket}/reopen`, { reason: '问题仍在' }), OWNER_A),
  'GET /api/v1/admin/tickets': entry(() => get(`${v1}/admin/tickets`), STAFF),
  'GET /api/v1/admin/tickets/export': entry(() => get(`${v1}/admin/tickets/export?format=csv`), STAFF),
  'GET /api/v1/admin/appeals': entry(() => get(`${v1}/admin/appeals`), ADMIN_ONLY),
  'POST /api/v1/admin/appeals/{id}/decide': entry((w) => post(`${v1}/admin/appeals/${w.ids.ticket}/decide`, { upheld: false, note: '申诉不成立' }), ADMIN_ONLY),
  'GET /api/v1/admin/stats/satisfaction': entry(() => get(`${v1}/admin/stats/satisfaction?period=2026Q3`), STAFF),
  'GET /api/v1/admin/reports/quarterly': entry(() => get(`${v1}/admin/reports/quarterly?period=2026Q3`), ADMIN_ONLY),
  'GET /api/v1/admin/reports/quarterly/{figure}': entry(() => get(`${v1}/admin/reports/quarterly/ratings?period=2026Q3`), ADMIN_ONLY),
  'GET /api/v1/admin/reminders': entry(() => get(`${v1}/admin/reminders`), STAFF),
  // Y reads only Y's letters; X's is "not found".
  'GET /api/v1/admin/reminders/{id}': entry((w) => get(`${v1}/admin/reminders/${w.ids.reminder}`), [401, 403, 403, 403, OK, 404, OK]),
  'POST /api/v1/admin/reminders/run': entry(() => post(`${v1}/admin/reminders/run`), ADMIN_ONLY),
};
