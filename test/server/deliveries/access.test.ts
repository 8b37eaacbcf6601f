import ExcelJS from 'exceljs';
import { bearer, databases, wechatLogin } from '../helper';
import { deliveryWorld, PNG_SIGNATURE, validBooking, type DeliveryWorld } from './setup';

// Each file builds fresh databases and logs users in over the stand-in; a loaded CI machine needs more than 5 s.
jest.setTimeout(30_000);

describe.each(databases())('%s: who sees which delivery', (kind) => {
  let w: DeliveryWorld;
  let a: { token: string; enterpriseId: number; name: string };
  let b: { token: string; enterpriseId: number; name: string };
  let idA: number;
  let idB: number;
  beforeAll(async () => {
    w = await deliveryWorld(kind);
    a = await w.enterpriseUser('甲方贸易有限公司');
    b = await w.enterpriseUser('乙方餐饮有限公司');
    idA = (await w.book(a.token, validBooking({ phone: '13912345678', address: { region: ['浙江省', '杭州市', '西湖区'], detail: '文一西路 100 号' } }))).json().id;
    idB = (await w.book(b.token, validBooking({ date: '2026-09-30', mode: '取送', phone: '13700001111', address: { region: ['浙江省', '杭州市', '余杭区'], detail: '良渚街道 8 号' } }))).json().id;
    await w.staff(w.handler, idB, 'accept');
    await w.staff(w.handler, idB, 'dispatch', { trackingNo: 'SF9' });
    await w.staff(w.handler, idB, 'deliver', { receiverName: '赵签收', signature: PNG_SIGNATURE });
  });
  afterAll(async () => {
    await w?.close();
  });

  const get = (url: string, token: string) => w.t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const auditCount = async (action: string, target?: string) => {
    let q = w.t.app.db.selectFrom('audit_log').select('id').where('action', '=', action);
    if (target) q = q.where('target', '=', target);
    return (await q.execute()).length;
  };

  it('hides another enterprise’s booking (404), also from staff of other departments', async () => {
    expect((await get(`/api/v1/deliveries/${idA}`, b.token)).statusCode).toBe(404);
    expect((await get(`/api/v1/deliveries/${idA}`, w.otherStaff)).statusCode).toBe(404);
    expect((await get('/api/v1/deliveries/999999', a.token)).statusCode).toBe(404);
    const cancel = await w.t.app.inject({ method: 'POST', url: `/api/v1/deliveries/${idA}/cancel`, headers: bearer(b.token), payload: { reason: '恶意取消' } });
    expect(cancel.statusCode).toBe(404);
    const mine = (await get('/api/v1/me/deliveries', b.token)).json();
    expect(mine.items.map((d: { id: number }) => d.id)).toEqual([idB]);
  });

  it('shares a booking with every user bound to the same enterprise', async () => {
    const colleague = await w.colleague(a.enterpriseId);
    expect((await get(`/api/v1/deliveries/${idA}`, colleague)).statusCode).toBe(200);
  });

  it('keeps enterprises off staff routes (403) and staff of other departments off the queue (403)', async () => {
    expect((await get('/api/v1/admin/deliveries', a.token)).statusCode).toBe(403);
    expect((await w.staff(a.token, idA, 'accept')).statusCode).toBe(403);
    expect((await get('/api/v1/admin/deliveries', w.otherStaff)).statusCode).toBe(403);
    expect((await w.staff(w.otherStaff, idA, 'accept')).statusCode).toBe(403);
    const unbound = await wechatLogin(w.t.app, `no-enterprise-${process.pid}`);
    expect((await get('/api/v1/admin/deliveries', unbound)).statusCode).toBe(403);
    expect((await w.book(w.handler)).statusCode).toBe(403);
  });

  it('shows the staff queue masked, filtered by date, period and status', async () => {
    const res = await get(`/api/v1/admin/deliveries?date=2026-09-29&period=${encodeURIComponent('上午')}&status=submitted`, w.handler);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id: idA, phoneMasked: '139****5678', addressMasked: '浙江省杭州市西湖区 文一****', enterprise: { name: '甲方贸易有限公司' } });
    expect(JSON.stringify(res.json())).not.toContain('13912345678');
    expect(JSON.stringify(res.json())).not.toContain('文一西路 100');
    const delivered = (await get('/api/v1/admin/deliveries?status=delivered', w.admin)).json();
    expect(delivered.items.map((d: { id: number }) => d.id)).toEqual([idB]);
  });

  it('shows full phone and address to handling staff and admin, each view audited', async () => {
    const before = await auditCount('delivery.view_full', `delivery:${idA}`);
    const staffView = await get(`/api/v1/admin/deliveries/${idA}`, w.handler);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({ phone: '13912345678', address: { detail: '文一西路 100 号' } });
    expect((await get(`/api/v1/admin/deliveries/${idA}`, w.admin)).json().phone).toBe('13912345678');
    expect(await auditCount('delivery.view_full', `delivery:${idA}`)).toBe(before + 2);
    // The owner looking at its own booking is not a staff disclosure.
    await get(`/api/v1/deliveries/${idA}`, a.token);
    expect(await auditCount('delivery.view_full', `delivery:${idA}`)).toBe(before + 2);
    // Nothing personal reaches the logs.
    const logs = w.t.logs.join('');
    for (const secret of ['13912345678', '13700001111', '文一西路', '良渚街道']) expect(logs).not.toContain(secret);
  });

  it('exports CSV masked for handling staff, in full for admin, each export audited', async () => {
    const url = '/api/v1/admin/deliveries/export?from=2026-09-28&to=2026-10-12&format=csv';
    const staffCsv = await get(url, w.handler);
    expect(staffCsv.statusCode).toBe(200);
    expect(staffCsv.headers['content-type']).toContain('text/csv');
    expect(staffCsv.headers['content-disposition']).toContain('attachment');
    const text = staffCsv.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('编号,企业,证照,方式,收件人,联系电话,收件地址,预约日期,时段,状态,快递单号,签收人,签收时间,失败原因,取消原因,提交时间');
    expect(lines).toHaveLength(3);
    // Spreadsheets sort and filter by date: the export keeps 'YYYY-MM-DD', not the 年月日 of texts.
    for (const line of lines.slice(1)) expect(line).toMatch(/,2026-\d{2}-\d{2},(上午|下午),/);
    expect(text).toContain('139****5678');
    expect(text).toContain('浙江省杭州市西湖区 文一****');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('文一西路');
    expect(lines.find((l) => l.startsWith(`${idB},`))).toContain('已送达,SF9,赵签收');

    const adminCsv = (await get(url, w.admin)).body;
    expect(adminCsv).toContain('13912345678');
    expect(adminCsv).toContain('浙江省杭州市西湖区 文一西路 100 号');
    expect(await auditCount('delivery.export')).toBe(2);
    const detail = await w.t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'delivery.export').orderBy('id').execute();
    expect(detail.map((d) => JSON.parse(d.detail!))).toEqual([
      { format: 'csv', rows: 2, full: false },
      { format: 'csv', rows: 2, full: true },
    ]);
  });

  it('exports a real .xlsx workbook with the same masked rows', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/deliveries/export?from=2026-09-29&to=2026-09-29&format=xlsx', headers: bearer(w.handler) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('证照递送记录')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(6).value).toBe('139****5678');
  });

  it('refuses exports from enterprises (403) and bad ranges (400)', async () => {
    expect((await get('/api/v1/admin/deliveries/export?from=2026-09-28&to=2026-10-12&format=csv', a.token)).statusCode).toBe(403);
    const backwards = await get('/api/v1/admin/deliveries/export?from=2026-10-12&to=2026-09-28&format=csv', w.admin);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('to');
  });
});
