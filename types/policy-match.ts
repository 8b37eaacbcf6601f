/**
 * 政策计算器: evaluates a policy's structured conditions against an enterprise profile and says,
 * per condition, whether it is met and why, in words an owner understands. Pure and shared:
 * the server decides "仅看我可享" with it and the app can re-explain without a round trip.
 * Type-only imports from the schema modules, so the mini-program bundle does not pull in TypeBox.
 */
import type { PolicyCondition } from './policy';
import type { EnterpriseScale } from './enterprise';
import { ENTERPRISE_SCALES } from './enterprise-rules';

/** The profile fields conditions read; null/undefined = not filled in yet. */
export interface EnterpriseProfileForMatch {
  industry?: string | null;
  scale?: EnterpriseScale | null;
  district?: string | null;
  qualifications?: readonly string[] | null;
  /** YYYY-MM-DD */
  registeredOn?: string | null;
}

export type ProfileField = 'industry' | 'scale' | 'district' | 'qualifications' | 'registeredOn';

export interface ConditionOutcome {
  condition: PolicyCondition;
  /** null when the profile lacks what the condition needs. */
  met: boolean | null;
  reason: string;
}

export interface PolicyEvaluation {
  /** True only when every condition is met (a policy without conditions is open to all). */
  matched: boolean;
  /** Profile fields to fill in before the policy can be decided, without repeats. */
  missing: ProfileField[];
  conditions: ConditionOutcome[];
}

/** What to ask the owner for, per missing field. */
export const PROFILE_FIELD_PROMPTS: Record<ProfileField, string> = {
  industry: '请补充所属行业',
  scale: '请补充企业规模',
  district: '请补充所属乡镇（街道）',
  qualifications: '请补充企业资质认定情况',
  registeredOn: '请补充企业成立日期',
};

const SCALE_ORDER: readonly EnterpriseScale[] = ENTERPRISE_SCALES;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MET = ' ✓';

/** "中小微企业" for a contiguous range of sizes, else "大型或小型企业". */
function scaleLabel(values: readonly EnterpriseScale[]): string {
  const idx = [...new Set(values.map((v) => SCALE_ORDER.indexOf(v)))].filter((i) => i >= 0).sort((a, b) => a - b);
  if (idx.length === 1) return `${SCALE_ORDER[idx[0]]}企业`;
  const contiguous = idx.every((v, i) => i === 0 || v === idx[i - 1] + 1);
  if (contiguous) return `${idx.map((i) => SCALE_ORDER[i][0]).join('')}企业`;
  return `${idx.map((i) => SCALE_ORDER[i]).join('或')}企业`;
}

// Industry names contain 、 themselves (农、林、牧、渔业), so alternatives are joined with 或.
const orList = (values: readonly string[]) => values.join('或');

function qualificationLabel(value: string): string {
  return value.endsWith('企业') ? `需为${value}` : `需获得“${value}”认定`;
}

/** The rule in words, without the profile, e.g. for the staff editor. */
export function describeCondition(c: PolicyCondition): string {
  switch (c.field) {
    case 'industry':
      return `所属行业需为${orList(c.values)}`;
    case 'scale':
      return `需为${scaleLabel(c.values)}`;
    case 'district':
      return `注册地需在${orList(c.values)}`;
    case 'qualifications':
      return qualificationLabel(c.value);
    case 'yearsSinceRegistration':
      return c.op === 'gte' ? `成立年限需满${c.value}年` : `成立年限需不超过${c.value}年`;
  }
}

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whole years from `from` to `to`, as birthdays are counted; never negative. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parseDate(from);
  const [ty, tm, td] = parseDate(to);
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return Math.max(0, ty - fy - (beforeAnniversary ? 1 : 0));
}

type Check = { met: boolean; detail: string } | { missing: ProfileField };

const listCheck = (met: boolean, detail: string): Check => ({ met, detail: met ? detail : `${detail}，不符合` });

function checkCondition(c: PolicyCondition, p: EnterpriseProfileForMatch, today: string): Check {
  switch (c.field) {
    case 'industry':
      if (!p.industry) return { missing: 'industry' };
      return listCheck(c.values.includes(p.industry), `您的企业属于${p.industry}`);
    case 'scale':
      if (!p.scale) return { missing: 'scale' };
      return listCheck(c.values.includes(p.scale), `您的企业为${p.scale}企业`);
    case 'district':
      if (!p.district) return { missing: 'district' };
      return listCheck(c.values.includes(p.district), `您的企业位于${p.district}`);
    case 'qualifications': {
      if (!p.qualifications) return { missing: 'qualifications' };
      const has = p.qualifications.includes(c.value);
      return { met: has, detail: has ? '您的企业已认定' : '您的企业尚未认定' };
    }
    case 'yearsSinceRegistration': {
      if (!p.registeredOn) return { missing: 'registeredOn' };
      const years = fullYearsBetween(p.registeredOn, today);
      const met = c.op === 'gte' ? years >= c.value : years <= c.value;
      const age = years === 0 ? '未满1年' : `已满${years}年`;
      const gap = met ? '' : c.op === 'gte' ? `，不满${c.value}年` : `，超过${c.value}年`;
      return { met, detail: `您的企业成立于${p.registeredOn.slice(0, 4)}年，${age}${gap}` };
    }
  }
}

export function evaluateCondition(
  condition: PolicyCondition,
  profile: EnterpriseProfileForMatch,
  today: string,
): ConditionOutcome & { missingField?: ProfileField } {
  const label = describeCondition(condition);
  const check = checkCondition(condition, profile, today);
  if ('missing' in check) {
    return { condition, met: null, reason: `${label}：${PROFILE_FIELD_PROMPTS[check.missing]}`, missingField: check.missing };
  }
  return { condition, met: check.met, reason: `${label}：${check.detail}${check.met ? MET : ''}` };
}

export function evaluatePolicy(
  conditions: readonly PolicyCondition[],
  profile: EnterpriseProfileForMatch,
  today: string,
): PolicyEvaluation {
  parseDate(today);
  const missing: ProfileField[] = [];
  const outcomes: ConditionOutcome[] = [];
  for (const condition of conditions) {
    const { missingField, ...outcome } = evaluateCondition(condition, profile, today);
    if (missingField && !missing.includes(missingField)) missing.push(missingField);
    outcomes.push(outcome);
  }
  return { matched: outcomes.every((o) => o.met === true), missing, conditions: outcomes };
}
