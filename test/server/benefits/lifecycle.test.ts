import { PUBLISHED, bearer, databases, wechatLogin } from '../helper';
import { buildWorld, type World } from './world';

const A = PUBLISHED[0];
const B = PUBLISHED[1];

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(kind);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, token: string, payload?: object, headers: Record<string, string> = {}) =>
    w.t.app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
  const bind = (policyId: number, uscc: string, token = w.rs, headers: Record<string, string> = {}) =>
    inject('POST', '/api/v1/admin/benefits', token, { policyId, uscc }, headers);
  const act = (id: number, action: string, token: string, payload?: object) =>
    inject('POST', action.startsWith('admin:') ? `/api/v1/admin/benefits/${id}/${action.slice(6)}` : `/api/v1/benefits/${id}/${action}`, token, payload);

  const PUBLICIZE = { basis: '2026年第三季度社保缴费数据比对', dataUsed: '新招用高校毕业生3人，单位缴费合计5,400元', amountYuan: 5400 };
  const PAY = { paidAmountYuan: 5400, paidOn: '2026-10-20' };

  /** Drives a fresh benefit of enterprise A to `status` and returns its id. */
  async function benefitIn(status: 'matched' | 'publicized' | 'confirmed' | 'objected' | 'paid' | 'archived'): Promise<number> {
    const policyId = await w.policy();
    const id = (await bind(policyId, A.uscc)).json().id as number;
    const steps: Record<string, [string, string, object?][]> = {
      matched: [],
      publicized: [['admin:publicize', w.rs, PUBLICIZE]],
      objected: [['admin:publicize', w.rs, PUBLICIZE], ['object', w.ownerA, { reason: '人数不对' }]],
      confirmed: [['admin:publicize', w.rs, PUBLICIZE], ['confirm', w.ownerA]],
      paid: [['admin:publicize', w.rs, PUBLICIZE], ['confirm', w.ownerA], ['admin:pay', w.rs, PAY]],
      archived: [['admin:publicize', w.rs, PUBLICIZE], ['confirm', w.ownerA], ['admin:pay', w.rs, PAY], ['admin:archive', w.rs]],
    };
    for (const [action, token, payload] of steps[status]) {
      const res = await act(id, action, token, payload);
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    }
    return id;
  }

  it('binds an enterprise to a policy once; a repeat is 409 BENEFIT_EXISTS, a retried request replays', async () => {
    const policyId = await w.policy();
    const first = await bind(policyId, A.uscc.toLowerCase(), w.rs, { 'idempotency-key': 'bind-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'matched', enterprise: { uscc: A.uscc, name: A.name }, policy: { id: policyId, department: '区人社局' } });
    expect(first.json().history).toEqual([{ status: 'matched', by: '区人社局', at: expect.any(String), note: null }]);
    const replay = await bind(policyId, A.uscc.toLowerCase(), w.rs, { 'idempotency-key': 'bind-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(first.json().id);
    const dup = await bind(policyId, A.uscc);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'BENEFIT_EXISTS', message: expect.stringContaining(A.name) });
  });

  it('checks the USCC and the registry when binding', async () => {
    const policyId = await w.policy();
    const bad = await bind(policyId, '91440300708461136X');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'USCC_INVALID', field: 'uscc' });
    const missingPolicy = await bind(999999, A.uscc);
    expect(missingPolicy.json().error.code).toBe('POLICY_NOT_FOUND');
  });

  it('binds only to a published policy, as the spreadsheet import does', async () => {
    for (const status of ['draft', 'withdrawn'] as const) {
      const policyId = await w.policy({ status });
      const res = await bind(policyId, A.uscc);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'POLICY_STATUS', field: 'policyId', message: expect.stringContaining('尚未发布或已撤回') });
      expect((await inject('GET', `/api/v1/admin/benefits?policyId=${policyId}`, w.rs)).json().total).toBe(0);
    }
  });

  it('follows a benefit from 已匹配 through 公示, 异议, re-公示, 确认, 兑现 to 归档 with who and when', async () => {
    const id = await benefitIn('matched');
    const shown = await act(id, 'admin:publicize', w.rs, PUBLICIZE);
    expect(shown.json()).toMatchObject({ status: 'publicized', basis: PUBLICIZE.basis, dataUsed: PUBLICIZE.dataUsed, amountYuan: 5400 });

    const mine = await inject('GET', '/api/v1/me/benefits', w.ownerA);
    expect(mine.json().items.find((b: { id: number }) => b.id === id)).toMatchObject({ status: 'publicized', amountYuan: 5400, basis: PUBLICIZE.basis });

    const objected = await act(id, 'object', w.ownerA, { reason: '新招用人数应为4人' });
    expect(objected.json()).toMatchObject({ status: 'objected', objection: '新招用人数应为4人' });
    const revised = await act(id, 'admin:publicize', w.rs, { ...PUBLICIZE, dataUsed: '新招用高校毕业生4人', amountYuan: 7200.5 });
    expect(revised.json()).toMatchObject({ status: 'publicized', amountYuan: 7200.5, objection: null });
    expect((await act(id, 'confirm', w.ownerA)).json().status).toBe('confirmed');
    const paid = await act(id, 'admin:pay', w.rs, { paidAmountYuan: 7200.5, paidOn: '2026-10-20' });
    expect(paid.json()).toMatchObject({ status: 'paid', paidAmountYuan: 7200.5, paidOn: '2026-10-20' });
    const archived = await act(id, 'admin:archive', w.rs);
    expect(archived.json().status).toBe('archived');

    const detail = await inject('GET', `/api/v1/benefits/${id}`, w.ownerA);
    const history = detail.json().history as { status: string; by: string; note: string | null }[];
    expect(history.map((h) => [h.status, h.by])).toEqual([
      ['matched', '区人社局'],
      ['publicized', '区人社局'],
      ['objected', A.name],
      ['publicized', '区人社局'],
      ['confirmed', A.name],
      ['paid', '区人社局'],
      ['archived', '区人社局'],
    ]);
    expect(history[2].note).toBe('新招用人数应为4人');
  });

  const ALL = ['admin:publicize', 'confirm', 'object', 'admin:pay', 'admin:archive'];
  const LEGAL: Record<string, string[]> = {
    matched: ['admin:publicize'],
    publicized: ['confirm', 'object'],
    objected: ['admin:publicize'],
    confirmed: ['admin:pay'],
    paid: ['admin:archive'],
    archived: [],
  };
  const LABEL: Record<string, string> = { matched: '已匹配', publicized: '公示中', objected: '有异议', confirmed: '已确认', paid: '已兑现', archived: '已归档' };

  it.each(Object.keys(LEGAL))('refuses every illegal transition from %s with 409 BENEFIT_STATUS naming the status', async (status) => {
    const id = await benefitIn(status as 'matched');
    for (const action of ALL.filter((a) => !LEGAL[status].includes(a))) {
      const token = action.startsWith('admin:') ? w.rs : w.ownerA;
      const payload = action === 'admin:publicize' ? PUBLICIZE : action === 'admin:pay' ? PAY : action === 'object' ? { reason: '有异议' } : undefined;
      const res = await act(id, action, token, payload);
      expect([action, res.statusCode]).toEqual([action, 409]);
      expect(res.json().error).toEqual({ code: 'BENEFIT_STATUS', message: expect.stringContaining(`“${LABEL[status]}”`) });
    }
    const after = await inject('GET', `/api/v1/benefits/${id}`, w.ownerA);
    expect(after.json().status).toBe(status);
  });

  it('shows an enterprise only its own benefits: another enterprise gets 404, an unbound user 409', async () => {
    const id = await benefitIn('publicized');
    const other = await inject('GET', `/api/v1/benefits/${id}`, w.ownerB);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('BENEFIT_NOT_FOUND');
    expect((await act(id, 'confirm', w.ownerB)).statusCode).toBe(404);
    expect((await act(id, 'object', w.ownerB, { reason: '不是我的' })).statusCode).toBe(404);
    const listB = await inject('GET', '/api/v1/me/benefits', w.ownerB);
    expect(listB.json().items.map((b: { enterprise: { uscc: string } }) => b.enterprise.uscc)).not.toContain(A.uscc);
    const unbound = await inject('GET', '/api/v1/me/benefits', w.unbound);
    expect(unbound.statusCode).toBe(409);
    expect(unbound.json().error).toEqual({ code: 'ENTERPRISE_NOT_BOUND', message: '请先绑定企业' });
    expect((await act(id, 'confirm', w.ownerA)).json().status).toBe('confirmed');
  });

  it('lets only staff of the policy department (or admin) bind and move benefits', async () => {
    const policyId = await w.policy();
    const foreign = await bind(policyId, B.uscc, w.kg);
    expect(foreign.statusCode).toBe(403);
    const id = (await bind(policyId, B.uscc, w.rs)).json().id as number;
    expect((await act(id, 'admin:publicize', w.kg, PUBLICIZE)).statusCode).toBe(403);
    expect((await inject('GET', `/api/v1/admin/benefits/${id}`, w.kg)).statusCode).toBe(403);
    expect((await act(id, 'admin:publicize', w.ownerB, PUBLICIZE)).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/benefits' })).statusCode).toBe(401);
    const kgList = await inject('GET', '/api/v1/admin/benefits', w.kg);
    expect(kgList.json().items.map((b: { id: number }) => b.id)).not.toContain(id);
    const byAdmin = await act(id, 'admin:publicize', w.admin, PUBLICIZE);
    expect(byAdmin.statusCode).toBe(200);
    const rsList = await inject('GET', `/api/v1/admin/benefits?policyId=${policyId}&status=publicized`, w.rs);
    expect(rsList.json()).toMatchObject({ total: 1, items: [{ id, status: 'publicized' }] });
  });

  it('refuses amounts finer than a fen and a payment date in the future', async () => {
    const id = await benefitIn('matched');
    const fine = await act(id, 'admin:publicize', w.rs, { ...PUBLICIZE, amountYuan: 10.005 });
    expect(fine.statusCode).toBe(400);
    expect(fine.json().error).toMatchObject({ code: 'VALIDATION', field: 'amountYuan' });
    const confirmed = await benefitIn('confirmed');
    const future = await act(confirmed, 'admin:pay', w.rs, { paidAmountYuan: 1, paidOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'paidOn', message: 'paidOn：兑现日期不能晚于今天' });
  });

  it('sends the 公示 and 兑现 notices to subscribed users of the enterprise, and skips those without a credit', async () => {
    w.t.standIn.reset();
    // A second user of A who never accepted: nothing is sent to them.
    const ownerA2 = await wechatLogin(w.t.app, 'owner-a-2');
    await inject('POST', '/api/v1/me/enterprise', ownerA2, { uscc: A.uscc, name: A.name });
    // owner-a logged in before the reset: log in again so the stand-in knows the openid.
    await wechatLogin(w.t.app, 'owner-a@again');
    const templateId = w.t.app.notifications.templates.benefitPublicized.templateId;
    const accept = await inject('POST', '/api/v1/me/subscriptions', w.ownerA, { templateId, accepted: true });
    expect(accept.statusCode).toBe(200);
    const longTitle = '茗溪区关于进一步支持小微企业吸纳高校毕业生就业的社会保险补贴政策';
    const policyId = await w.policy({ title: longTitle });
    const id = (await bind(policyId, A.uscc)).json().id as number;
    await act(id, 'admin:publicize', w.rs, PUBLICIZE);
    await w.t.app.notifications.idle();
    const sent = w.t.standIn.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: 'owner-a', templateId, page: `pages/benefits/detail?id=${id}` });
    expect(Array.from(sent[0].data.thing1).length).toBeLessThanOrEqual(20);
    expect(sent[0].data.thing1.startsWith('茗溪区关于进一步支持')).toBe(true);
    // The credit is used up: paying sends nothing to anyone (no benefitPaid credit either).
    await act(id, "confirm", ownerA2);
    await act(id, 'admin:pay', w.rs, PAY);
    await w.t.app.notifications.idle();
    expect(w.t.standIn.sentMessages()).toHaveLength(1);
    const state = await inject('GET', '/api/v1/me/subscriptions', w.ownerA);
    expect(state.json().templates.find((x: { key: string }) => x.key === 'benefitPublicized').credits).toBe(0);
  });
});
