import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BenefitBindWarning, BenefitImportReport, BenefitImportResult } from '../../../../types/benefit';
import type { Enterprise } from '../../../../types/enterprise';
import { checkUscc } from '../../../../types/uscc';
import { HttpError } from '../../../lib/http-error';
import { readTable, readUpload, type SheetRow } from '../../../lib/import';
import { createRepositories, type Repositories } from '../../../repositories';
import type { PolicyRef } from '../../../repositories/benefits';
import type { SessionUser } from '../../../repositories/sessions';
import { toChinaDate } from '../../../lib/working-days';
import { comparableName } from '../../me/enterprise';
import { eligibilityWarnings } from './eligibility';

export const BENEFIT_IMPORT_COLUMNS = { doc: '政策文号', title: '政策名称', uscc: '统一社会信用代码', name: '企业名称', amount: '金额(元)' } as const;
export const MAX_IMPORT_ROWS = 2000;

type RowError = BenefitImportReport['errors'][number];

interface GoodRow {
  row: number;
  policy: PolicyRef;
  enterprise: Enterprise;
  amountFen: number;
}

/** "1,200.5", "１２００" and "1200元" are how amounts arrive from departments' sheets. */
function parseAmount(raw: string): number | null {
  const text = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const fen = Math.round(Number(text) * 100);
  return fen <= 1e11 ? fen : null;
}

/** The sheet must name the policy by 文号 or by 政策名称 (either or both columns) — read with whichever it has. */
async function readRows(buffer: Buffer, filename: string): Promise<SheetRow[]> {
  const { doc, title, uscc, name, amount } = BENEFIT_IMPORT_COLUMNS;
  const base = [uscc, name, amount];
  const attempts = [[doc, title, ...base], [doc, ...base], [title, ...base]];
  let last: HttpError | undefined;
  for (const columns of attempts) {
    try {
      return await readTable(buffer, filename, { columns, maxRows: MAX_IMPORT_ROWS });
    } catch (err) {
      if (!(err instanceof HttpError) || !err.message.includes('缺少列')) throw err;
      last = err;
    }
  }
  const listed = /缺少列：([^。]*)/.exec(last?.message ?? '')?.[1].split('、') ?? [];
  const missing = [...(listed.includes(title) ? [`${doc}或${title}`] : []), ...base.filter((c) => listed.includes(c))];
  throw new HttpError(400, 'IMPORT_FILE', `表头缺少列：${missing.join('、')}。列应为：${doc}（或${title}）、${base.join('、')}`, 'file');
}

async function findPolicies(repos: Repositories, rows: SheetRow[]): Promise<{ byDoc: Map<string, PolicyRef[]>; byTitle: Map<string, PolicyRef[]> }> {
  const keys = new Set<string>();
  for (const r of rows) {
    for (const col of [BENEFIT_IMPORT_COLUMNS.doc, BENEFIT_IMPORT_COLUMNS.title]) {
      const v = r.values[col];
      if (v) keys.add(v);
    }
  }
  const policies = await repos.benefits.policiesByDocOrTitle([...keys]);
  const group = (key: (p: PolicyRef) => string) => {
    const map = new Map<string, PolicyRef[]>();
    for (const p of policies) map.set(key(p), [...(map.get(key(p)) ?? []), p]);
    return map;
  };
  return { byDoc: group((p) => p.basisDoc), byTitle: group((p) => p.title) };
}

/** Which policy a row names: by 文号 when given (and by title too if both are), else by title. */
function resolvePolicy(row: SheetRow, found: Awaited<ReturnType<typeof findPolicies>>, user: SessionUser, errors: RowError[]): PolicyRef | null {
  const { doc: docCol, title: titleCol } = BENEFIT_IMPORT_COLUMNS;
  const doc = row.values[docCol] ?? '';
  const title = row.values[titleCol] ?? '';
  const column = doc ? docCol : titleCol;
  if (!doc && !title) {
    errors.push({ row: row.row, column: docCol in row.values ? docCol : titleCol, message: `请填写${docCol}或${titleCol}` });
    return null;
  }
  let candidates = doc ? (found.byDoc.get(doc) ?? []) : (found.byTitle.get(title) ?? []);
  if (doc && title) candidates = candidates.filter((p) => p.title === title);
  if (candidates.length === 0) {
    errors.push({ row: row.row, column, message: doc && title ? `未找到文号为“${doc}”且名称为“${title}”的政策` : `未找到政策“${doc || title}”` });
    return null;
  }
  const own = user.role === 'admin' ? candidates : candidates.filter((p) => p.departmentId === user.departmentId);
  if (own.length === 0) {
    errors.push({ row: row.row, column, message: `政策“${candidates[0].title}”不属于本部门，不能绑定` });
    return null;
  }
  if (own.length > 1) {
    errors.push({ row: row.row, column, message: `有${own.length}项政策同名或同文号，请同时填写${docCol}和${titleCol}` });
    return null;
  }
  if (own[0].status !== 'published') {
    errors.push({ row: row.row, column, message: `政策“${own[0].title}”尚未发布或已撤回，不能绑定` });
    return null;
  }
  return own[0];
}

