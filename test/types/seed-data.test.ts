import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { departments, townships } from '../../server/seed/data/departments';
import { enterprises } from '../../server/seed/data/enterprises';
import { policies } from '../../server/seed/data/policies';
import { projects } from '../../server/seed/data/projects';
import { staff } from '../../server/seed/data/staff';
import { ENTERPRISE_SCALES } from '../../types/enterprise';
import { Policy } from '../../types/policy';
import { checkUscc } from '../../types/uscc';

const TODAY = '2026-11-27';
const departmentNames = new Set(departments.map((d) => d.name));
const enterpriseQualifications = new Set(enterprises.flatMap((e) => e.qualifications));
const enterpriseIndustries = new Set(enterprises.map((e) => e.industry));
const PolicyInputSchema = Type.Intersect([
  Type.Omit(Policy, ['id', 'department', 'publishedAt', 'updatedAt']),
  Type.Object({ department: Type.String({ minLength: 1 }) }),
]);

const dupes = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('departments', () => {
  it('are about fourteen, with unique names and codes, including the ones the seed report names', () => {
    expect(departments.length).toBeGreaterThanOrEqual(12);
    expect(dupes(departments.map((d) => d.name))).toEqual([]);
    expect(dupes(departments.map((d) => d.code))).toEqual([]);
    for (const name of ['区发改委', '区财政局', '区科工局', '区市场监管局', '区商务局', '区文广旅局', '区林茶局', '区营商办']) {
      expect(departmentNames).toContain(name);
    }
  });
});

describe('enterprises', () => {
  it('are 50, each with a valid and unique 统一社会信用代码', () => {
    expect(enterprises).toHaveLength(50);
    for (const e of enterprises) expect({ uscc: e.uscc, ok: checkUscc(e.uscc).ok }).toEqual({ uscc: e.uscc, ok: true });
    expect(dupes(enterprises.map((e) => e.uscc))).toEqual([]);
    expect(dupes(enterprises.map((e) => e.name))).toEqual([]);
  });

  it('leave the codes published in GB 32100 to the tests', () => {
    const codes = enterprises.map((e) => e.uscc);
    expect(codes).not.toContain('914403001922038216');
    expect(codes).not.toContain('91440300708461136T');
  });

  it('are enterprises (9 1) registered in the district, with plausible profiles', () => {
    for (const e of enterprises) {
      expect(e.uscc.slice(0, 8)).toBe('91350129');
      expect(ENTERPRISE_SCALES).toContain(e.scale);
      expect(townships).toContain(e.district);
      if (e.registeredOn) {
        expect(e.registeredOn >= '2005-01-01' && e.registeredOn <= TODAY).toBe(true);
      }
    }
  });

  it('are mostly small and micro, many without any qualification, some without a founding date', () => {
    const smallOrMicro = enterprises.filter((e) => e.scale === '小型' || e.scale === '微型').length;
    expect(smallOrMicro / enterprises.length).toBeGreaterThan(0.6);
    expect(enterprises.filter((e) => e.qualifications.length === 0).length).toBeGreaterThan(15);
    expect(enterprises.some((e) => !e.registeredOn)).toBe(true);
    expect(enterpriseIndustries.size).toBeGreaterThanOrEqual(8);
  });
});

