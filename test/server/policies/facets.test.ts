import { bearer, databases } from '../helper';
import { policyBody, policyWorld, type PolicyWorld } from './setup';

interface Facets {
  departments: { id: number; name: string; count: number }[];
  tags: { name: string; count: number }[];
}

const enc = encodeURIComponent;

describe.each(databases())('%s', (kind) => {
  let w: PolicyWorld;
  beforeAll(async () => {
    w = await policyWorld(kind);
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const facets = async (query = '') => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/policies/facets${query ? `?${query}` : ''}` });
    return { status: res.statusCode, body: res.json<Facets & { error?: { code: string; field?: string } }>() };
  };
  const total = async (query: string) => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/policies?${query}&pageSize=1` });
    expect(res.statusCode).toBe(200);
    return res.json<{ total: number }>().total;
  };

  it('with 类型=奖补, each department’s count is what choosing it lists (no 区财政局（5） that gives 0)', async () => {
    const kindQuery = `kind=${enc('奖补')}`;
    const { status, body } = await facets(kindQuery);
    expect(status).toBe(200);
    expect(body.departments.length).toBeGreaterThan(1);
    for (const d of body.departments) expect([d.name, d.count]).toEqual([d.name, await total(`${kindQuery}&department=${d.id}`)]);
    expect(body.departments.reduce((s, d) => s + d.count, 0)).toBe(await total(kindQuery));
    // Narrower than without the filter: the counts moved.
    const unfiltered = await facets();
    expect(body.departments.reduce((s, d) => s + d.count, 0)).toBeLessThan(unfiltered.body.departments.reduce((s, d) => s + d.count, 0));
  });

  it('counts departments under every filter but the department itself, so the other departments stay choosable', async () => {
    const rsj = await w.departmentId('区人社局');
    const { body } = await facets(`department=${rsj}`);
    const unfiltered = await facets();
    expect(body.departments).toEqual(unfiltered.body.departments);
    // Tags, however, are counted within the chosen department.
    for (const t of body.tags) expect(t.count).toBe(await total(`department=${rsj}&tag=${enc(t.name)}`));
    expect(body.tags.reduce((s, t) => s + t.count, 0)).toBeLessThan(unfiltered.body.tags.reduce((s, t) => s + t.count, 0));
  });

  it('counts tags under every filter but the tag, and departments within the chosen tag', async () => {
    const { body } = await facets(`tag=${enc('社保')}`);
    const unfiltered = await facets();
    expect(body.tags).toEqual(unfiltered.body.tags);
    for (const d of body.departments) expect(d.count).toBe(await total(`tag=${enc('社保')}&department=${d.id}`));
  });

  it('applies the search words, level, 兑现方式 and 含已过期 like the list does', async () => {
    for (const query of [`q=${enc('补贴')}`, `level=${enc('省')}`, `method=${enc('快申快享')}`, 'includeExpired=true', `q=${enc('贷款')}&method=${enc('免申即享')}`]) {
      const { status, body } = await facets(query);
      expect(status).toBe(200);
      expect([query, body.departments.reduce((s, d) => s + d.count, 0)]).toEqual([query, await total(query)]);
    }
    const withExpired = await facets('includeExpired=true');
    const current = await facets();
    expect(withExpired.body.departments.reduce((s, d) => s + d.count, 0)).toBeGreaterThan(current.body.departments.reduce((s, d) => s + d.count, 0));
  });

  it('still names a chosen department or tag that nothing matches, with 0', async () => {
    const lcj = await w.departmentId('区林茶局');
    const query = `kind=${enc('资质')}&department=${lcj}&tag=${enc('不存在的标签')}`;
    expect(await total(`kind=${enc('资质')}&department=${lcj}`)).toBe(0);
    const { body } = await facets(query);
    expect(body.departments).toContainEqual({ id: lcj, name: '区林茶局', count: 0 });
    expect(body.tags).toContainEqual({ name: '不存在的标签', count: 0 });
  });

  it('refuses bad filters in Chinese', async () => {
    const bad = await facets(`kind=${enc('补贴')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION');
    const zero = await facets('department=0');
    expect(zero.status).toBe(400);
  });

  it('answers from the cache until a policy is published, then counts it', async () => {
    const rsj = await w.departmentId('区人社局');
    const query = `kind=${enc('奖补')}&q=${enc('直播带岗')}`;
    const before = await facets(query);
    expect(before.body.departments).toEqual([]);
    // The same filters in another spelling share the cached answer.
    expect((await facets(`q=${enc(' 直播带岗 ')}&kind=${enc('奖补')}`)).body).toEqual(before.body);
    const created = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/policies',
      headers: bearer(w.rsj),
      payload: policyBody({ departmentId: rsj, title: '直播带岗示范基地奖励', kind: '奖补', tags: ['就业'] }),
    });
    expect(created.statusCode).toBe(201);
    expect((await facets(query)).body.departments).toEqual([]); // a draft is not counted
    const id = created.json<{ id: number }>().id;
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/admin/policies/${id}/publish`, headers: bearer(w.rsj) })).statusCode).toBe(200);
    const after = await facets(query);
    expect(after.body.departments).toEqual([{ id: rsj, name: '区人社局', count: 1 }]);
    expect(after.body.tags).toEqual([{ name: '就业', count: 1 }]);
  });
});
