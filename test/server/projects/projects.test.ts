import { databases } from '../helper';
import { STAGES, world, type World } from '../satisfaction/world';

describe.each(databases())('key projects of an enterprise (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('lists only that enterprise’s projects, each with its department and stages, for visitors, staff and the office', async () => {
    const owner = await w.enterprise();
    const neighbour = await w.enterprise();
    const first = await w.project(owner.enterpriseId, '茗溪智能制造产业园');
    await w.project(neighbour.enterpriseId, '邻居的项目');
    const second = (
      await w.t.app.db
        .insertInto('projects')
        .values({ name: '白茶深加工扩产项目', department_id: w.departments.b, enterprise_id: owner.enterpriseId, stages: JSON.stringify(['备案', '竣工验收']), created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    for (const token of [w.visitor, w.staffB, w.admin]) {
      const res = await w.get(token, `/api/v1/projects?enterpriseId=${owner.enterpriseId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [
          { id: first, name: '茗溪智能制造产业园', department: { id: w.departments.a, name: '区发改委' }, stages: STAGES },
          { id: second, name: '白茶深加工扩产项目', department: { id: w.departments.b, name: '区科工局' }, stages: ['备案', '竣工验收'] },
        ],
      });
    }
  });

  it('gives an empty list for an enterprise without projects, and 404 for one that does not exist', async () => {
    const plain = await w.enterprise();
    expect((await w.get(w.visitor, `/api/v1/projects?enterpriseId=${plain.enterpriseId}`)).json()).toEqual({ items: [] });
    const missing = await w.get(w.visitor, '/api/v1/projects?enterpriseId=999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'enterpriseId' });
    expect((await w.get(w.visitor, '/api/v1/projects')).statusCode).toBe(400);
    expect((await w.get(w.visitor, '/api/v1/projects?enterpriseId=abc')).statusCode).toBe(400);
  });

  it('is not for enterprises or anonymous callers', async () => {
    const owner = await w.enterprise();
    await w.project(owner.enterpriseId);
    expect((await w.get(owner.token, `/api/v1/projects?enterpriseId=${owner.enterpriseId}`)).statusCode).toBe(403);
    const anonymous = await w.t.app.inject({ method: 'GET', url: `/api/v1/projects?enterpriseId=${owner.enterpriseId}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('is documented in OpenAPI with its tag and who may call it', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { tags: string[]; 'x-access': unknown }>> }>();
    const op = doc.paths['/api/v1/projects'].get;
    expect(op.tags).toEqual(['重点项目']);
    expect(op['x-access']).toEqual(['visitor', 'staff', 'admin']);
  });
});
