import type { BenefitStatus } from '../../types/benefit';
import { evaluatePolicy } from '../../types/policy-match';
import { toChinaDate } from '../lib/working-days';
import type { Repositories } from '../repositories';

/** Each demo benefit walks this far along; the cycle shows every status in 我的享受 and the staff list. */
const PATHS: BenefitStatus[][] = [
  [],
  ['publicized'],
  ['publicized', 'confirmed'],
  ['publicized', 'objected'],
  ['publicized', 'confirmed', 'paid'],
  ['publicized', 'confirmed', 'paid', 'archived'],
];
const POLICIES = 10;
const PER_POLICY = 3;

const shiftDays = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();

/**
 * Demo 免申即享 records: for the first published 免申即享 policies, a few enterprises whose profile
 * really matches (the 政策计算器's own rule), at every stage, with the history a department would leave.
 */
export async function seedBenefits(repos: Repositories, now: string): Promise<number> {
  const today = toChinaDate(now);
  const { items: enterprises } = await repos.enterprises.list({ page: 1, pageSize: 100 });
  const policies = (await repos.benefits.publishedNoApplyCashPolicies()).slice(0, POLICIES);
  let created = 0;
  for (const [pi, policy] of policies.entries()) {
    const matching = enterprises.filter((e) => evaluatePolicy(policy.conditions, e, today).matched).slice(0, PER_POLICY);
    for (const [ei, enterprise] of matching.entries()) {
      const n = pi * PER_POLICY + ei;
      const amountFen = (2 + (n % 7)) * 150_000;
      const path = PATHS[n % PATHS.length];
      // Spread the steps over the past weeks so the timeline reads like a real one.
      let at = shiftDays(now, 40 - (n % 10));
      const id = await repos.benefits.insert(
        { policyId: policy.id, enterpriseId: enterprise.id, amountFen },
        { by: policy.departmentName, actorUserId: null, note: null, at },
      );
      if (id === null) continue;
      created++;
      let from: BenefitStatus = 'matched';
      for (const to of path) {
        at = shiftDays(at, -5);
        const mine = to === 'confirmed' || to === 'objected';
        const patch =
          to === 'publicized'
            ? { basis: `${policy.basisDoc}，按部门共享数据自动比对`, dataUsed: `${enterprise.name}：2026年1–9月相关缴费及经营数据`, amountFen }
            : to === 'objected'
              ? { objection: '比对所用的参保人数少于实际人数' }
              : to === 'paid'
                ? { paidAmountFen: amountFen, paidOn: toChinaDate(at) }
                : {};
        const note = to === 'objected' ? '比对所用的参保人数少于实际人数' : null;
        await repos.benefits.transition(id, [from], to, patch, { by: mine ? enterprise.name : policy.departmentName, actorUserId: null, note, at });
        from = to;
      }
    }
  }
  return created;
}
