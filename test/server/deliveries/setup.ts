import type { Response } from 'light-my-request';
import { usccCheckCharacter } from '../../../types/uscc';
import { hashPassword } from '../../../server/lib/passwords';
import { ADMIN, bearer, build, staffLogin, wechatLogin, type DbKind, type TestApp } from '../helper';

/** Monday 2026-09-28 09:00 in China: tomorrow is 09-29; 国庆 runs 10-01..10-07; 10-10 (Sat) is a 调休 working day. */
export const NOW = '2026-09-28T01:00:00.000Z';
export const HANDLING_STAFF = { username: 'zwfw-test', password: 'zwfw-test-password' };
export const OTHER_STAFF = { username: 'kgj-test', password: 'kgj-test-password' };

let serial = 0;
export function freshUscc(): string {
  const first17 = `91330100000${String(process.pid % 100).padStart(2, '0')}${String(1000 + serial++).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export const validBooking = (over: Record<string, unknown> = {}) => ({
  items: [
    { kind: '营业执照正本', quantity: 1 },
    { kind: '印章', quantity: 3 },
  ],
  mode: '送达',
  recipientName: '王小明',
  phone: '13812341234',
  address: { region: ['浙江省', '杭州市', '西湖区'], detail: '文三路 90 号 1201 室' },
  date: '2026-09-29',
  period: '上午',
  remark: '请提前电话联系',
  ...over,
});

export interface DeliveryWorld {
  t: TestApp;
  admin: string;
  handler: string;
  otherStaff: string;
  /** Logs in a fresh WeChat user bound to a fresh enterprise; returns its token and enterprise name. */
  enterpriseUser(name?: string): Promise<{ token: string; enterpriseId: number; name: string }>;
  /** A second user of an existing enterprise. */
  colleague(enterpriseId: number): Promise<string>;
  book(token: string, body?: Record<string, unknown>, key?: string): Promise<Response>;
  staff(token: string, id: number, action: string, payload?: object): Promise<Response>;
  close(): Promise<void>;
}

async function addStaff(t: TestApp, who: { username: string; password: string }, departmentName: string, code: string): Promise<void> {
  const now = new Date().toISOString();
  const dep = await t.app.db.insertInto('departments').values({ name: departmentName, code, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await t.app.repos.users.insert({ username: who.username, password_hash: await hashPassword(who.password), role: 'staff', display_name: `${departmentName}测试员`, department_id: dep.id, created_at: now });
}

export async function deliveryWorld(kind: DbKind, env: Record<string, string> = {}): Promise<DeliveryWorld> {
  const t = await build(kind, { env });
  t.app.clock.now = () => new Date(NOW);
  await addStaff(t, HANDLING_STAFF, '区政务服务中心', 'zwfw');
  await addStaff(t, OTHER_STAFF, '区科工局', 'kgj');
  const [admin, handler, otherStaff] = await Promise.all([staffLogin(t.app, ADMIN), staffLogin(t.app, HANDLING_STAFF), staffLogin(t.app, OTHER_STAFF)]);
  let users = 0;

  async function colleague(enterpriseId: number): Promise<string> {
    const openid = `delivery-user-${process.pid}-${users++}`;
    const token = await wechatLogin(t.app, openid);
    const user = await t.app.db.selectFrom('users').select('id').where('openid', '=', openid).executeTakeFirstOrThrow();
    await t.app.repos.users.setEnterprise(user.id, enterpriseId);
    return token;
  }

  return {
    t,
    admin,
    handler,
    otherStaff,
    async enterpriseUser(name) {
      const enterpriseName = name ?? `递送测试${serial}有限公司`;
      const created = await t.app.repos.enterprises.insert(
        { uscc: freshUscc(), name: enterpriseName, industry: '制造业', scale: '小型', district: '茶园街道', qualifications: [] },
        new Date().toISOString(),
      );
      return { token: await colleague(created!.id), enterpriseId: created!.id, name: enterpriseName };
    },
    colleague,
    book(token, body = validBooking(), key) {
      return t.app.inject({ method: 'POST', url: '/api/v1/deliveries', headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) }, payload: body });
    },
    staff(token, id, action, payload) {
      return t.app.inject({ method: 'POST', url: `/api/v1/admin/deliveries/${id}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
    },
    close: () => t.close(),
  };
}

/** A tiny but real PNG (1×1), as the signature pad would send it. */
export const PNG_SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
