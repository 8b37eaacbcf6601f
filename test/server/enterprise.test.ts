import { checkUscc, usccCheckCharacter } from '../../types/uscc';
import { ADMIN, PUBLISHED, STAFF, addPublishedEnterprises, bearer, build, databases, staffLogin, wechatLogin, type TestApp } from './helper';

/** A valid code that is not in the registry: first 17 of a known one changed, check char recomputed. */
function unknownValidUscc(): string {
  const first17 = '91440300708461137';
  return first17 + usccCheckCharacter(first17);
}

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  let admin: string;
  let owner: string;
  beforeAll(async () => {
    t = await build(kind);
    admin = await staffLogin(t.app, ADMIN);
    await addPublishedEnterprises(t.app, admin);
    owner = await wechatLogin(t.app, 'owner-bind');
  });
  afterAll(async () => {
    await t.close();
  });

  const bind = (payload: Record<string, unknown>, token = owner) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(token), payload });

  describe('binding', () => {
    it.each(PUBLISHED)('binds the published code $uscc and shows the enterprise on /me', async (e) => {
      const res = await bind({ uscc: e.uscc, name: e.name });
      expect(res.statusCode).toBe(200);
      expect(res.json().enterprise).toMatchObject({ uscc: e.uscc, name: e.name, industry: e.industry, qualifications: e.qualifications });
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(owner) });
      expect(me.json().enterprise.uscc).toBe(e.uscc);
    });

    it('accepts lower case, spaces and half-width brackets in what the user typed', async () => {
      const res = await bind({ uscc: ' 9144 0300 7084 6113 6t ', name: '测试二号贸易有限公司 ' });
      expect(res.statusCode).toBe(200);
      const fullWidth = await bind({ uscc: '914403001922038216', name: '测试一号科技有限公司 (深圳)' });
      expect(fullWidth.statusCode).toBe(200);
    });

    it('names the expected check character when the last one is wrong', async () => {
      const res = await bind({ uscc: '91440300708461136X', name: '测试二号贸易有限公司' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'USCC_INVALID', field: 'uscc', message: expect.stringContaining('“T”') });
      const other = await bind({ uscc: '914403001922038215', name: 'x' });
      expect(other.json().error.message).toContain('应为“6”');
    });

    it.each([
      ['too short', '91440300192203821'],
      ['too long', '9144030019220382160'],
      ['a letter never used (O)', '91440300O92203821E'],
      ['punctuation', '914403001922038#16'],
    ])('rejects %s with USCC_FORMAT saying what is wrong', async (_label, uscc) => {
      const res = await bind({ uscc, name: 'x' });
      expect(res.statusCode).toBe(400);
      const expected = checkUscc(uscc);
      expect(expected.ok).toBe(false);
      expect(res.json().error).toEqual({ code: 'USCC_FORMAT', field: 'uscc', message: (expected as { message: string }).message });
    });

    it('says a valid code is not in the registry with 404 ENTERPRISE_NOT_FOUND', async () => {
      const res = await bind({ uscc: unknownValidUscc(), name: '不存在的公司' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'ENTERPRISE_NOT_FOUND', message: '未在本区企业名录中找到该统一社会信用代码', field: 'uscc' });
    });

    it('refuses a name that does not match the registry', async () => {
      const res = await bind({ uscc: '914403001922038216', name: '另一家公司' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'ENTERPRISE_NAME_MISMATCH', field: 'name' });
    });

    it('lets several users bind the same enterprise, and each unbind alone', async () => {
      const partner = await wechatLogin(t.app, 'owner-partner');
      expect((await bind({ uscc: '914403001922038216', name: PUBLISHED[0].name })).statusCode).toBe(200);
      expect((await bind({ uscc: '914403001922038216', name: PUBLISHED[0].name }, partner)).statusCode).toBe(200);
      const off = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/enterprise', headers: bearer(partner) });
      expect(off.statusCode).toBe(200);
      expect(off.json().enterprise).toBeNull();
      const still = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(owner) });
      expect(still.json().enterprise.uscc).toBe('914403001922038216');
    });

    it('rejects a missing uscc with a Chinese message naming the field', async () => {
      const res = await bind({ name: '测试' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: 'uscc：不能为空', field: 'uscc' } });
    });
  });

  describe('registry (admin)', () => {
    const add = (payload: Record<string, unknown>, token = admin, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/admin/enterprises', headers: { ...bearer(token), ...headers }, payload });
    const entry = (uscc: string, name: string) => ({ uscc, name, industry: '制造业', scale: '小型', district: '溪口镇', qualifications: ['专精特新'] });

    it('adds an enterprise with a normalised USCC (201) and refuses a duplicate (409)', async () => {
      const first17 = '91330100MA2AAAAA1';
      const uscc = first17 + usccCheckCharacter(first17);
      const res = await add(entry(uscc.toLowerCase(), '茗溪新材料有限公司'));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ uscc, name: '茗溪新材料有限公司', scale: '小型', qualifications: ['专精特新'], registeredOn: null });
      const dup = await add(entry(uscc, '别的名字'));
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'ENTERPRISE_EXISTS', field: 'uscc' });
    });

    it('applies the same USCC rules', async () => {
      const res = await add(entry('91440300708461136X', '错码公司'));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('USCC_INVALID');
    });

    it('is closed to enterprise users and staff', async () => {
      expect((await add(entry('914403001922038216', 'x'), owner)).statusCode).toBe(403);
      const staff = await staffLogin(t.app, STAFF);
      expect((await add(entry('914403001922038216', 'x'), staff)).statusCode).toBe(403);
    });

    it('lists the registry in pages for admin and staff, searchable by name or code', async () => {
      const staff = await staffLogin(t.app, STAFF);
      const all = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?page=1&pageSize=2', headers: bearer(staff) });
      expect(all.statusCode).toBe(200);
      const page = all.json();
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      const byName = await t.app.inject({ method: 'GET', url: `/api/v1/admin/enterprises?q=${encodeURIComponent('贸易')}`, headers: bearer(admin) });
      expect(byName.json().items.map((e: { uscc: string }) => e.uscc)).toEqual(['91440300708461136T']);
      const byCode = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?q=136t', headers: bearer(admin) });
      expect(byCode.json().total).toBe(1);
      // A fragment's matches page in the directory's own order (by name), with the total over all of them.
      const directory = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?pageSize=100', headers: bearer(admin) })).json().items as { uscc: string; name: string }[];
      const withFragment = directory.filter((e) => e.name.includes('公司'));
      expect(withFragment.length).toBeGreaterThan(1);
      const second = await t.app.inject({ method: 'GET', url: `/api/v1/admin/enterprises?q=${encodeURIComponent('公司')}&page=2&pageSize=1`, headers: bearer(admin) });
      expect(second.json().total).toBe(withFragment.length);
      expect(second.json().items.map((e: { uscc: string }) => e.uscc)).toEqual([withFragment[1]!.uscc]);
      const literal = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?q=%25', headers: bearer(admin) });
      expect(literal.json().total).toBe(0);
      const tooBig = await t.app.inject({ method: 'GET', url: '/api/v1/admin/enterprises?pageSize=101', headers: bearer(admin) });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().error).toEqual({ code: 'VALIDATION', message: 'pageSize：不能大于100', field: 'pageSize' });
    });
  });
});
