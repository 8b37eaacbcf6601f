import { PUBLISHED, bearer, databases, wechatLogin } from '../helper';
import { buildWorld, type World } from './world';

const A = PUBLISHED[0]; // 制造业, 中型, 茶园街道, 高新技术企业
const B = PUBLISHED[1]; // 批发和零售业, 小型, 龙湖街道

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  let newPolicyTpl: string;
  beforeAll(async () => {
    w = await buildWorld(kind);
    newPolicyTpl = w.t.app.notifications.templates.newPolicy.templateId;
  });
  afterAll(async () => {
    await w.t.close();
  });

  const subscribe = (token: string, templateId: string, accepted = true) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: bearer(token), payload: { templateId, accepted } });
  const creditsOf = async (token: string, key: string) => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/subscriptions', headers: bearer(token) });
    return (res.json().templates as { key: string; credits: number }[]).find((t) => t.key === key)!.credits;
  };
  const bindUser = async (openid: string, e: (typeof PUBLISHED)[number]) => {
    const token = await wechatLogin(w.t.app, openid);
    await w.t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload: { uscc: e.uscc, name: e.name } });
    return token;
  };
  it('lists the templates and counts one credit per accepted request, none for a refusal', async () => {
    const token = await bindUser('sub-list', A);
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/subscriptions', headers: bearer(token) });
    expect(res.json().templates.map((t: { key: string; title: string }) => [t.key, t.title])).toEqual(
      expect.arrayContaining([
        ['newPolicy', '新政策提醒'],
        ['benefitPublicized', '免申即享公示提醒'],
        ['benefitPaid', '政策兑现到账通知'],
      ]),
    );
    await subscribe(token, newPolicyTpl);
    await subscribe(token, newPolicyTpl);
    await subscribe(token, newPolicyTpl, false);
    expect(await creditsOf(token, 'newPolicy')).toBe(2);
    const retried = { 'idempotency-key': 'tap-1' };
    for (let i = 0; i < 2; i++) {
      await w.t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: { ...bearer(token), ...retried }, payload: { templateId: newPolicyTpl, accepted: true } });
    }
    expect(await creditsOf(token, 'newPolicy')).toBe(3);
    const unknown = await subscribe(token, 'not-our-template');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('templateId');
  });

  it('sends 新政策提醒 on publish to exactly the subscribers whose enterprise matches, one send per credit', async () => {
    const t = await buildWorld(kind);
    try {
      const world = t;
      const login = async (openid: string, e?: (typeof PUBLISHED)[number]) => {
        const token = await wechatLogin(world.t.app, openid);
        if (e) await world.t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload: { uscc: e.uscc, name: e.name } });
        return token;
      };
      const tpl = world.t.app.notifications.templates.newPolicy.templateId;
      const sub = (token: string) =>
        world.t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: bearer(token), payload: { templateId: tpl, accepted: true } });
      const a1 = await login('match-a1', A);
      const a2 = await login('match-a2', A); // matching, but never accepted
      const b1 = await login('nomatch-b1', B);
      const loose = await login('unbound-1');
      for (const token of [a1, b1, loose]) await sub(token);
      void a2;

      const title = '茗溪区高新技术企业研发投入后补助政策（2026年度）';
      const id = await world.policy({ title, status: 'draft', conditions: [{ field: 'qualifications', op: 'has', value: '高新技术企业' }] });
      // Published through the department's own route, which announces it on policyEvents.
      const published = await world.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/publish`, headers: bearer(world.rs) });
      expect(published.statusCode).toBe(200);
      await world.t.app.policyEvents.idle();
      await world.t.app.notifications.idle();

      const sent = world.t.standIn.sentMessages();
      expect(sent.map((m) => m.touser)).toEqual(['match-a1']);
      expect(sent[0]).toMatchObject({ templateId: tpl, page: `pages/policies/detail?id=${id}` });
      for (const [key, value] of Object.entries(sent[0].data)) {
        if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
      }
      expect(sent[0].data.thing2).toBe('区人社局');

      // The credit is spent: the next matching policy reaches nobody.
      const second = await world.policy({ title: '另一项政策', status: 'draft' });
      await world.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${second}/publish`, headers: bearer(world.rs) });
      await world.t.app.policyEvents.idle();
      await world.t.app.notifications.idle();
      expect(world.t.standIn.sentMessages().map((m) => m.touser)).toEqual(['match-a1', 'nomatch-b1']);
    } finally {
      await t.t.close();
    }
  });

  it('records a send without credit as skipped, drops the credit on WeChat 43101 and keeps it on a transient failure', async () => {
    const token = await bindUser('fail-user', A);
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    const userId = me.json().user.id as number;
    const notify = () => w.t.app.notifications.notify(userId, 'newPolicy', { thing1: '测试政策', thing2: '区人社局', date3: '2026-10-12', thing4: '点击查看' }, 'pages/policies/detail?id=1');

    expect(await notify()).toBe('skipped');
    await subscribe(token, newPolicyTpl);
    w.t.standIn.failNext('subscribe_send', -1);
    expect(await notify()).toBe('failed');
    expect(await creditsOf(token, 'newPolicy')).toBe(1);
    w.t.standIn.failNext('subscribe_send', 43101);
    expect(await notify()).toBe('refused');
    expect(await creditsOf(token, 'newPolicy')).toBe(0);
    expect(await notify()).toBe('skipped');
    const log = await w.t.app.repos.subscriptions.notificationsOf(userId);
    expect(log.map((n) => [n.status, n.errcode])).toEqual([
      ['skipped', null],
      ['failed', -1],
      ['refused', 43101],
      ['skipped', null],
    ]);
    // Nothing personal reaches the log: no openid in any line.
    expect(w.t.logs.join('\n')).not.toContain('fail-user');
  });

  it('keeps the credit when the policy published is already out of force', async () => {
    const token = await bindUser('sub-expired', A);
    await subscribe(token, newPolicyTpl);
    const before = w.t.standIn.sentMessages().length;
    const id = await w.policy({ title: '已到期的旧政策', status: 'draft', validFrom: '2020-01-01', validTo: '2020-12-31' });
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/publish`, headers: bearer(w.rs) })).statusCode).toBe(200);
    await w.t.app.policyEvents.idle();
    await w.t.app.notifications.idle();
    expect(w.t.standIn.sentMessages().length).toBe(before);
    expect(await creditsOf(token, 'newPolicy')).toBe(1);
  });

  it('does not notify for a policy that is not published', async () => {
    const before = w.t.standIn.sentMessages().length;
    const id = await w.policy({ title: '草稿', status: 'draft' });
    w.t.app.policyEvents.emit('published', id);
    await w.t.app.policyEvents.idle();
    await w.t.app.notifications.idle();
    expect(w.t.standIn.sentMessages().length).toBe(before);
  });
});
