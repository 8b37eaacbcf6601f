import { bearer, databases } from '../helper';
import { policyBody, policyWorld, type PolicyWorld } from './setup';

interface Item {
  id: number;
  title: string;
  kind: string;
  level: string;
  method: string;
  tags: string[];
  department: { id: number; name: string };
  expired: boolean;
  validTo: string | null;
  matchedTerms: string[];
}

/**
 * The top results each query gives. Derived once from the seed; both databases must give exactly
 * these (relevance is computed the same way on both, ties broken by publication then id).
 */
const TOP5: Record<string, string[]> = {
  社保: ['小微企业吸纳就业社保补贴', '困难企业阶段性缓缴社会保险费', '失业保险稳岗返还', '企业开办“零成本”服务', '人才引进安家补贴'],
  补贴: ['人才引进安家补贴', '高校毕业生就业见习补贴', '小微企业吸纳就业社保补贴'],
  贷款: ['中小微企业贷款风险补偿', '农业产业化龙头企业贷款贴息', '创业担保贷款贴息', '政府采购合同融资“政采贷”'],
  执照: ['营业执照及证照上门递送服务', '政府采购电子营业执照免提交', '企业开办“零成本”服务'],
  研发: ['科技型中小企业研发费用加计扣除', '企业研发投入奖补', '高新技术企业认定培育入库', '省级专精特新中小企业认定'],
  '2023 稳岗': ['失业保险稳岗返还'],
};

