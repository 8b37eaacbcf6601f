import { usccCheckCharacter } from '../../../types/uscc';

/**
 * Submissions a real client makes (ratings, delivery bookings, messages), built from what the API
 * itself lists, and sent with an Idempotency-Key through any transport: HTTP to a server process,
 * or app.inject in-process.
 */

export interface Reply {
  status: number;
  body: unknown;
  /** The server answered from its idempotency record (Idempotent-Replayed: true). */
  replayed?: boolean;
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  key?: string;
  body?: unknown;
}

export type Transport = (call: Call) => Promise<Reply>;

export type SubmissionKind = 'rating' | 'booking' | 'message';

export interface Submission {
  index: number;
  kind: SubmissionKind;
  /** Written into the record (stage, remark, message text), so the database check finds it. */
  marker: string;
  path: string;
  token: string;
  key: string;
  body: Record<string, unknown>;
  /** Rating only: the overall score (≤ 2 raises a ticket). */
  overall?: number;
}

export interface Fixture {
  adminToken: string;
  users: { token: string; enterpriseId: number }[];
  departmentIds: number[];
  policyIds: number[];
  slots: { date: string; period: string }[];
}

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
}

function uscc(runTag: number, n: number): string {
  const first17 = `91330300${String(runTag % 100000).padStart(5, '0')}${String(n).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** 'YYYY-MM-DD' in China (UTC+8), `days` from today. */
export function chinaDate(days: number, now = Date.now()): string {
  return new Date(now + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Logs in the admin, registers `enterprises` enterprises and binds `users` WeChat users to them
 * through the API, and reads departments, published policies and the bookable delivery slots.
 */
export async function prepare(send: Transport, opts: { adminPassword: string; enterprises: number; users: number; runTag?: number }): Promise<Fixture> {
  const runTag = opts.runTag ?? Math.floor(Math.random() * 100000);
  const login = await send({ method: 'POST', path: '/api/v1/auth/staff', body: { username: 'admin', password: opts.adminPassword } });
  expectStatus(login, 200, 'admin login');
  const adminToken = (login.body as { token: string }).token;

  const registry: { uscc: string; name: string }[] = [];
  for (let n = 0; n < opts.enterprises; n++) {
    const entry = { uscc: uscc(runTag, n), name: `可靠性测试${runTag}企业${n}有限公司`, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: [] };
    expectStatus(await send({ method: 'POST', path: '/api/v1/admin/enterprises', token: adminToken, body: entry }), 201, 'add enterprise');
    registry.push(entry);
  }

  const users: Fixture['users'] = [];
  for (let n = 0; n < opts.users; n++) {
    const wx = await send({ method: 'POST', path: '/api/v1/auth/wechat', body: { code: `mock:reliability-${runTag}-${n}` } });
    expectStatus(wx, 200, 'wechat login');
    const token = (wx.body as { token: string }).token;
    const entry = registry[n % registry.length];
    const bound = await send({ method: 'POST', path: '/api/v1/me/enterprise', token, body: { uscc: entry.uscc, name: entry.name } });
    expectStatus(bound, 200, 'bind enterprise');
    users.push({ token, enterpriseId: (bound.body as { enterprise: { id: number } }).enterprise.id });
  }

  const departments = await send({ method: 'GET', path: '/api/v1/departments' });
  expectStatus(departments, 200, 'departments');
  const policies = await send({ method: 'GET', path: '/api/v1/policies?pageSize=50' });
  expectStatus(policies, 200, 'policies');
  const slots = await send({ method: 'GET', path: `/api/v1/delivery/slots?from=${chinaDate(1)}&to=${chinaDate(14)}`, token: users[0].token });
  expectStatus(slots, 200, 'delivery slots');

  const fixture = {
    adminToken,
    users,
    departmentIds: (departments.body as { id: number }[]).map((d) => d.id),
    policyIds: (policies.body as { items: { id: number }[] }).items.map((p) => p.id),
    // Tomorrow may already be past its booking cut-off late at night: keep the later days only.
    slots: (slots.body as { date: string; period: string }[]).filter((s) => s.date > chinaDate(1)).map(({ date, period }) => ({ date, period })),
  };
  if (fixture.departmentIds.length === 0 || fixture.policyIds.length === 0 || fixture.slots.length === 0) {
    throw new Error(`fixture incomplete: ${fixture.departmentIds.length} departments, ${fixture.policyIds.length} policies, ${fixture.slots.length} slots`);
  }
  return fixture;
}

/** A deterministic pseudo-random sequence, so a failing run can be repeated exactly. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

/** The i-th submission of a run: kinds in turn, users, targets and slots spread pseudo-randomly. */
export function submission(fixture: Fixture, run: string, index: number, random: () => number): Submission {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const kind = (['rating', 'booking', 'message'] as const)[index % 3];
  const user = pick(fixture.users);
  const marker = `${run}-${index}`;
  const key = `${run}-key-${index}`;
  if (kind === 'rating') {
    const overall = 1 + Math.floor(random() * 5);
    const rest = 1 + Math.floor(random() * 5);
    return {
      index,
      kind,
      marker,
      key,
      token: user.token,
      path: '/api/v1/ratings',
      overall,
      body: {
        target: { kind: 'department', departmentId: pick(fixture.departmentIds), stage: marker },
        scores: { overall, efficiency: rest, level: rest, attitude: overall },
        comment: overall <= 2 ? '办事来回跑了三趟，希望改进' : '服务很好',
      },
    };
  }
  if (kind === 'booking') {
    const slot = pick(fixture.slots);
    return {
      index,
      kind,
      marker,
      key,
      token: user.token,
      path: '/api/v1/deliveries',
      body: { items: [{ kind: '营业执照正本', quantity: 1 }], mode: '自取', recipientName: '王小明', phone: '13812341234', date: slot.date, period: slot.period, remark: marker },
    };
  }
  return { index, kind, marker, key, token: user.token, path: '/api/v1/messages', body: { policyId: pick(fixture.policyIds), body: `请问申报材料有哪些？${marker}` } };
}

export function sendSubmission(send: Transport, s: Submission): Promise<Reply> {
  return send({ method: 'POST', path: s.path, token: s.token, key: s.key, body: s.body });
}

/** A reply the client may treat as final: anything but "still in flight" or a server failure. */
export function isAcknowledged(reply: Reply): boolean {
  if (reply.status >= 500) return false;
  return !(reply.status === 409 && errorCode(reply) === 'IDEMPOTENCY_IN_FLIGHT');
}

export function errorCode(reply: Reply): string | undefined {
  return (reply.body as { error?: { code?: string } } | null)?.error?.code;
}

/** The id of the record a 201 reply announced (rating, delivery or message thread). */
export function createdId(reply: Reply): number | null {
  return reply.status === 201 ? ((reply.body as { id: number }).id ?? null) : null;
}

/** What each kind may legitimately answer besides 201. */
export const ACCEPTABLE_REFUSALS: Record<SubmissionKind, string[]> = { rating: [], booking: ['SLOT_FULL'], message: [] };
