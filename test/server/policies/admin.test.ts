import { bearer, databases, wechatLogin } from '../helper';
import { policyBody, policyWorld, type PolicyWorld } from './setup';

describe.each(databases())('%s', (kind) => {
  let w: PolicyWorld;
  let rsjDept: number;
  let kgjDept: number;
  const published: number[] = [];
  beforeAll(async () => {
    w = await policyWorld(kind);
    rsjDept = await w.departmentId('区人社局');
    kgjDept = await w.departmentId('区科工局');
    w.t.app.policyEvents.on('published', (id) => {
      published.push(id);
    });
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string | null, payload?: object, headers: Record<string, string> = {}) =>
    w.t.app.inject({ method, url: `/api/v1/admin/policies${url}`, headers: { ...(token ? bearer(token) : {}), ...headers }, payload });
  const publicSearch = async (q: string) =>
    (await w.t.app.inject({ method: 'GET', url: `/api/v1/policies?q=${encodeURIComponent(q)}` })).json<{ items: { id: number; title: string }[]; total: number }>();

  describe('create, edit, publish, withdraw', () => {
    let id: number;

    it('creates a draft for the staff member’s own department, once per Idempotency-Key', async () => {
      const body = policyBody({ title: '养老服务机构运营补贴', tags: ['养老', ' 补贴 ', '养老'] });
      const res = await inject('POST', '', w.rsj, body, { 'idempotency-key': 'create-pension-1' });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({ title: '养老服务机构运营补贴', status: 'draft', publishedAt: null, department: { id: rsjDept, name: '区人社局' }, tags: ['养老', '补贴'] });
      id = created.id;
      const again = await inject('POST', '', w.rsj, body, { 'idempotency-key': 'create-pension-1' });
      expect(again.statusCode).toBe(201);
      expect(again.json().id).toBe(id);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('keeps a draft out of public search until it is published', async () => {
      expect((await publicSearch('养老服务')).total).toBe(0);
      const res = await inject('POST', `/${id}/publish`, w.rsj);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      const found = await publicSearch('养老服务');
      expect(found.items.map((i) => i.id)).toEqual([id]);
      await w.t.app.policyEvents.idle();
      expect(published).toEqual([id]);
    });

    it('re-indexes an edit at once', async () => {
      const res = await inject('PUT', `/${id}`, w.rsj, policyBody({ title: '养老托育机构运营补贴', body: '对普惠托育机构按托位给予运营补贴。' }));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ title: '养老托育机构运营补贴', status: 'published' });
      expect((await publicSearch('托育')).items.map((i) => i.id)).toEqual([id]);
      expect((await publicSearch('养老服务')).total).toBe(0);
    });

    it('refuses illegal transitions with 409 POLICY_STATUS naming the current status', async () => {
      const again = await inject('POST', `/${id}/publish`, w.rsj);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toEqual({ code: 'POLICY_STATUS', message: '该政策当前为“已发布”，不能发布' });
      expect((await inject('POST', `/${id}/withdraw`, w.rsj)).statusCode).toBe(200);
      expect((await publicSearch('托育')).total).toBe(0);
      const twice = await inject('POST', `/${id}/withdraw`, w.rsj);
      expect(twice.json().error).toEqual({ code: 'POLICY_STATUS', message: '该政策当前为“已撤回”，不能撤回' });
      expect((await inject('POST', `/${id}/publish`, w.rsj)).statusCode).toBe(409);
      const edit = await inject('PUT', `/${id}`, w.rsj, policyBody());
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe('POLICY_STATUS');
      const draft = await inject('POST', '', w.rsj, policyBody({ title: '未发布的草稿' }));
      const withdrawDraft = await inject('POST', `/${draft.json().id}/withdraw`, w.rsj);
      expect(withdrawDraft.json().error).toEqual({ code: 'POLICY_STATUS', message: '该政策当前为“草稿”，不能撤回' });
    });

    it('says 404 POLICY_NOT_FOUND for an unknown policy', async () => {
      const res = await inject('POST', '/999999/publish', w.admin);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('POLICY_NOT_FOUND');
    });
  });

  describe('validation', () => {
    it.each([
      ['an end before the start', { validFrom: '2026-05-01', validTo: '2026-04-30' }, 'validTo', 'validTo：结束日期不能早于开始日期'],
      ['a date that does not exist', { validFrom: '2026-02-30' }, 'validFrom', 'validFrom：不是有效日期'],
      ['a rule without values', { conditions: [{ field: 'industry', op: 'in', values: [' '] }] }, 'conditions.0.values', 'conditions.0.values：至少需要一个取值'],
      [
        'a rule repeated',
        { conditions: [{ field: 'scale', op: 'in', values: ['小型'] }, { field: 'scale', op: 'in', values: ['微型'] }] },
        'conditions.1',
        'conditions.1：与前面的条件重复，请合并为一条',
      ],
      [
        'years that no enterprise can meet',
        { conditions: [{ field: 'yearsSinceRegistration', op: 'gte', value: 5 }, { field: 'yearsSinceRegistration', op: 'lte', value: 3 }] },
        'conditions',
        'conditions：成立年限的下限大于上限，没有企业能满足',
      ],
    ])('rejects %s', async (_label, over, field, message) => {
      const res = await inject('POST', '', w.rsj, policyBody(over));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'VALIDATION', field, message });
    });

    it('rejects a rule over an unknown profile field and an unknown scale', async () => {
      const unknown = await inject('POST', '', w.rsj, policyBody({ conditions: [{ field: 'revenue', op: 'gte', value: 1 }] }));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('VALIDATION');
      const scale = await inject('POST', '', w.rsj, policyBody({ conditions: [{ field: 'scale', op: 'in', values: ['超大型'] }] }));
      expect(scale.statusCode).toBe(400);
    });

    it('asks the admin to choose a department, and rejects one that does not exist', async () => {
      const none = await inject('POST', '', w.admin, policyBody());
      expect(none.json().error).toEqual({ code: 'VALIDATION', field: 'departmentId', message: 'departmentId：请选择发文部门' });
      const unknown = await inject('POST', '', w.admin, policyBody({ departmentId: 9999 }));
      expect(unknown.json().error).toEqual({ code: 'VALIDATION', field: 'departmentId', message: 'departmentId：发文部门不存在' });
      const ok = await inject('POST', '', w.admin, policyBody({ departmentId: kgjDept, title: '管理员代建政策' }));
      expect(ok.statusCode).toBe(201);
      expect(ok.json().department.name).toBe('区科工局');
    });
  });

  describe('permissions', () => {
    let rsjPolicy: number;
    beforeAll(async () => {
      rsjPolicy = (await inject('POST', '', w.rsj, policyBody({ title: '人社局权限测试政策' }))).json().id;
    });

    it('forbids staff of another department to create for, edit, publish or withdraw it (403)', async () => {
      const create = await inject('POST', '', w.kgj, policyBody({ departmentId: rsjDept }));
      expect(create.statusCode).toBe(403);
      expect(create.json().error).toEqual({ code: 'FORBIDDEN', message: '只能管理本部门的政策' });
      expect((await inject('PUT', `/${rsjPolicy}`, w.kgj, policyBody())).statusCode).toBe(403);
      expect((await inject('POST', `/${rsjPolicy}/publish`, w.kgj)).statusCode).toBe(403);
      const moveAway = await inject('PUT', `/${rsjPolicy}`, w.rsj, policyBody({ departmentId: kgjDept }));
      expect(moveAway.statusCode).toBe(403);
    });

    it('lets the admin act on any department', async () => {
      expect((await inject('POST', `/${rsjPolicy}/publish`, w.admin)).statusCode).toBe(200);
      expect((await inject('POST', `/${rsjPolicy}/withdraw`, w.admin)).statusCode).toBe(200);
    });

    it('refuses enterprise users (403) and anonymous callers (401)', async () => {
      const owner = await wechatLogin(w.t.app, 'admin-policies-owner');
      expect((await inject('POST', '', owner, policyBody())).statusCode).toBe(403);
      expect((await inject('GET', '', owner)).statusCode).toBe(403);
      expect((await inject('POST', `/${rsjPolicy}/publish`, owner)).statusCode).toBe(403);
      expect((await inject('POST', '', null, policyBody())).statusCode).toBe(401);
      expect((await inject('GET', '/import-template', null)).statusCode).toBe(401);
    });
  });

  describe('staff list', () => {
    type Page = { items: { id: number; status: string; department: { name: string }; title: string }[]; total: number };

    it('shows staff their own department in every status, newest change first', async () => {
      const res = await inject('GET', '?pageSize=50', w.rsj);
      expect(res.statusCode).toBe(200);
      const page = res.json<Page>();
      expect(page.items.every((i) => i.department.name === '区人社局')).toBe(true);
      expect(new Set(page.items.map((i) => i.status))).toEqual(new Set(['draft', 'published', 'withdrawn']));
      const other = await inject('GET', `?department=${kgjDept}`, w.rsj);
      expect(other.statusCode).toBe(403);
    });

    it('filters by status and by words in the title or 文号', async () => {
      const drafts = (await inject('GET', '?status=draft&pageSize=50', w.rsj)).json<Page>();
      expect(drafts.total).toBeGreaterThan(0);
      expect(drafts.items.every((i) => i.status === 'draft')).toBe(true);
      const byTitle = (await inject('GET', `?q=${encodeURIComponent('权限测试')}`, w.rsj)).json<Page>();
      expect(byTitle.items.map((i) => i.title)).toEqual(['人社局权限测试政策']);
      const byDoc = (await inject('GET', `?q=${encodeURIComponent('茗人社〔2024〕6号')}`, w.rsj)).json<Page>();
      expect(byDoc.items.map((i) => i.title)).toContain('小微企业吸纳就业社保补贴');
    });

    it('shows the admin every department, or one on request', async () => {
      const all = (await inject('GET', '?pageSize=50', w.admin)).json<Page>();
      expect(new Set(all.items.map((i) => i.department.name)).size).toBeGreaterThan(3);
      const kgj = (await inject('GET', `?department=${kgjDept}&pageSize=50`, w.admin)).json<Page>();
      expect(kgj.items.every((i) => i.department.name === '区科工局')).toBe(true);
    });
  });
});