describe('policies', () => {
  it('number at least 30 and fit the contract', () => {
    expect(policies.length).toBeGreaterThanOrEqual(30);
    for (const p of policies) {
      const errors = [...Value.Errors(PolicyInputSchema, p)].map((e) => `${e.path} ${e.message}`);
      expect({ title: p.title, errors }).toEqual({ title: p.title, errors: [] });
    }
    expect(dupes(policies.map((p) => p.title))).toEqual([]);
  });

  it('name a department that exists', () => {
    for (const p of policies) expect(departmentNames).toContain(p.department);
  });

  it('hold the 27 区级 免申即享 policies of the seed report, plus 市 and 省 ones', () => {
    const district = policies.filter((p) => p.level === '区' && p.method === '免申即享' && p.status === 'published');
    expect(district).toHaveLength(27);
    expect(policies.some((p) => p.level === '市')).toBe(true);
    expect(policies.some((p) => p.level === '省')).toBe(true);
    expect(policies.some((p) => p.method === '快申快享')).toBe(true);
  });

  it('mix statuses and validity windows the way a live register does', () => {
    expect(policies.filter((p) => p.status === 'draft').length).toBeGreaterThanOrEqual(2);
    expect(policies.filter((p) => p.status === 'withdrawn')).toHaveLength(1);
    const published = policies.filter((p) => p.status === 'published');
    expect(published.filter((p) => p.validTo !== null && p.validTo < TODAY).length).toBeGreaterThanOrEqual(2);
    expect(published.filter((p) => p.validTo === null).length).toBeGreaterThanOrEqual(5);
    const inForce = published.filter((p) => p.validFrom <= TODAY && (p.validTo === null || p.validTo >= TODAY));
    expect(inForce.length).toBeGreaterThanOrEqual(25);
    for (const p of policies) if (p.validTo) expect(p.validFrom <= p.validTo).toBe(true);
  });

  it('carry a 文号, a contact landline and a body of several paragraphs', () => {
    for (const p of policies) {
      expect(p.basisDoc).toMatch(/〔\d{4}〕/);
      expect(p.contact).toMatch(/0591-8\d{7}/);
      expect(p.summary.length).toBeGreaterThan(15);
    }
    const multiParagraph = policies.filter((p) => p.body.includes('\n\n'));
    expect(multiParagraph.length).toBeGreaterThan(policies.length * 0.8);
  });

  it('have conditions over values an enterprise profile can actually hold', () => {
    for (const p of policies) {
      for (const c of p.conditions) {
        if (c.field === 'scale') for (const v of c.values) expect(ENTERPRISE_SCALES).toContain(v);
        if (c.field === 'industry') for (const v of c.values) expect(enterpriseIndustries).toContain(v);
        if (c.field === 'district') for (const v of c.values) expect(townships).toContain(v);
        if (c.field === 'qualifications') expect(enterpriseQualifications).toContain(c.value);
        if (c.field === 'yearsSinceRegistration') expect(c.value).toBeLessThanOrEqual(30);
      }
    }
    // The 政策计算器 needs policies with rules of each kind to explain.
    const fields = new Set(policies.flatMap((p) => p.conditions.map((c) => c.field)));
    expect([...fields].sort()).toEqual(['industry', 'qualifications', 'scale', 'yearsSinceRegistration'].sort());
  });
});

describe('projects', () => {
  it('are 8 key projects of seed enterprises, served by existing departments, with stages', () => {
    const codes = new Set(enterprises.map((e) => e.uscc));
    expect(projects).toHaveLength(8);
    for (const p of projects) {
      expect(departmentNames).toContain(p.department);
      expect(codes).toContain(p.enterpriseUscc);
      expect(p.stages.length).toBeGreaterThanOrEqual(3);
      expect(dupes(p.stages)).toEqual([]);
    }
    expect(dupes(projects.map((p) => p.name))).toEqual([]);
  });
});

describe('staff', () => {
  it('have one admin called admin in 营商办, three visitors, unique usernames, real departments', () => {
    expect(staff.filter((s) => s.role === 'admin')).toEqual([expect.objectContaining({ username: 'admin', department: '区营商办' })]);
    expect(staff.filter((s) => s.role === 'visitor').map((s) => s.username)).toEqual(['visitor1', 'visitor2', 'visitor3']);
    expect(dupes(staff.map((s) => s.username))).toEqual([]);
    for (const s of staff) if (s.department) expect(departmentNames).toContain(s.department);
    for (const s of staff) if (s.role === 'staff') expect(s.department).not.toBeNull();
  });

  it('cover every department that owns a policy', () => {
    const staffed = new Set(staff.filter((s) => s.role === 'staff').map((s) => s.department));
    for (const p of policies) expect(staffed).toContain(p.department);
  });
});