async function checkRows(repos: Repositories, rows: SheetRow[], user: SessionUser): Promise<{ good: GoodRow[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const { uscc: usccCol, name: nameCol, amount: amountCol } = BENEFIT_IMPORT_COLUMNS;
  const found = await findPolicies(repos, rows);
  const good: GoodRow[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const before = errors.length;
    const policy = resolvePolicy(row, found, user, errors);

    const checked = checkUscc(row.values[usccCol]);
    const name = row.values[nameCol];
    let enterprise: Enterprise | null = null;
    if (!checked.ok) {
      errors.push({ row: row.row, column: usccCol, message: checked.message });
    } else {
      const found = await repos.enterprises.findByUscc(checked.value);
      if (!found) {
        errors.push({ row: row.row, column: usccCol, message: '未在本区企业名录中找到该统一社会信用代码' });
      } else if (!name) {
        errors.push({ row: row.row, column: nameCol, message: '请填写企业名称' });
      } else if (comparableName(name) !== comparableName(found.name)) {
        errors.push({ row: row.row, column: nameCol, message: `企业名称与名录登记的“${found.name}”不一致` });
      } else {
        enterprise = found;
      }
    }

    const rawAmount = row.values[amountCol];
    const amountFen = rawAmount ? parseAmount(rawAmount) : null;
    if (!rawAmount) errors.push({ row: row.row, column: amountCol, message: '请填写金额（元）' });
    else if (amountFen === null) errors.push({ row: row.row, column: amountCol, message: `金额“${rawAmount}”应为不小于0的数字，最多两位小数，如 12000.50` });

    if (errors.length > before || !policy || enterprise === null || amountFen === null) continue;
    const key = `${policy.id}:${enterprise.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: row.row, column: usccCol, message: `与第${first}行重复（同一政策、同一企业）` });
      continue;
    }
    seen.set(key, row.row);
    good.push({ row: row.row, policy, enterprise, amountFen });
  }
  return { good, errors };
}

/** Bound rows whose registry profile does not (or cannot be shown to) meet the policy's conditions. */
function bindWarnings(good: GoodRow[], today: string): BenefitBindWarning[] {
  return good.flatMap((g) => {
    const messages = eligibilityWarnings(g.policy.conditions, g.enterprise, today);
    return messages.length > 0 ? [{ row: g.row, enterprise: g.enterprise.name, messages }] : [];
  });
}

/**
 * Checks every row, then binds all of them in one transaction, or none. Pairs already bound are
 * counted as skipped, so importing the same file again creates nothing. Conditions the registry
 * profile does not meet only warn: the department's data may be newer than the registry's.
 */
export async function importBenefits(fastify: FastifyInstance, request: FastifyRequest, user: SessionUser): Promise<{ status: 200; report: BenefitImportResult } | { status: 400; report: BenefitImportReport }> {
  const { buffer, filename } = await readUpload(request);
  const rows = await readRows(buffer, filename);

  return fastify.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const { good, errors } = await checkRows(repos, rows, user);
    if (errors.length > 0) return { status: 400 as const, report: { created: 0, skipped: 0, errors } };
    const now = fastify.clock.now();
    const at = now.toISOString();
    let created = 0;
    for (const g of good) {
      const id = await repos.benefits.insert(
        { policyId: g.policy.id, enterpriseId: g.enterprise.id, amountFen: g.amountFen },
        { by: g.policy.departmentName, actorUserId: user.id, note: `批量导入（第${g.row}行）`, at },
      );
      if (id !== null) created++;
    }
    await repos.audit.record({ actorUserId: user.id, action: 'benefit.import', target: 'benefits', detail: { created, rows: good.length }, at });
    return { status: 200 as const, report: { created, skipped: good.length - created, errors: [], warnings: bindWarnings(good, toChinaDate(now)) } };
  });
}
