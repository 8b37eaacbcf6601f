import type { EnterpriseScale } from '@contract/enterprise';
import type { PolicyCondition, PolicyDetail, PolicyKind, PolicyLevel, PolicyMethod, PolicyWrite } from '@contract/policy';

export type ConditionField = PolicyCondition['field'];

/** A rule as being edited: loose strings until it is checked. */
export interface RuleDraft {
  field: ConditionField;
  /** scale: the sizes ticked. */
  values: string[];
  /** industry / district: names as typed (separated by ；); qualifications: the name; years: the number. */
  value: string;
  op: 'gte' | 'lte';
}

export interface PolicyDraft {
  title: string;
  departmentId: number | null;
  level: PolicyLevel;
  kind: PolicyKind;
  method: PolicyMethod;
  tags: string;
  summary: string;
  body: string;
  basisDoc: string;
  amount: string;
  validFrom: string;
  validTo: string;
  contact: string;
  rules: RuleDraft[];
}

export type DraftField = Exclude<keyof PolicyDraft, 'rules'> | `rule${number}`;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const FIELD_LABELS: Record<ConditionField, string> = {
  industry: '所属行业',
  scale: '企业规模',
  district: '注册地（乡镇街道）',
  qualifications: '资质认定',
  yearsSinceRegistration: '成立年限',
};

export const SCALES: EnterpriseScale[] = ['大型', '中型', '小型', '微型'];

export function emptyRule(field: ConditionField = 'scale'): RuleDraft {
  return { field, values: [], value: '', op: 'gte' };
}

export function emptyDraft(today: string): PolicyDraft {
  return {
    title: '',
    departmentId: null,
    level: '区',
    kind: '奖补',
    method: '免申即享',
    tags: '',
    summary: '',
    body: '',
    basisDoc: '',
    amount: '',
    validFrom: today,
    validTo: '',
    contact: '',
    rules: [],
  };
}

function ruleFrom(c: PolicyCondition): RuleDraft {
  switch (c.field) {
    case 'industry':
    case 'district':
      return { ...emptyRule(c.field), value: c.values.join('；') };
    case 'scale':
      return { ...emptyRule(c.field), values: [...c.values] };
    case 'qualifications':
      return { ...emptyRule(c.field), value: c.value };
    case 'yearsSinceRegistration':
      return { ...emptyRule(c.field), op: c.op, value: String(c.value) };
  }
}

export function draftFrom(p: PolicyDetail): PolicyDraft {
  return {
    title: p.title,
    departmentId: p.department.id,
    level: p.level,
    kind: p.kind,
    method: p.method,
    tags: p.tags.join('、'),
    summary: p.summary,
    body: p.body,
    basisDoc: p.basisDoc,
    amount: p.amount,
    validFrom: p.validFrom,
    validTo: p.validTo ?? '',
    contact: p.contact,
    rules: p.conditions.map(ruleFrom),
  };
}

/** Tags typed as “社保、就业” or with commas, the way departments write lists. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Industry names contain 、 themselves (农、林、牧、渔业), so alternatives are separated by ； or a new line. */
export function splitAlternatives(text: string): string[] {
  return [...new Set(text.split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean))];
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE_RE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

/** The rule as the API wants it, or why it is not finished. */
export function toCondition(rule: RuleDraft): PolicyCondition | string {
  switch (rule.field) {
    case 'industry':
    case 'district': {
      const values = splitAlternatives(rule.value);
      return values.length ? { field: rule.field, op: 'in', values } : `请填写${FIELD_LABELS[rule.field]}`;
    }
    case 'scale': {
      const values = SCALES.filter((s) => rule.values.includes(s));
      return values.length ? { field: 'scale', op: 'in', values } : '请至少选择一种企业规模';
    }
    case 'qualifications':
      return rule.value.trim() ? { field: 'qualifications', op: 'has', value: rule.value.trim() } : '请填写资质名称，如 高新技术企业';
    case 'yearsSinceRegistration': {
      const years = Number(rule.value);
      if (!/^\d{1,3}$/.test(rule.value.trim()) || years > 200) return '成立年限请填写0–200的整数';
      return { field: 'yearsSinceRegistration', op: rule.op, value: years };
    }
  }
}

/** Checks the draft the way the server will, so mistakes show under their field before sending. */
export function toPolicyWrite(d: PolicyDraft, needsDepartment: boolean): { ok: true; body: PolicyWrite } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const required = (field: 'title' | 'summary' | 'body', label: string, max: number) => {
    const v = d[field].trim();
    if (!v) errors[field] = `请填写${label}`;
    else if (v.length > max) errors[field] = `${label}不能超过${max}字`;
  };
  required('title', '政策名称', 100);
  required('summary', '摘要', 500);
  required('body', '正文或解读', 20000);
  if (needsDepartment && d.departmentId === null) errors.departmentId = '请选择发文部门';
  if (!isDate(d.validFrom)) errors.validFrom = '请按 年-月-日 填写开始日期，如 2024-01-01';
  if (d.validTo && !isDate(d.validTo)) errors.validTo = '请按 年-月-日 填写结束日期，或留空表示长期有效';
  else if (d.validTo && isDate(d.validFrom) && d.validTo < d.validFrom) errors.validTo = '结束日期不能早于开始日期';
  const tags = splitList(d.tags);
  if (tags.length > 20) errors.tags = '标签最多20个';
  else if (tags.some((t) => t.length > 20)) errors.tags = '每个标签不超过20字';
  if (d.rules.length > 20) errors.rule0 = '条件最多20条';
  const conditions: PolicyCondition[] = [];
  d.rules.forEach((rule, i) => {
    const result = toCondition(rule);
    if (typeof result === 'string') errors[`rule${i}`] = result;
    else conditions.push(result);
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title: d.title.trim(),
      ...(d.departmentId !== null ? { departmentId: d.departmentId } : {}),
      level: d.level,
      kind: d.kind,
      method: d.method,
      tags,
      summary: d.summary.trim(),
      body: d.body.trim(),
      basisDoc: d.basisDoc.trim(),
      amount: d.amount.trim(),
      validFrom: d.validFrom,
      validTo: d.validTo || null,
      contact: d.contact.trim(),
      conditions,
    },
  };
}
