import { PUBLISHED, bearer, databases } from '../helper';
import { buildWorld, type World } from '../benefits/world';

/** China time (UTC+8) to the instant, e.g. at('2026-09-30 15:00'). */
const at = (china: string) => new Date(`${china.replace(' ', 'T')}:00+08:00`);
/** The instant a China date ends (its next midnight), e.g. 2026-10-08 -> 2026-10-08T16:00:00.000Z. */
const endOfIso = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  let policyId: number;
  let kgPolicy: number;
  beforeAll(async () => {
    w = await buildWorld(kind);
    policyId = await w.policy({ title: '社保补贴' });
    kgPolicy = await w.policy({ title: '研发补助', department: '区科工局' });
  });
  afterAll(async () => {
    await w.t.close();
  });

  const setNow = (d: Date) => {
    w.t.app.clock.now = () => d;
  };
  const ask = (payload: object, token = w.ownerA) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: bearer(token), payload });
  const post = (id: number, payload: object, token: string) =>
    w.t.app.inject({ method: 'POST', url: `/api/v1/messages/${id}/posts`, headers: bearer(token), payload });
  const get = (url: string, token: string) => w.t.app.inject({ method: 'GET', url, headers: bearer(token) });

  it('gives a question left on 2026-09-30 afternoon until the end of the first working day after 国庆 (10-08)', async () => {
    setNow(at('2026-09-30 15:00'));
    const res = await ask({ policyId, body: '请问社保补贴什么时候到账？' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      subject: { kind: 'policy', id: policyId, title: '社保补贴' },
      department: { name: '区人社局' },
      enterprise: { name: PUBLISHED[0].name },
      complexity: 'simple',
      replyDueAt: endOfIso('2026-10-08'),
      answered: false,
      overdue: false,
      posts: [{ from: 'enterprise', author: PUBLISHED[0].name, body: '请问社保补贴什么时候到账？' }],
    });
  });

  it('counts a 调休 Saturday: a question on Friday 10-09 is due at the end of Saturday 10-10', async () => {
    setNow(at('2026-10-09 10:00'));
    const res = await ask({ policyId, body: '补贴标准是多少？' });
    expect(res.json().replyDueAt).toBe(endOfIso('2026-10-10'));
  });

  it('lets staff mark a question complex (3 working days from the question) and answer it; a follow-up reopens it', async () => {
    setNow(at('2026-09-30 15:00'));
    const id = (await ask({ policyId, body: '我们的情况比较特殊，能否享受？' })).json().id as number;
    setNow(at('2026-10-08 09:00'));
    const complex = await post(id, { body: '问题较复杂，正在核实', complexity: 'complex' }, w.rs);
    expect(complex.statusCode).toBe(201);
    // 10-08, 10-09 and the 调休 Saturday 10-10 are the three working days after 09-30.
    expect(complex.json()).toMatchObject({ complexity: 'complex', answered: false, replyDueAt: endOfIso('2026-10-10') });
    const answer = await post(id, { body: '经核实，可以享受。' }, w.rs);
    expect(answer.json()).toMatchObject({ answered: true, overdue: false });
    expect(answer.json().posts.map((p: { from: string; author: string }) => [p.from, p.author])).toEqual([
      ['enterprise', PUBLISHED[0].name],
      ['staff', '区人社局'],
      ['staff', '区人社局'],
    ]);
    setNow(at('2026-10-12 10:00'));
    const followUp = await post(id, { body: '那需要提交什么材料？' }, w.ownerA);
    // Complex: 3 working days after Monday 10-12.
    expect(followUp.json()).toMatchObject({ answered: false, replyDueAt: endOfIso('2026-10-15') });
    const refused = await post(id, { body: '很急', complexity: 'simple' }, w.ownerA);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('complexity');
  });

  it('shows threads only to their enterprise, the addressed department and admin', async () => {
    setNow(at('2026-10-12 10:00'));
    const id = (await ask({ policyId: kgPolicy, body: '研发补助如何计算？' })).json().id as number;
    expect((await get(`/api/v1/messages/${id}`, w.ownerB)).statusCode).toBe(404);
    expect((await get(`/api/v1/messages/${id}`, w.rs)).statusCode).toBe(403);
    expect((await post(id, { body: '答复' }, w.rs)).statusCode).toBe(403);
    expect((await get(`/api/v1/messages/${id}`, w.kg)).statusCode).toBe(200);
    expect((await get(`/api/v1/messages/${id}`, w.admin)).statusCode).toBe(200);
    expect((await get(`/api/v1/messages/${id}`, w.ownerA)).json().department.name).toBe('区科工局');
    const mineB = await get('/api/v1/me/messages', w.ownerB);
    expect(mineB.json().total).toBe(0);
    expect((await ask({ policyId, body: '未绑定企业的提问' }, w.unbound)).statusCode).toBe(409);
  });

  it('accepts a message on the enterprise own benefit only', async () => {
    const bPolicy = await w.policy({ title: '稳岗返还' });
    const bind = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/benefits', headers: bearer(w.rs), payload: { policyId: bPolicy, uscc: PUBLISHED[1].uscc } });
    const benefitId = bind.json().id as number;
    const foreign = await ask({ benefitId, body: '这是别人的记录' }, w.ownerA);
    expect(foreign.statusCode).toBe(404);
    const own = await ask({ benefitId, body: '金额有疑问' }, w.ownerB);
    expect(own.statusCode).toBe(201);
    expect(own.json().subject).toEqual({ kind: 'benefit', id: benefitId, title: '稳岗返还' });
    const both = await ask({ benefitId, policyId, body: '两个都填' }, w.ownerB);
    expect(both.statusCode).toBe(400);
  });

  it('lists the inbox overdue first, then by deadline, and filters overdue and answered', async () => {
    const t = await buildWorld(kind);
    try {
      const p = await t.policy({ title: '收件箱政策' });
      const askAt = async (china: string, body: string) => {
        t.t.app.clock.now = () => at(china);
        const res = await t.t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: bearer(t.ownerA), payload: { policyId: p, body } });
        return res.json().id as number;
      };
      const late = await askAt('2026-10-12 09:00', '周一的问题'); // due end of 10-13
      const older = await askAt('2026-10-09 09:00', '周五的问题'); // due end of 10-10 (调休)
      const fresh = await askAt('2026-10-14 09:00', '周三的问题'); // due end of 10-15
      const answered = await askAt('2026-10-08 09:00', '已答复的问题'); // due end of 10-09
      t.t.app.clock.now = () => at('2026-10-14 10:00');
      await t.t.app.inject({ method: 'POST', url: `/api/v1/messages/${answered}/posts`, headers: bearer(t.rs), payload: { body: '已答复' } });

      const inbox = await t.t.app.inject({ method: 'GET', url: '/api/v1/admin/messages', headers: bearer(t.rs) });
      const items = inbox.json().items as { id: number; overdue: boolean; answered: boolean }[];
      expect(items.map((i) => [i.id, i.overdue, i.answered])).toEqual([
        [older, true, false],
        [late, true, false],
        [fresh, false, false],
        [answered, false, true],
      ]);
      const overdue = await t.t.app.inject({ method: 'GET', url: '/api/v1/admin/messages?overdue=true', headers: bearer(t.rs) });
      expect(overdue.json().items.map((i: { id: number }) => i.id)).toEqual([older, late]);
      const done = await t.t.app.inject({ method: 'GET', url: '/api/v1/admin/messages?answered=true', headers: bearer(t.rs) });
      expect(done.json()).toMatchObject({ total: 1, items: [{ id: answered, lastPost: { from: 'staff', body: '已答复' } }] });
      const mine = await t.t.app.inject({ method: 'GET', url: '/api/v1/me/messages', headers: bearer(t.ownerA) });
      expect(mine.json().items[0]).toMatchObject({ id: older, overdue: true });
      const otherDept = await t.t.app.inject({ method: 'GET', url: '/api/v1/admin/messages', headers: bearer(t.kg) });
      expect(otherDept.json().total).toBe(0);
      // Overdue is judged against now: a day later the fresh one is overdue too.
      t.t.app.clock.now = () => at('2026-10-16 08:00');
      const later = await t.t.app.inject({ method: 'GET', url: '/api/v1/admin/messages?overdue=true', headers: bearer(t.rs) });
      expect(later.json().items.map((i: { id: number }) => i.id)).toEqual([older, late, fresh]);
    } finally {
      await t.t.close();
    }
  });
});
