import type { PolicyCondition, PolicyStatus, PolicyWrite } from '../../../../types/policy';
import { HttpError } from '../../../lib/http-error';
import { isCalendarDate } from '../../../lib/import';
import type { SessionUser } from '../../../repositories/sessions';

export const STATUS_LABELS: Record<PolicyStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

const invalid = (field: string, message: string) => new HttpError(400, 'VALIDATION', `${field}：${message}`, field);

/** Staff act on their own department's policies; admins on all. */
export function assertManages(user: SessionUser, departmentId: number): void {
  if (user.role === 'admin') return;
  if (user.role === 'staff' && user.departmentId !== null && user.departmentId === departmentId) return;
  throw new HttpError(403, 'FORBIDDEN', '只能管理本部门的政策');
}

/** Tags as a department means them: trimmed, without blanks or repeats. */
export const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

function cleanCondition(c: PolicyCondition, at: string): PolicyCondition {
  if (c.op === 'in') {
    const values = [...new Set(c.values.map((v) => v.trim()).filter(Boolean))];
    if (values.length === 0) throw invalid(`${at}.values`, '至少需要一个取值');
    return { ...c, values } as PolicyCondition;
  }
  if (c.field === 'qualifications') {
    const value = c.value.trim();
    if (!value) throw invalid(`${at}.value`, '不能为空');
    return { ...c, value };
  }
  return c;
}

/**
 * Checks what the schema cannot: real calendar dates, an end not before the start, and conditions
 * that make sense as rules (no empty values, one rule per profile field and direction).
 */
export function checkPolicyWrite(body: PolicyWrite): { tags: string[]; conditions: PolicyCondition[] } {
  if (!isCalendarDate(body.validFrom)) throw invalid('validFrom', '不是有效日期');
  if (body.validTo !== null) {
    if (!isCalendarDate(body.validTo)) throw invalid('validTo', '不是有效日期');
    if (body.validTo < body.validFrom) throw invalid('validTo', '结束日期不能早于开始日期');
  }
  const seen = new Set<string>();
  const conditions = body.conditions.map((c, i) => {
    const key = c.field === 'yearsSinceRegistration' ? `${c.field}:${c.op}` : c.field === 'qualifications' ? `${c.field}:${c.value.trim()}` : c.field;
    if (seen.has(key)) throw invalid(`conditions.${i}`, '与前面的条件重复，请合并为一条');
    seen.add(key);
    return cleanCondition(c, `conditions.${i}`);
  });
  const min = conditions.find((c) => c.field === 'yearsSinceRegistration' && c.op === 'gte');
  const max = conditions.find((c) => c.field === 'yearsSinceRegistration' && c.op === 'lte');
  if (min && max && 'value' in min && 'value' in max && (min.value as number) > (max.value as number)) {
    throw invalid('conditions', '成立年限的下限大于上限，没有企业能满足');
  }
  return { tags: cleanTags(body.tags), conditions };
}
