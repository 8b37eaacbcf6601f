import { usccCheckCharacter } from '../../types/uscc';
import { ADMIN, bearer, build, databases, staffLogin, wechatLogin, type TestApp } from './helper';

let serial = 0;
/** A fresh valid USCC per call, so tests do not collide in the registry. */
function freshUscc(): string {
  const first17 = `9133010000000${String(1000 + serial++).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17);
}
const entry = (uscc: string, name = '幂等测试有限公司') => ({ uscc, name, industry: '制造业', scale: '微型', district: '溪口镇', qualifications: [] });

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await build(kind);
    admin = await staffLogin(t.app, ADMIN);
  });
  afterAll(async () => {
    await t.close();
  });

  const add = (payload: object, key?: string, token = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enterprises',
      headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  const count = async (uscc: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/admin/enterprises?q=${uscc}`, headers: bearer(admin) })).json().total;

  it('answers a repeat with the stored response and marks it replayed', async () => {
    const body = entry(freshUscc());
    const first = await add(body, 'key-replay-1');
    const again = await add({ ...body, qualifications: [] }, 'key-replay-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count(body.uscc)).toBe(1);
  });

  it('treats key order in the body as the same request', async () => {
    const body = entry(freshUscc());
    await add(body, 'key-order');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await add(reordered, 'key-order');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with a different body (422)', async () => {
    const uscc = freshUscc();
    await add(entry(uscc), 'key-reused');
    const other = await add(entry(freshUscc(), '另一家'), 'key-reused');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toEqual({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: '该请求标识已用于另一份提交' } });
  });

  it('writes once when duplicates arrive at the same time', async () => {
    const body = entry(freshUscc());
    const results = await Promise.all(Array.from({ length: 6 }, () => add(body, 'key-concurrent')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(await count(body.uscc)).toBe(1);
  });

  it('answers 409 IDEMPOTENCY_IN_FLIGHT while the first request is still running', async () => {
    const body = entry(freshUscc());
    const adminId = (await t.app.repos.users.findByUsername(ADMIN.username))!.id;
    const { sha256, canonicalJson } = await import('../../server/lib/secrets');
    // As if a first request had claimed the key and not yet finished.
    await t.app.repos.idempotency.claim(`${adminId}:POST:/api/v1/admin/enterprises`, 'key-in-flight', sha256(canonicalJson(body)), new Date().toISOString());
    const res = await add(body, 'key-in-flight');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    expect(await count(body.uscc)).toBe(0);
  });

  it('keeps keys apart per user', async () => {
    const owner = await wechatLogin(t.app, 'owner-idem');
    const bind = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/enterprise',
      headers: { ...bearer(owner), 'idempotency-key': 'key-replay-1' },
      payload: { uscc: freshUscc(), name: 'x' },
    });
    // Not a 422 from the admin's use of the same key: the owner's request is judged on its own.
    expect(bind.statusCode).toBe(404);
  });

  it('frees the key when the request fails, so a corrected retry can use it', async () => {
    const uscc = freshUscc();
    expect((await add(entry(uscc), 'key-after-dup')).statusCode).toBe(201);
    const dup = await add(entry(uscc), 'key-dup-then-ok');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ENTERPRISE_EXISTS');
    const retry = await add(entry(uscc), 'key-dup-then-ok');
    expect(retry.json().error.code).toBe('ENTERPRISE_EXISTS'); // judged again, not replayed or refused
  });

  it('rejects a malformed key', async () => {
    const res = await add(entry(freshUscc()), 'bad key with spaces');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'idempotency-key' });
    expect(res.json().error.message).toMatch(/^idempotency-key：/);
  });
});
