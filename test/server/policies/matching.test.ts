import { bearer, databases, wechatLogin } from '../helper';
import { policyWorld, type PolicyWorld } from './setup';

interface Match {
  policy: { id: number; title: string };
  matched: boolean;
  missing: string[];
  conditions: { condition: { field: string }; met: boolean | null; reason: string }[];
}

describe.each(databases())('%s', (kind) => {
  let w: PolicyWorld;
  beforeAll(async () => {
    w = await policyWorld(kind);
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const matches = async (token: string) => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/policy-matches', headers: bearer(token) });
    return { status: res.statusCode, body: res.json<Match[]>() };
  };
  const find = (list: Match[], title: string) => list.find((m) => m.policy.title === title)!;
  const patch = (token: string, payload: object) =>
    w.t.app.inject({ method: 'PATCH', url: '/api/v1/me/enterprise/profile', headers: bearer(token), payload });

  it('explains, per condition, why a manufacturer matches or not', async () => {
    const owner = await w.ownerOf('茗溪龙湖精密机械制造有限公司', 'match-owner');
    const { status, body } = await matches(owner);
    expect(status).toBe(200);
    const hnte = find(body, '高新技术企业认定奖励');
    expect(hnte.matched).toBe(true);
    expect(hnte.conditions).toEqual([{ condition: { field: 'qualifications', op: 'has', value: '高新技术企业' }, met: true, reason: '需为高新技术企业：您的企业已认定 ✓' }]);
    const social = find(body, '小微企业吸纳就业社保补贴');
    expect(social.matched).toBe(false);
    expect(social.conditions[0]).toMatchObject({ met: false, reason: '需为小微企业：您的企业为中型企业，不符合' });
    const techSme = find(body, '科技型中小企业研发费用加计扣除');
    expect(techSme.conditions[0]).toMatchObject({ met: false, reason: '需为科技型中小企业：您的企业尚未认定' });
    const srdi = find(body, '专精特新中小企业奖励');
    expect(srdi.matched).toBe(true);
    expect(srdi.conditions.map((c) => c.met)).toEqual([true, true]);
  });

  it('lists every published policy in force, matched ones first', async () => {
    const owner = await w.ownerOf('茗溪龙湖精密机械制造有限公司', 'match-order');
    const { body } = await matches(owner);
    const list = await w.t.app.inject({ method: 'GET', url: '/api/v1/policies?pageSize=50' });
    expect(body).toHaveLength(list.json().total);
    const firstUnmatched = body.findIndex((m) => !m.matched);
    expect(firstUnmatched).toBeGreaterThan(0);
    expect(body.slice(firstUnmatched).every((m) => !m.matched)).toBe(true);
    expect(body.map((m) => m.policy.title)).not.toContain('2027年度茶青收购价格保险保费补贴'); // a draft
  });

  it('asks for the founding date when the registry lacks it, and decides once it is filled in', async () => {
    const owner = await w.ownerOf('茗溪匠心家具制造有限公司', 'match-missing');
    const before = find((await matches(owner)).body, '失业保险稳岗返还');
    expect(before).toMatchObject({ matched: false, missing: ['registeredOn'] });
    expect(before.conditions[0]).toMatchObject({ met: null, reason: '成立年限需满1年：请补充企业成立日期' });

    const res = await patch(owner, { registeredOn: '2019-04-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '茗溪匠心家具制造有限公司', registeredOn: '2019-04-01', industry: '制造业' });

    const after = find((await matches(owner)).body, '失业保险稳岗返还');
    expect(after).toMatchObject({ matched: true, missing: [] });
    expect(after.conditions[0].reason).toBe('成立年限需满1年：您的企业成立于2019年，已满7年 ✓');
  });

  it('never overwrites what the registry holds (409 PROFILE_FIELD_LOCKED)', async () => {
    const owner = await w.ownerOf('茗溪乐购便利店有限公司', 'match-locked');
    const industry = await patch(owner, { industry: '制造业' });
    expect(industry.statusCode).toBe(409);
    expect(industry.json().error).toEqual({ code: 'PROFILE_FIELD_LOCKED', field: 'industry', message: '所属行业以企业名录为准，不能修改；如有误请联系营商办' });
    // All or nothing: the founding date in the same request was not stored either.
    const mixed = await patch(owner, { registeredOn: '2020-01-01', scale: '大型' });
    expect(mixed.statusCode).toBe(409);
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(owner) });
    expect(me.json().enterprise).toMatchObject({ registeredOn: null, scale: '微型' });
    expect((await patch(owner, { registeredOn: '2020-01-01' })).statusCode).toBe(200);
    const twice = await patch(owner, { registeredOn: '2021-01-01' });
    expect(twice.json().error).toMatchObject({ code: 'PROFILE_FIELD_LOCKED', field: 'registeredOn' });
  });

  it('rejects a founding date in the future or not a date, and an empty request', async () => {
    const owner = await w.ownerOf('茗溪匠心家具制造有限公司', 'match-invalid');
    expect((await patch(owner, { registeredOn: '2099-01-01' })).json().error).toMatchObject({ code: 'VALIDATION', field: 'registeredOn' });
    expect((await patch(owner, { registeredOn: '2019/04/01' })).statusCode).toBe(400);
    expect((await patch(owner, {})).statusCode).toBe(400);
    expect((await patch(owner, { qualifications: ['高新技术企业'] })).statusCode).toBe(400);
  });

  it('requires a bound enterprise (409), an enterprise user (403) and a login (401)', async () => {
    const unbound = await wechatLogin(w.t.app, 'match-unbound');
    const res = await matches(unbound);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'ENTERPRISE_NOT_BOUND', message: '请先绑定企业' } });
    expect((await patch(unbound, { registeredOn: '2020-01-01' })).statusCode).toBe(409);
    expect((await matches(w.rsj)).status).toBe(403);
    const anonymous = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/policy-matches' });
    expect(anonymous.statusCode).toBe(401);
  });
});
