import type { Enterprise } from '../../../../types/enterprise';
import type { PolicyCondition } from '../../../../types/policy';
import { describeCondition, evaluatePolicy, type ProfileField } from '../../../../types/policy-match';

/** The registry field a condition could not be judged on, as staff call it. */
const FIELD_NAMES: Record<ProfileField, string> = {
  industry: '所属行业',
  scale: '企业规模',
  district: '所属乡镇（街道）',
  qualifications: '资质认定情况',
  registeredOn: '成立日期',
};

const CONDITION_FIELD: Record<PolicyCondition['field'], ProfileField> = {
  industry: 'industry',
  scale: 'scale',
  district: 'district',
  qualifications: 'qualifications',
  yearsSinceRegistration: 'registeredOn',
};

/** What the registry holds for the condition, so staff can see at a glance why it failed. */
function recorded(condition: PolicyCondition, enterprise: Enterprise): string {
  switch (condition.field) {
    case 'industry':
      return `登记行业：${enterprise.industry}`;
    case 'scale':
      return `登记规模：${enterprise.scale}`;
    case 'district':
      return `登记地：${enterprise.district}`;
    case 'qualifications':
      return '档案中无该认定';
    case 'yearsSinceRegistration':
      return `成立于${enterprise.registeredOn ?? ''}`;
  }
}

/**
 * Conditions of a policy the enterprise's registry profile does not meet, or lacks the data to
 * judge, in the words of the 政策计算器 (same evaluator). Empty when every condition is met.
 */
export function eligibilityWarnings(conditions: readonly PolicyCondition[], enterprise: Enterprise, today: string): string[] {
  const evaluation = evaluatePolicy(conditions, enterprise, today);
  return evaluation.conditions.flatMap(({ condition, met }) => {
    if (met === true) return [];
    const label = `“${describeCondition(condition)}”`;
    if (met === null) return [`无法判断${label}（企业档案缺少${FIELD_NAMES[CONDITION_FIELD[condition.field]]}）`];
    return [`不符合${label}（${recorded(condition, enterprise)}）`];
  });
}
