import ExcelJS from 'exceljs';
import { POLICY_IMPORT_COLUMNS } from '../../../types/policy';
import { bearer, databases, wechatLogin } from '../helper';
import { multipart, policyWorld, type PolicyWorld } from './setup';

type Row = Partial<Record<(typeof POLICY_IMPORT_COLUMNS)[number], string | number | Date>>;

const row = (n: number, over: Row = {}): Row => ({
  政策名称: `导入测试政策${n}`,
  发文部门: '区人社局',
  层级: '区',
  类型: '奖补',
  标签: '就业、导入测试',
  摘要: `第${n}条导入测试政策摘要`,
  正文: `第${n}条导入测试政策正文`,
  文号: `茗人社〔2026〕${100 + n}号`,
  金额: '最高5000元',
  开始日期: '2026-01-01',
  结束日期: '2027-12-31',
  兑现方式: '免申即享',
  联系方式: '区人社局 0591-83261105',
  ...over,
});

async function xlsx(rows: Row[], header: readonly string[] = POLICY_IMPORT_COLUMNS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('政策');
  sheet.addRow([...header]);
  for (const r of rows) sheet.addRow(header.map((h) => r[h as keyof Row] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvField = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: Row[]) => [POLICY_IMPORT_COLUMNS.join(','), ...rows.map((r) => POLICY_IMPORT_COLUMNS.map((h) => csvField(r[h])).join(','))].join('\r\n');

describe.each(databases())('%s', (kind) => {
  let w: PolicyWorld;
  beforeAll(async () => {
    w = await policyWorld(kind);
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const upload = (filename: string, content: Buffer | string, token = w.rsj, field?: string) => {
    const { payload, headers } = multipart(filename, content, field);
    return w.t.app.inject({ method: 'POST', url: '/api/v1/admin/policies/import', headers: { ...bearer(token), ...headers }, payload });
  };
  const countImported = async () => (await w.t.app.repos.policies.adminList({ q: '导入测试', limit: 50, offset: 0 })).total;

  it('downloads the template as .xlsx with the columns in order, an example row and a 说明 sheet', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/admin/policies/import-template', headers: bearer(w.rsj) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['政策', '说明']);
    const sheet = wb.getWorksheet('政策')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...POLICY_IMPORT_COLUMNS]);
    expect(sheet.getRow(2).getCell(1).value).toBe('小微企业吸纳就业社保补贴');

    // The untouched template imports cleanly: its example is the seeded policy, so it is skipped.
    const again = await upload('模板.xlsx', res.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ created: 0, skipped: 1, errors: [] });
  });

  it('imports an .xlsx as drafts, reading Excel date cells and serials, and re-importing creates nothing', async () => {
    const file = await xlsx([row(1), row(2, { 开始日期: new Date(Date.UTC(2026, 2, 1)), 结束日期: 46752, 层级: '市级' }), row(3, { 结束日期: '' })]);
    const first = await upload('policies.xlsx', file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 3, skipped: 0, errors: [] });
    const { rows } = await w.t.app.repos.policies.adminList({ q: '导入测试政策2', limit: 5, offset: 0 });
    expect(rows[0]).toMatchObject({ status: 'draft', level: '市', validFrom: '2026-03-01', validTo: '2027-12-31', tags: ['就业', '导入测试'] });
    const open = await w.t.app.repos.policies.adminList({ q: '导入测试政策3', limit: 5, offset: 0 });
    expect(open.rows[0].validTo).toBeNull();

    const second = await upload('policies.xlsx', file);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ created: 0, skipped: 3, errors: [] });
    expect(await countImported()).toBe(3);
  });

  it('reports every bad row with its row, column and a Chinese message, and stores nothing', async () => {
    const before = await countImported();
    const file = await xlsx([
      row(10),
      row(11, { 政策名称: '' }),
      row(12, { 类型: '补贴', 开始日期: '2026-13-01' }),
      row(13, { 发文部门: '区不存在局' }),
      row(14, { 发文部门: '区科工局' }),
      row(15, { 开始日期: '2026-06-01', 结束日期: '2026-05-01', 兑现方式: '申请' }),
      row(10),
    ]);
    const res = await upload('bad.xlsx', file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toEqual({ code: 'IMPORT_INVALID', message: '共有6行数据有误，整份文件未导入，请修改后重新上传' });
    expect(body.report.created).toBe(0);
    expect(body.report.errors).toEqual([
      { row: 3, column: '政策名称', message: '政策名称不能为空' },
      { row: 4, column: '类型', message: '类型应为“减免”、“奖补”、“权益”、“资质”之一' },
      { row: 4, column: '开始日期', message: '日期格式应为 YYYY-MM-DD，如 2026-01-31' },
      { row: 5, column: '发文部门', message: '没有名为“区不存在局”的部门，请填写部门全称，如“区人社局”' },
      { row: 6, column: '发文部门', message: '只能导入本部门的政策' },
      { row: 7, column: '兑现方式', message: '兑现方式应为“免申即享”、“快申快享”之一' },
      { row: 7, column: '结束日期', message: '结束日期不能早于开始日期' },
      { row: 8, column: '政策名称', message: '与第2行的文号和政策名称相同，请删除重复行' },
    ]);
    expect(await countImported()).toBe(before);
  });

  it('lets the admin import for any department', async () => {
    const res = await upload('admin.xlsx', await xlsx([row(20, { 发文部门: '区科工局' })]), w.admin);
    expect(res.json()).toEqual({ created: 1, skipped: 0, errors: [] });
  });

  it('reads UTF-8 CSV with a BOM and quoted commas, quotes and line breaks', async () => {
    const text = csv([row(30, { 正文: '第一段，含逗号, 和 "引号"\n第二段' }), row(31)]);
    const res = await upload('policies.csv', `\uFEFF${text}\r\n`);
    expect(res.json()).toEqual({ created: 2, skipped: 0, errors: [] });
    const { rows } = await w.t.app.repos.policies.adminList({ q: '导入测试政策30', limit: 1, offset: 0 });
    const detail = await w.t.app.repos.policies.findById(rows[0].id);
    expect(detail!.body).toBe('第一段，含逗号, 和 "引号"\n第二段');
    const again = await upload('policies.csv', text);
    expect(again.json()).toEqual({ created: 0, skipped: 2, errors: [] });
  });

  it('refuses GBK text with a way out', async () => {
    // "政策名称" in GBK: not valid UTF-8.
    const gbk = Buffer.from([0xd5, 0xfe, 0xb2, 0xdf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]);
    const res = await upload('gbk.csv', gbk);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_FILE', field: 'file', message: expect.stringContaining('不是 UTF-8 编码') });
  });

  it.each([
    ['an old .xls', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '不支持旧版 .xls'],
    ['a text file', 'notes.txt', Buffer.from('hello'), '仅支持 .xlsx 或 .csv'],
    ['a broken .xlsx', 'broken.xlsx', Buffer.from('PK\u0003\u0004garbage'), '无法读取该 .xlsx'],
    ['a file without the template columns', 'cols.csv', Buffer.from('名称,部门\n甲,乙'), '缺少列'],
    ['a header only', 'empty.csv', Buffer.from(POLICY_IMPORT_COLUMNS.join(',')), '没有数据行'],
    ['an unclosed quote', 'quote.csv', Buffer.from(`${POLICY_IMPORT_COLUMNS.join(',')}\n"未闭合,区人社局`), '引号没有闭合'],
  ])('refuses %s with 400 IMPORT_FILE', async (_label, name, content, message) => {
    const res = await upload(name, content);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_FILE', message: expect.stringContaining(message) });
  });

  it('refuses more than 2000 rows and files over 5 MB', async () => {
    const many = csv(Array.from({ length: 2001 }, (_, i) => row(1000 + i)));
    const rows = await upload('many.csv', many);
    expect(rows.statusCode).toBe(400);
    expect(rows.json().error.message).toContain('一次最多导入2000行');
    const big = await upload('big.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 0x61));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toEqual({ code: 'IMPORT_TOO_LARGE', field: 'file', message: '文件不能超过5 MB' });
  }, 30_000);

  it('needs the file in the field “file”, sent as multipart', async () => {
    const wrongField = await upload('p.csv', csv([row(40)]), w.rsj, 'upload');
    expect(wrongField.json().error).toMatchObject({ code: 'IMPORT_FILE', field: 'file' });
    const json = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/policies/import', headers: bearer(w.rsj), payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('IMPORT_FILE');
  });

  it('is for staff and admins only', async () => {
    const owner = await wechatLogin(w.t.app, 'import-owner');
    expect((await upload('p.csv', csv([row(50)]), owner)).statusCode).toBe(403);
  });
});
