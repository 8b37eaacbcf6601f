import { databases } from '../helper';
import { NOW, scores, world, type World } from './world';

const Q4 = '2026年第四季度';
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

describe.each(databases())('rating status before a survey (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('tells the enterprise, before it fills anything in, that a department was already rated this quarter and names the department', async () => {
    const owner = await w.enterprise();
    const colleague = await w.enterprise();
    const url = `/api/v1/ratings/status?${q({ departmentId: w.departments.b, stage: Q4 })}`;

    const before = await w.get(owner.token, url);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      target: { kind: 'department', departmentId: w.departments.b, stage: Q4 },
      title: '区科工局',
      department: { id: w.departments.b, name: '区科工局' },
      stage: Q4,
      delivery: null,
      ratedAt: null,
    });
    expect((await w.get(owner.token, `/api/v1/ratings/department-status?${q({ stage: Q4 })}`)).json()).toEqual({ stage: Q4, items: [] });

    expect((await w.rate(owner, { target: { kind: 'department', departmentId: w.departments.b, stage: Q4 }, scores: scores(4) })).statusCode).toBe(201);

    const after = (await w.get(owner.token, url)).json();
    expect(after.ratedAt).toBe(NOW);
    const hub = (await w.get(owner.token, `/api/v1/ratings/department-status?${q({ stage: Q4 })}`)).json();
    expect(hub).toEqual({ stage: Q4, items: [{ departmentId: w.departments.b, ratedAt: NOW }] });
    // Another quarter is another stage; another enterprise has its own answer.
    expect((await w.get(owner.token, `/api/v1/ratings/status?${q({ departmentId: w.departments.b, stage: '2027年第一季度' })}`)).json().ratedAt).toBeNull();
    expect((await w.get(colleague.token, url)).json().ratedAt).toBeNull();
    expect((await w.get(colleague.token, `/api/v1/ratings/department-status?${q({ stage: Q4 })}`)).json().items).toEqual([]);
  });

  it('names a project and checks its stage; someone else’s project is not found; the query must name exactly one thing', async () => {
    const owner = await w.enterprise();
    const other = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId, '茗溪新材料产业园');
    const status = await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId, stage: '立项' })}`);
    expect(status.json()).toMatchObject({ title: '茗溪新材料产业园', department: { id: w.departments.a, name: '区发改委' }, stage: '立项', ratedAt: null });
    await w.rate(owner, { target: { kind: 'project', projectId, stage: '立项' }, scores: scores(5) });
    expect((await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId, stage: '立项' })}`)).json().ratedAt).toBe(NOW);
    expect((await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId, stage: '施工许可' })}`)).json().ratedAt).toBeNull();

    const wrongStage = await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId, stage: '拆迁' })}`);
    expect(wrongStage.statusCode).toBe(400);
    expect(wrongStage.json().error.field).toBe('target.stage');
    expect((await w.get(other.token, `/api/v1/ratings/status?${q({ projectId, stage: '立项' })}`)).statusCode).toBe(404);
    const none = await w.get(owner.token, '/api/v1/ratings/status');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/请指定一个评价对象/);
    expect((await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId, departmentId: w.departments.a, stage: '立项' })}`)).statusCode).toBe(400);
    expect((await w.get(owner.token, `/api/v1/ratings/status?${q({ projectId })}`)).json().error.field).toBe('stage');
    // Staff cannot ask which enterprise rated what.
    expect((await w.get(w.staffA, `/api/v1/ratings/status?${q({ projectId, stage: '立项' })}`)).statusCode).toBe(403);
  });

  it('names a delivery by its booking and says it is not ratable before it is delivered', async () => {
    const owner = await w.enterprise();
    const insertDelivery = async (status: string) =>
      (
        await w.t.app.db
          .insertInto('deliveries')
          .values({
            enterprise_id: owner.enterpriseId,
            created_by: owner.userId,
            status,
            items: JSON.stringify([{ kind: '营业执照', quantity: 1 }, { kind: '其他', quantity: 1, description: '开户许可' }]),
            mode: '自取',
            recipient_name: '王小明',
            phone_enc: 'x',
            phone_masked: '138****1234',
            date: '2026-09-29',
            period: '上午',
            created_at: NOW,
            updated_at: NOW,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const delivered = await insertDelivery('delivered');
    const pending = await insertDelivery('accepted');
    const status = (await w.get(owner.token, `/api/v1/ratings/status?deliveryId=${delivered}`)).json();
    expect(status).toMatchObject({
      target: { kind: 'delivery', deliveryId: delivered },
      title: '证照递送服务',
      delivery: { date: '2026-09-29', items: [{ kind: '营业执照' }, { kind: '其他', description: '开户许可' }] },
      ratedAt: null,
    });
    const early = await w.get(owner.token, `/api/v1/ratings/status?deliveryId=${pending}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_RATABLE');
  });
});