describe.each(databases())('%s', (kind) => {
  let w: PolicyWorld;
  beforeAll(async () => {
    w = await policyWorld(kind);
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const list = async (query: string, headers: Record<string, string> = {}) => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/policies?${query}`, headers });
    return { status: res.statusCode, body: res.json<{ items: Item[]; total: number; error?: { code: string } }>() };
  };
  const search = (q: string, extra = '') => list(`q=${encodeURIComponent(q)}&pageSize=5${extra}`);
  const titles = (items: Item[]) => items.map((i) => i.title);

  describe('two-character and mixed queries', () => {
    it.each(Object.keys(TOP5))('“%s” gives the same top results on every database', async (q) => {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(titles(body.items)).toEqual(TOP5[q]);
    });

    it('finds 社会保险 for 社保 and says which words to highlight', async () => {
      const { body } = await search('社保');
      const deferral = body.items.find((i) => i.title === '困难企业阶段性缓缴社会保险费')!;
      expect(deferral.matchedTerms).toContain('社会保险');
      expect(body.items[0].matchedTerms).toEqual(expect.arrayContaining(['社保']));
    });

    it('requires every word of a mixed query: 2023 稳岗 does not return every 2023 policy', async () => {
      const { body } = await search('2023 稳岗');
      expect(body.total).toBe(1);
      const only2023 = await search('2023');
      expect(only2023.body.total).toBeGreaterThan(1);
    });

    it('finds longer phrases, the closest title first', async () => {
      const { body } = await search('研发费用加计扣除');
      expect(body.items[0].title).toBe('科技型中小企业研发费用加计扣除');
    });

    it('ignores a query of punctuation only and returns the normal list', async () => {
      const all = await list('pageSize=50');
      const { status, body } = await list(`q=${encodeURIComponent('，。！')}&pageSize=50`);
      expect(status).toBe(200);
      expect(body.total).toBe(all.body.total);
    });

    it('finds nothing, with total 0, for a word no policy has', async () => {
      const { body } = await search('区块链元宇宙');
      expect(body).toEqual({ items: [], total: 0 });
    });
  });

  describe('ranking', () => {
    it('ranks a title hit above a body hit even when the body hit is newer', async () => {
      const dept = await w.departmentId('区人社局');
      const create = async (over: Record<string, unknown>) => {
        const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/policies', headers: bearer(w.rsj), payload: policyBody({ departmentId: dept, ...over }) });
        expect(res.statusCode).toBe(201);
        const id = res.json<{ id: number }>().id;
        expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/publish`, headers: bearer(w.rsj) })).statusCode).toBe(200);
        return id;
      };
      const titleHit = await create({ title: '直播带岗示范基地奖励', body: '对认定的示范基地给予奖励。' });
      const bodyHit = await create({ title: '就业服务站点建设补助', body: '支持站点开展直播带岗等线上招聘活动。' });
      const { body } = await search('直播带岗');
      expect(body.items.map((i) => i.id)).toEqual([titleHit, bodyHit]);
    });

    it('lists by publication, newest first, when there is no query', async () => {
      const { body } = await list('pageSize=50');
      expect(body.items[0].title).toBe('就业服务站点建设补助');
    });
  });

  describe('filters and paging', () => {
    it('shows published policies in force by default, expired ones only on request', async () => {
      const current = await list('pageSize=50');
      expect(current.body.items.every((i) => !i.expired)).toBe(true);
      expect(titles(current.body.items)).not.toContain('2027年度茶青收购价格保险保费补贴'); // draft
      expect(titles(current.body.items)).not.toContain('个体工商户转型为企业奖励'); // withdrawn
      const all = await list('pageSize=50&includeExpired=true');
      const expired = all.body.items.filter((i) => i.expired);
      expect(expired.length).toBeGreaterThan(0);
      expect(expired.every((i) => i.validTo !== null && i.validTo < '2026-11-27')).toBe(true);
      expect(all.body.total).toBe(current.body.total + expired.length);
    });

    it('filters by kind, level, method, tag and department', async () => {
      const byKind = await list(`kind=${encodeURIComponent('减免')}&pageSize=50`);
      expect(byKind.body.total).toBeGreaterThan(0);
      expect(byKind.body.items.every((i) => i.kind === '减免')).toBe(true);

      const byLevel = await list(`level=${encodeURIComponent('省')}&pageSize=50`);
      expect(byLevel.body.total).toBeGreaterThan(0);
      expect(byLevel.body.items.every((i) => i.level === '省')).toBe(true);

      const byMethod = await list(`method=${encodeURIComponent('快申快享')}&pageSize=50`);
      expect(titles(byMethod.body.items)).toContain('创业担保贷款贴息');
      expect(byMethod.body.items.every((i) => i.method === '快申快享')).toBe(true);

      const byTag = await list(`tag=${encodeURIComponent('贷款')}&pageSize=50`);
      expect(titles(byTag.body.items)).toContain('创业担保贷款贴息');
      expect(byTag.body.items.every((i) => i.tags.includes('贷款'))).toBe(true);

      const dept = await w.departmentId('区林茶局');
      const byDept = await list(`department=${dept}&q=${encodeURIComponent('茶')}&pageSize=50`);
      expect(byDept.body.total).toBeGreaterThan(0);
      expect(byDept.body.items.every((i) => i.department.name === '区林茶局')).toBe(true);
    });

    it('treats a tag literally (no wildcard)', async () => {
      const { body } = await list(`tag=${encodeURIComponent('%')}`);
      expect(body.total).toBe(0);
    });

    it('pages without repeats and keeps the total', async () => {
      const first = await list('page=1&pageSize=4');
      const second = await list('page=2&pageSize=4');
      expect(first.body.items).toHaveLength(4);
      expect(second.body.total).toBe(first.body.total);
      const ids = new Set([...first.body.items, ...second.body.items].map((i) => i.id));
      expect(ids.size).toBe(8);
      const beyond = await list('page=999&pageSize=50');
      expect(beyond.body).toEqual({ items: [], total: first.body.total });
    });

    it('refuses pages larger than 50 and unknown kinds in Chinese', async () => {
      const big = await list('pageSize=51');
      expect(big.status).toBe(400);
      expect(big.body.error).toEqual({ code: 'VALIDATION', message: 'pageSize：不能大于50', field: 'pageSize' });
      const kindBad = await list(`kind=${encodeURIComponent('补贴')}`);
      expect(kindBad.status).toBe(400);
    });
  });

  describe('facets', () => {
    it('counts published policies in force per department and tag', async () => {
      const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/policies/facets' });
      expect(res.statusCode).toBe(200);
      const facets = res.json<{ departments: { id: number; name: string; count: number }[]; tags: { name: string; count: number }[] }>();
      const all = await list('pageSize=50');
      expect(facets.departments.reduce((s, d) => s + d.count, 0)).toBe(all.body.total);
      const rsj = facets.departments.find((d) => d.name === '区人社局')!;
      const byDept = await list(`department=${rsj.id}&pageSize=50`);
      expect(rsj.count).toBe(byDept.body.total);
      const social = facets.tags.find((t) => t.name === '社保')!;
      const byTag = await list(`tag=${encodeURIComponent('社保')}&pageSize=50`);
      expect(social.count).toBe(byTag.body.total);
    });
  });

  describe('detail', () => {
    const detail = (id: number, token?: string) =>
      w.t.app.inject({ method: 'GET', url: `/api/v1/policies/${id}`, headers: token ? bearer(token) : {} });

    it('shows every field of a published policy to anyone', async () => {
      const { body } = await search('稳岗');
      const res = await detail(body.items[0].id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        title: '失业保险稳岗返还',
        status: 'published',
        expired: false,
        department: { name: expect.any(String) },
        basisDoc: expect.any(String),
        body: expect.stringContaining('稳岗'),
        conditions: [{ field: 'yearsSinceRegistration', op: 'gte', value: 1 }],
      });
    });

    it('shows a draft only to staff of its department and the admin', async () => {
      const created = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/policies', headers: bearer(w.rsj), payload: policyBody({ title: '草稿政策' }) });
      const draft = created.json<{ id: number; status: string }>();
      expect(draft.status).toBe('draft');
      const other = (await w.t.app.repos.policies.adminList({ status: 'draft', limit: 50, offset: 0 })).rows.find((r) => r.department.name !== '区人社局');
      const anonymous = await detail(draft.id);
      expect(anonymous.statusCode).toBe(404);
      expect(anonymous.json().error).toEqual({ code: 'POLICY_NOT_FOUND', message: '政策不存在或尚未发布' });
      const owner = await w.ownerOf('茗溪云峰茶业有限公司', 'detail-owner');
      expect((await detail(draft.id, owner)).statusCode).toBe(404);
      expect((await detail(draft.id, w.rsj)).statusCode).toBe(200);
      expect((await detail(draft.id, w.admin)).statusCode).toBe(200);
      if (other) expect((await detail(other.id, w.rsj)).statusCode).toBe(404);
    });

    it('answers a repeat from memory with the same bytes, and shows an edit or a withdrawal at once', async () => {
      const created = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/policies', headers: bearer(w.rsj), payload: policyBody({ title: '缓存核对政策' }) });
      const { id } = created.json<{ id: number }>();
      expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/publish`, headers: bearer(w.rsj) })).statusCode).toBe(200);
      const first = await detail(id);
      const again = await detail(id);
      expect(first.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(first.json().title).toBe('缓存核对政策');

      const edited = await w.t.app.inject({ method: 'PUT', url: `/api/v1/admin/policies/${id}`, headers: bearer(w.rsj), payload: policyBody({ title: '缓存核对政策（修订）' }) });
      expect(edited.statusCode).toBe(200);
      expect((await detail(id)).json().title).toBe('缓存核对政策（修订）');

      expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/withdraw`, headers: bearer(w.rsj) })).statusCode).toBe(200);
      expect((await detail(id)).statusCode).toBe(404);
      expect((await detail(id, w.rsj)).json().status).toBe('withdrawn');
    });

    it('says 404 POLICY_NOT_FOUND for an unknown id and 401 for a dead token', async () => {
      expect((await detail(999999)).json().error.code).toBe('POLICY_NOT_FOUND');
      const draft = (await w.t.app.repos.policies.adminList({ status: 'draft', limit: 1, offset: 0 })).rows[0];
      const res = await detail(draft.id, 'x'.repeat(43));
      expect(res.statusCode).toBe(401);
    });
  });

  describe('仅看我可享 (eligible=true)', () => {
    it('asks anonymous callers to log in and unbound users to bind', async () => {
      expect((await list('eligible=true')).status).toBe(401);
      const { wechatLogin } = await import('../helper');
      const unbound = await wechatLogin(w.t.app, 'eligible-unbound');
      const res = await list('eligible=true', bearer(unbound));
      expect(res.status).toBe(409);
      expect(res.body.error).toEqual({ code: 'ENTERPRISE_NOT_BOUND', message: '请先绑定企业' });
    });

    it('keeps only the policies the bound enterprise matches', async () => {
      const owner = await w.ownerOf('茗溪龙湖精密机械制造有限公司', 'eligible-owner');
      const mine = await list('eligible=true&pageSize=50', bearer(owner));
      expect(mine.status).toBe(200);
      const matches = await w.t.app.inject({ method: 'GET', url: '/api/v1/me/policy-matches', headers: bearer(owner) });
      const matchedIds = matches
        .json<{ policy: { id: number }; matched: boolean }[]>()
        .filter((m) => m.matched)
        .map((m) => m.policy.id)
        .sort((a, b) => a - b);
      expect(mine.body.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(matchedIds);
      expect(titles(mine.body.items)).toContain('高新技术企业认定奖励');
      expect(titles(mine.body.items)).not.toContain('小微企业吸纳就业社保补贴');
      const withQuery = await list(`eligible=true&q=${encodeURIComponent('社保')}`, bearer(owner));
      expect(titles(withQuery.body.items)).not.toContain('小微企业吸纳就业社保补贴');
      expect(withQuery.body.total).toBeLessThan((await search('社保')).body.total);
    });
  });
});
