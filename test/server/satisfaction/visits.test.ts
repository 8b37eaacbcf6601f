import { databases } from '../helper';
import { scores, world, type World } from './world';

describe.each(databases())('visits (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('visitor opens a visit, the owner follows the code, rates 2, a ticket appears; the visitor sees only that it was rated', async () => {
    const owner = await w.enterprise('茗溪白茶合作社有限公司');
    const projectId = await w.project(owner.enterpriseId);

    const opened = await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, projectId, stage: '施工许可' });
    expect(opened.statusCode).toBe(201);
    const { id, scene, miniProgramPath, h5Url } = opened.json();
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(miniProgramPath).toBe(`pages/survey/index?scene=${scene}`);
    expect(h5Url).toBe(`/#/pages/survey/index?scene=${scene}`);

    // Another enterprise scanning the code learns nothing.
    const stranger = await w.enterprise();
    expect((await w.get(stranger.token, `/api/v1/visits/${scene}`)).statusCode).toBe(404);
    expect((await w.get(w.staffA, `/api/v1/visits/${scene}`)).statusCode).toBe(403);

    const prefill = await w.get(owner.token, `/api/v1/visits/${scene}`);
    expect(prefill.json()).toEqual({
      id,
      enterprise: { id: owner.enterpriseId, name: '茗溪白茶合作社有限公司' },
      project: { id: projectId, name: '茗溪智能制造产业园' },
      department: { id: w.departments.a, name: '区发改委' },
      stage: '施工许可',
      target: { kind: 'project', projectId, stage: '施工许可' },
      ratedAt: null,
      alreadyRatedAt: null,
    });

    const rated = await w.rate(owner, { target: prefill.json().target, scores: scores(2, 3), comment: '材料反复退回', visitId: id });
    expect(rated.statusCode).toBe(201);
    const ledger = (await w.get(w.staffA, '/api/v1/admin/tickets')).json();
    expect(ledger.items.map((t: { id: number }) => t.id)).toContain(rated.json().ticketId);

    const mine = await w.get(w.visitor, '/api/v1/visits');
    expect(mine.statusCode).toBe(200);
    const visit = mine.json().items.find((v: { id: number }) => v.id === id);
    expect(visit.ratedAt).toEqual(expect.any(String));
    // No scores, no comment, nothing of the answers.
    expect(Object.keys(visit).sort()).toEqual(['createdAt', 'department', 'enterprise', 'h5Url', 'id', 'miniProgramPath', 'project', 'ratedAt', 'ratedElsewhere', 'scene', 'stage']);
    expect(mine.body).not.toContain('材料反复退回');
    expect(mine.body).not.toMatch(/overall|scores|comment/);

    // Only the visit's own enterprise can attach a rating to it.
    const foreign = await w.rate(stranger, { target: { kind: 'department', departmentId: w.departments.a }, scores: scores(5), visitId: id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.field).toBe('visitId');
  });

  it('checks the visit’s enterprise and project, and who may open one', async () => {
    const owner = await w.enterprise();
    const other = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    expect((await w.post(w.visitor, '/api/v1/visits', { enterpriseId: other.enterpriseId, projectId, stage: '立项' })).statusCode).toBe(404);
    expect((await w.post(w.visitor, '/api/v1/visits', { enterpriseId: 999999, stage: '立项' })).statusCode).toBe(404);
    expect((await w.post(owner.token, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '立项' })).statusCode).toBe(403);
    // Without a project the visit rates the visitor's own department.
    const deptVisit = await w.post(w.visitor, '/api/v1/visits', { enterpriseId: owner.enterpriseId, stage: '2026年四季度走访' });
    const prefill = (await w.get(owner.token, `/api/v1/visits/${deptVisit.json().scene}`)).json();
    expect(prefill.target).toEqual({ kind: 'department', departmentId: w.departments.a, stage: '2026年四季度走访' });
    // The visitor's list holds only their own visits.
    expect((await w.get(w.staffB, '/api/v1/visits')).json().total).toBe(0);
  });
});
