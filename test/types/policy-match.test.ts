import { describeCondition, evaluatePolicy, fullYearsBetween, type EnterpriseProfileForMatch } from '../../types/policy-match';
import type { PolicyCondition } from '../../types/policy';

const TODAY = '2026-11-27';
const teaSme: EnterpriseProfileForMatch = {
  industry: '农、林、牧、渔业',
  scale: '小型',
  district: '溪口镇',
  qualifications: ['农业产业化龙头企业'],
  registeredOn: '2021-03-15',
};

describe('evaluatePolicy', () => {
  it('matches when every condition is met and explains each with a tick', () => {
    const r = evaluatePolicy(
      [
        { field: 'industry', op: 'in', values: ['制造业', '农、林、牧、渔业'] },
        { field: 'scale', op: 'in', values: ['中型', '小型', '微型'] },
        { field: 'yearsSinceRegistration', op: 'gte', value: 3 },
      ],
      teaSme,
      TODAY,
    );
    expect(r.matched).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.conditions.map((c) => c.reason)).toEqual([
      '所属行业需为制造业或农、林、牧、渔业：您的企业属于农、林、牧、渔业 ✓',
      '需为中小微企业：您的企业为小型企业 ✓',
      '成立年限需满3年：您的企业成立于2021年，已满5年 ✓',
    ]);
    expect(r.conditions.every((c) => c.met === true)).toBe(true);
  });

  it('says a missing qualification is not yet recognised', () => {
    const r = evaluatePolicy([{ field: 'qualifications', op: 'has', value: '高新技术企业' }], teaSme, TODAY);
    expect(r.matched).toBe(false);
    expect(r.conditions[0]).toMatchObject({ met: false, reason: '需为高新技术企业：您的企业尚未认定' });
  });

  it('names a qualification that is not an enterprise type as a recognition', () => {
    const r = evaluatePolicy([{ field: 'qualifications', op: 'has', value: '绿色工厂' }], { ...teaSme, qualifications: ['绿色工厂'] }, TODAY);
    expect(r.conditions[0].reason).toBe('需获得“绿色工厂”认定：您的企业已认定 ✓');
  });

  it('rejects a medium enterprise from a 小微 policy and says what it is', () => {
    const r = evaluatePolicy([{ field: 'scale', op: 'in', values: ['小型', '微型'] }], { ...teaSme, scale: '中型' }, TODAY);
    expect(r.matched).toBe(false);
    expect(r.conditions[0]).toMatchObject({ met: false, reason: '需为小微企业：您的企业为中型企业，不符合' });
  });

  it('names non-adjacent sizes one by one', () => {
    expect(describeCondition({ field: 'scale', op: 'in', values: ['微型', '大型'] })).toBe('需为大型或微型企业');
    expect(describeCondition({ field: 'scale', op: 'in', values: ['中型'] })).toBe('需为中型企业');
  });

  it('checks the district', () => {
    const c: PolicyCondition = { field: 'district', op: 'in', values: ['茶园街道', '龙湖街道'] };
    expect(evaluatePolicy([c], teaSme, TODAY).conditions[0].reason).toBe('注册地需在茶园街道或龙湖街道：您的企业位于溪口镇，不符合');
  });

  it('counts whole years since registration, up to the anniversary day', () => {
    const cond: PolicyCondition = { field: 'yearsSinceRegistration', op: 'gte', value: 3 };
    const dayBefore = evaluatePolicy([cond], { ...teaSme, registeredOn: '2023-11-28' }, TODAY);
    expect(dayBefore.matched).toBe(false);
    expect(dayBefore.conditions[0].reason).toBe('成立年限需满3年：您的企业成立于2023年，已满2年，不满3年');
    expect(evaluatePolicy([cond], { ...teaSme, registeredOn: '2023-11-27' }, TODAY).matched).toBe(true);
  });

  it('supports "founded at most N years ago" for start-up policies', () => {
    const cond: PolicyCondition = { field: 'yearsSinceRegistration', op: 'lte', value: 2 };
    expect(evaluatePolicy([cond], { ...teaSme, registeredOn: '2026-05-01' }, TODAY).conditions[0].reason).toBe(
      '成立年限需不超过2年：您的企业成立于2026年，未满1年 ✓',
    );
    expect(evaluatePolicy([cond], teaSme, TODAY).conditions[0]).toMatchObject({
      met: false,
      reason: '成立年限需不超过2年：您的企业成立于2021年，已满5年，超过2年',
    });
  });

  it('asks for a missing field instead of guessing, and does not match until it is filled', () => {
    const r = evaluatePolicy(
      [
        { field: 'yearsSinceRegistration', op: 'gte', value: 1 },
        { field: 'scale', op: 'in', values: ['小型'] },
        { field: 'yearsSinceRegistration', op: 'lte', value: 10 },
      ],
      { ...teaSme, registeredOn: null },
      TODAY,
    );
    expect(r.matched).toBe(false);
    expect(r.missing).toEqual(['registeredOn']);
    expect(r.conditions[0]).toMatchObject({ met: null, reason: '成立年限需满1年：请补充企业成立日期' });
    expect(r.conditions[1].met).toBe(true);
  });

  it('lists every missing field once', () => {
    const r = evaluatePolicy(
      [
        { field: 'industry', op: 'in', values: ['制造业'] },
        { field: 'district', op: 'in', values: ['溪口镇'] },
        { field: 'qualifications', op: 'has', value: '高新技术企业' },
      ],
      {},
      TODAY,
    );
    expect(r.missing).toEqual(['industry', 'district', 'qualifications']);
    expect(r.conditions.map((c) => c.met)).toEqual([null, null, null]);
    expect(r.conditions[1].reason).toBe('注册地需在溪口镇：请补充所属乡镇（街道）');
  });

  it('treats an enterprise with no qualifications as known, not missing', () => {
    const r = evaluatePolicy([{ field: 'qualifications', op: 'has', value: '专精特新中小企业' }], { ...teaSme, qualifications: [] }, TODAY);
    expect(r.missing).toEqual([]);
    expect(r.conditions[0].met).toBe(false);
  });

  it('opens a policy without conditions to every enterprise', () => {
    expect(evaluatePolicy([], {}, TODAY)).toEqual({ matched: true, missing: [], conditions: [] });
  });

  it('refuses a malformed today', () => {
    expect(() => evaluatePolicy([], teaSme, '27/11/2026')).toThrow(RangeError);
  });
});

describe('fullYearsBetween', () => {
  it('handles a 29 February registration', () => {
    expect(fullYearsBetween('2024-02-29', '2025-02-28')).toBe(0);
    expect(fullYearsBetween('2024-02-29', '2025-03-01')).toBe(1);
  });
  it('never goes negative for a future date', () => {
    expect(fullYearsBetween('2027-01-01', TODAY)).toBe(0);
  });
});
