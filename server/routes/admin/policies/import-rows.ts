import {
  POLICY_KINDS,
  POLICY_LEVELS,
  POLICY_METHODS,
  type ImportRowError,
  type PolicyKind,
  type PolicyLevel,
  type PolicyMethod,
} from '../../../../types/policy';
import { parseSheetDate, type SheetRow } from '../../../lib/import';
import type { PolicyFields } from '../../../repositories/policies';
import { basisTitleKey } from '../../../repositories/policies';
import type { SessionUser } from '../../../repositories/sessions';
import { cleanTags } from './rules';

export interface ImportContext {
  departments: readonly { id: number; name: string }[];
  user: SessionUser;
}

export interface CheckedRow {
  row: number;
  fields: PolicyFields;
}

const MAX_LENGTH: Record<string, number> = { 政策名称: 100, 摘要: 500, 正文: 20000, 文号: 100, 金额: 200, 联系方式: 100 };
const REQUIRED = ['政策名称', '发文部门', '层级', '类型', '摘要', '正文', '文号', '开始日期', '兑现方式'] as const;

const oneOf = (values: readonly string[]) => values.map((v) => `“${v}”`).join('、');

/** 区级 / 市级 / 省级 are how levels are often written; the stored value is the bare 区 / 市 / 省. */
function levelOf(text: string): PolicyLevel | null {
  const bare = text.replace(/级$/, '');
  return (POLICY_LEVELS as readonly string[]).includes(bare) ? (bare as PolicyLevel) : null;
}

/**
 * Checks every cell of every row and turns good rows into policy fields. All problems are
 * reported (not just the first), each with its row, column and what to fix.
 */
export function checkRows(rows: readonly SheetRow[], ctx: ImportContext): { rows: CheckedRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const checked: CheckedRow[] = [];
  const byName = new Map(ctx.departments.map((d) => [d.name, d.id]));
  const firstSeen = new Map<string, number>();

  for (const { row, values } of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ row, column, message });

    for (const column of REQUIRED) if (!values[column]) fail(column, `${column}不能为空`);
    for (const [column, max] of Object.entries(MAX_LENGTH)) {
      if ([...(values[column] ?? '')].length > max) fail(column, `${column}不能超过${max}个字`);
    }

    const departmentId = values['发文部门'] ? byName.get(values['发文部门']) : undefined;
    if (values['发文部门'] && departmentId === undefined) fail('发文部门', `没有名为“${values['发文部门']}”的部门，请填写部门全称，如“区人社局”`);
    if (departmentId !== undefined && ctx.user.role !== 'admin' && departmentId !== ctx.user.departmentId) {
      fail('发文部门', '只能导入本部门的政策');
    }

    const level = values['层级'] ? levelOf(values['层级']) : null;
    if (values['层级'] && !level) fail('层级', `层级应为${oneOf(POLICY_LEVELS)}之一`);
    const kind = (POLICY_KINDS as readonly string[]).includes(values['类型']) ? (values['类型'] as PolicyKind) : null;
    if (values['类型'] && !kind) fail('类型', `类型应为${oneOf(POLICY_KINDS)}之一`);
    const method = (POLICY_METHODS as readonly string[]).includes(values['兑现方式']) ? (values['兑现方式'] as PolicyMethod) : null;
    if (values['兑现方式'] && !method) fail('兑现方式', `兑现方式应为${oneOf(POLICY_METHODS)}之一`);

    const tags = cleanTags(values['标签'].split(/[、,，;；]/));
    if (tags.length > 20) fail('标签', '标签最多20个');
    const longTag = tags.find((t) => [...t].length > 20);
    if (longTag) fail('标签', `标签“${longTag}”超过20个字`);

    const validFrom = values['开始日期'] ? parseSheetDate(values['开始日期']) : null;
    if (values['开始日期'] && !validFrom) fail('开始日期', '日期格式应为 YYYY-MM-DD，如 2026-01-31');
    const validTo = values['结束日期'] ? parseSheetDate(values['结束日期']) : null;
    if (values['结束日期'] && !validTo) fail('结束日期', '日期格式应为 YYYY-MM-DD，如 2026-12-31；长期有效请留空');
    if (validFrom && validTo && validTo < validFrom) fail('结束日期', '结束日期不能早于开始日期');

    const key = basisTitleKey(values['文号'], values['政策名称']);
    const earlier = firstSeen.get(key);
    if (values['文号'] && values['政策名称'] && earlier !== undefined) {
      fail('政策名称', `与第${earlier}行的文号和政策名称相同，请删除重复行`);
    } else firstSeen.set(key, row);

    if (errors.length > before || departmentId === undefined || !level || !kind || !method || !validFrom) continue;
    checked.push({
      row,
      fields: {
        title: values['政策名称'],
        departmentId,
        level,
        kind,
        tags,
        summary: values['摘要'],
        body: values['正文'],
        basisDoc: values['文号'],
        amount: values['金额'],
        validFrom,
        validTo,
        method,
        contact: values['联系方式'],
        conditions: [],
      },
    });
  }
  return { rows: checked, errors };
}
