import ExcelJS from 'exceljs';
import { PUBLISHED, bearer, databases } from '../helper';
import { buildWorld, multipartFile, type World } from './world';

const A = PUBLISHED[0];
const B = PUBLISHED[1];
const HEADER = '政策文号,政策名称,统一社会信用代码,企业名称,金额(元)';

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  let rsPolicy: number;
  beforeAll(async () => {
    w = await buildWorld(kind);
    rsPolicy = await w.policy({ title: '稳岗返还', basisDoc: '茗人社〔2026〕9号' });
    await w.policy({ title: '研发费用补助', basisDoc: '茗科工〔2026〕3号', department: '区科工局' });
    await w.policy({ title: '草稿政策', basisDoc: '茗人社〔2026〕99号', status: 'draft' });
  });
  afterAll(async () => {
    await w.t.close();
  });

  const upload = (filename: string, content: Buffer | string, token = w.rs) => {
    const { payload, headers } = multipartFile(filename, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
    return w.t.app.inject({ method: 'POST', url: '/api/v1/admin/benefits/import', headers: { ...bearer(token), ...headers }, payload });
  };
  const count = async () => (await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/benefits', headers: bearer(w.admin) })).json().total as number;

  it('reports every bad row with row, column and a Chinese message, and stores nothing', async () => {
    const csv = [
      HEADER,
      `茗人社〔2026〕9号,,${A.uscc},${A.name},12000`, // good
      `茗人社〔2026〕9号,,91440300708461136X,${B.name},100`, // wrong check character
      `茗人社〔2026〕9号,,${B.uscc},别的公司,100`, // name mismatch
      `茗科工〔2026〕3号,,${B.uscc},${B.name},100`, // another department's policy
      `茗人社〔2030〕1号,,${B.uscc},${B.name},100`, // unknown policy
      `茗人社〔2026〕9号,,${B.uscc},${B.name},12.345`, // bad amount
      `茗人社〔2026〕9号,,${A.uscc},${A.name},500`, // duplicate of row 2
      `茗人社〔2026〕99号,,${B.uscc},${B.name},100`, // draft
    ].join('\r\n');
    const res = await upload('绑定.csv', `\uFEFF${csv}\r\n`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.report.created).toBe(0);
    const errors = body.report.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '企业名称'],
      [5, '政策文号'],
      [6, '政策文号'],
      [7, '金额(元)'],
      [8, '统一社会信用代码'],
      [9, '政策文号'],
    ]);
    expect(errors[0].message).toContain('“T”');
    expect(errors[1].message).toContain(B.name);
    expect(errors[2].message).toContain('不属于本部门');
    expect(errors[5].message).toBe('与第2行重复（同一政策、同一企业）');
    expect(errors[6].message).toContain('尚未发布');
    expect(await count()).toBe(0);
  });

  it('imports a clean CSV (by 文号 or by 政策名称) all at once; importing it again creates nothing', async () => {
    const csv = [HEADER, `茗人社〔2026〕9号,,${A.uscc},${A.name},"12,000.50"`, `,稳岗返还,${B.uscc.toLowerCase()},${B.name},800`].join('\n');
    const first = await upload('绑定.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 2, skipped: 0, errors: [], warnings: [] });
    const again = await upload('绑定.csv', csv);
    expect(again.json()).toEqual({ created: 0, skipped: 2, errors: [], warnings: [] });
    const list = await w.t.app.inject({ method: 'GET', url: `/api/v1/admin/benefits?policyId=${rsPolicy}`, headers: bearer(w.rs) });
    const items = list.json().items as { enterprise: { uscc: string }; amountYuan: number; status: string; history: { note: string }[] }[];
    expect(items.map((i) => [i.enterprise.uscc, i.amountYuan, i.status]).sort()).toEqual([
      [A.uscc, 12000.5, 'matched'],
      [B.uscc, 800, 'matched'],
    ]);
    expect(items[0].history[0].note).toMatch(/^批量导入（第\d行）$/);
  });

  it('reads .xlsx with a 政策名称 column only', async () => {
    const policyId = await w.policy({ title: '社保补贴（xlsx）' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('绑定');
    sheet.addRow(['政策名称', '统一社会信用代码', '企业名称', '金额(元)']);
    sheet.addRow(['社保补贴（xlsx）', A.uscc, A.name, 3000]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('绑定.xlsx', buffer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, skipped: 0, errors: [], warnings: [] });
    const list = await w.t.app.inject({ method: 'GET', url: `/api/v1/admin/benefits?policyId=${policyId}`, headers: bearer(w.rs) });
    expect(list.json().items[0]).toMatchObject({ amountYuan: 3000, enterprise: { uscc: A.uscc } });
  });

  it('names missing header columns and refuses GBK text', async () => {
    const noPolicy = await upload('x.csv', `统一社会信用代码,企业名称,金额(元)\n${A.uscc},${A.name},1\n`);
    expect(noPolicy.statusCode).toBe(400);
    expect(noPolicy.json().error).toMatchObject({ code: 'IMPORT_FILE', message: expect.stringContaining('政策文号或政策名称') });
    const gbk = Buffer.from([0xd5, 0xfe, 0xb2, 0xdf, 0x0a, 0xb2, 0xe2, 0x0a]); // "政策\n测\n" in GBK
    const res = await upload('gbk.csv', gbk);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('UTF-8');
  });

  it('is closed to enterprise users', async () => {
    const res = await upload('x.csv', `${HEADER}\n`, w.ownerA);
    expect(res.statusCode).toBe(403);
  });

  it('gives departments a template that, filled in, imports as it is', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/benefits/import-template', headers: bearer(w.rs) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('兑现名单导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['兑现名单', '说明']);
    const sheet = wb.getWorksheet('兑现名单')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);

    // A department overwrites the example row with its own policy and enterprise.
    await w.policy({ title: '模板测试补贴', basisDoc: '茗人社〔2026〕10号' });
    sheet.getRow(2).values = ['茗人社〔2026〕10号', '模板测试补贴', A.uscc, A.name, '3600'];
    const filled = await upload('兑现名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.statusCode).toBe(200);
    expect(filled.json()).toMatchObject({ created: 1, skipped: 0, errors: [] });
  });
});