describe.each(databases())('visits and stages already rated (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('refuses to open a visit for a stage the enterprise already rated, and lists those stages for the stage chips', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    expect((await w.get(w.visitor, `/api/v1/visits/rated-stages?${q({ enterpriseId: owner.enterpriseId, projectId })}`)).json()).toEqual({ stages: [] });

    await w.rate(owner, { target: { kind: 'project', projectId, stage: '立项' }, scores: scores(2), comment: '审批慢' });

    const stages = await w.get(w.visitor, `/api/v1/visits/rated-stages?${q({ enterpriseId: owner.enterpriseId, projectId })}`);
    expect(stages.json()).toEqual({ stages: ['立项'] });
    // Whether, never how: no score, comment or rater.
    expect(stages.body).not.toMatch(/审批慢|overall|user/);

    const refused = await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, projectId, stage: '立项' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'ALREADY_RATED', message: '该企业已评价过该项目的“立项”阶段，请选择其他阶段', field: 'stage' });
    expect((await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, projectId, stage: '施工许可' })).statusCode).toBe(201);

    // A department's service: the visitor's own by default, or the one named.
    await w.rate(owner, { target: { kind: 'department', departmentId: w.departments.a, stage: '2026年第三季度走访' }, scores: scores(5) });
    expect((await w.get(w.visitor, `/api/v1/visits/rated-stages?${q({ enterpriseId: owner.enterpriseId })}`)).json().stages).toEqual(['2026年第三季度走访']);
    expect((await w.get(w.visitor, `/api/v1/visits/rated-stages?${q({ enterpriseId: owner.enterpriseId, departmentId: w.departments.b })}`)).json().stages).toEqual([]);
    const deptRefused = await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '2026年第三季度走访' });
    expect(deptRefused.statusCode).toBe(409);
    expect(deptRefused.json().error.message).toBe('该企业已评价过该部门服务的“2026年第三季度走访”阶段，请选择其他阶段');

    const other = await w.enterprise();
    expect((await w.get(w.visitor, `/api/v1/visits/rated-stages?${q({ enterpriseId: other.enterpriseId, projectId })}`)).statusCode).toBe(404);
    expect((await w.get(owner.token, `/api/v1/visits/rated-stages?${q({ enterpriseId: owner.enterpriseId, projectId })}`)).statusCode).toBe(403);
  });

  it('a visit whose stage was rated another way shows as rated: the prefill says when, and the visitor’s list stops waiting', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    const opened = (await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, projectId, stage: '竣工验收' })).json();
    const prefill = async () => (await w.get(owner.token, `/api/v1/visits/${opened.scene}`)).json();
    expect((await prefill()).alreadyRatedAt).toBeNull();

    // The owner rates the stage from the project page before scanning the code.
    const earlier = '2026-10-12T01:00:00.000Z';
    w.setNow(earlier);
    expect((await w.rate(owner, { target: { kind: 'project', projectId, stage: '竣工验收' }, scores: scores(4) })).statusCode).toBe(201);
    expect(await prefill()).toMatchObject({ ratedAt: null, alreadyRatedAt: earlier });

    // The survey queued offline from the code now comes back refused…
    w.setNow('2026-10-13T01:00:00.000Z');
    const late = await w.rate(owner, { target: { kind: 'project', projectId, stage: '竣工验收' }, scores: scores(1), visitId: opened.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ALREADY_RATED');
    // …and the visitor sees the visit as rated (at that earlier time, another way), not 待评价 forever.
    const mine = (await w.get(w.visitor, '/api/v1/visits')).json();
    const row = mine.items.find((v: { id: number }) => v.id === opened.id);
    expect(row).toMatchObject({ ratedAt: earlier, ratedElsewhere: true });
    w.setNow(NOW);
  });

  it('a visit rated through its own code is rated, not elsewhere', async () => {
    const owner = await w.enterprise();
    const opened = (await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '2026年第四季度走访' })).json();
    const prefill = (await w.get(owner.token, `/api/v1/visits/${opened.scene}`)).json();
    expect((await w.rate(owner, { target: prefill.target, scores: scores(5), visitId: opened.id })).statusCode).toBe(201);
    expect((await w.get(owner.token, `/api/v1/visits/${opened.scene}`)).json()).toMatchObject({ ratedAt: NOW, alreadyRatedAt: NOW });
    const row = (await w.get(w.visitor, '/api/v1/visits')).json().items.find((v: { id: number }) => v.id === opened.id);
    expect(row).toMatchObject({ ratedAt: NOW, ratedElsewhere: false });
  });
});
