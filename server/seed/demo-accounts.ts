import { evaluatePolicy } from '../../types/policy-match';
import { encrypt, maskPhone } from '../lib/secrets';
import { demoOwners, fakePhone } from './data/activity';
import { daysAgoAt, settle, type DemoContext } from './demo-context';

/**
 * The WeChat user who acts for an enterprise in the demo (books, asks, rates), created bound to it
 * with a fictitious phone number, as the bind page and getPhoneNumber would leave it. The demo
 * owners get the openids the banner suggests; the rest get `demo-enterprise-<n>`.
 */
export async function ownerOf(ctx: DemoContext, index: number): Promise<number> {
  const known = ctx.owners.get(index);
  if (known !== undefined) return known;
  const enterprise = ctx.enterprises[index];
  if (!enterprise) throw new Error(`演示数据引用了不存在的企业：#${index}`);
  const openid = demoOwners.find((o) => o.enterprise === index)?.openid ?? `demo-enterprise-${index + 1}`;
  const phone = fakePhone(index + 1);
  // Bound before the oldest demo quarter (about 290 working days back), so no rating predates its rater.
  const [createdAt, boundAt] = settle(ctx.now, [daysAgoAt(ctx, 360 - index, '09:10'), daysAgoAt(ctx, 360 - index, '09:12')]);
  const id = await ctx.repos.users.insert({
    openid,
    role: 'enterprise',
    display_name: '微信用户',
    enterprise_id: enterprise.id,
    phone_enc: encrypt(phone, ctx.config.dataKey),
    phone_masked: maskPhone(phone),
    created_at: createdAt,
  });
  // The quarterly figure "enterprises bound" counts these entries, as it counts real bindings.
  await ctx.repos.audit.record({ actorUserId: id, action: 'enterprise.bind', target: `enterprise:${enterprise.id}`, at: boundAt });
  ctx.owners.set(index, id);
  return id;
}

/**
 * The demo owners' enterprises each get a 免申即享 record waiting in 公示 (on a policy they really
 * match), so the owner has something to confirm; seedBenefits has already spread the other stages.
 */
export async function seedOwnerBenefits(ctx: DemoContext): Promise<void> {
  const policies = await ctx.repos.benefits.publishedNoApplyCashPolicies();
  for (const { enterprise: index } of demoOwners) {
    await ownerOf(ctx, index);
    const enterprise = ctx.enterprises[index];
    const { items } = await ctx.repos.benefits.list({ enterpriseId: enterprise.id, status: 'publicized', page: 1, pageSize: 1 });
    if (items.length > 0) continue;
    const profile = (await ctx.repos.enterprises.findById(enterprise.id))!;
    for (const policy of policies) {
      if (!evaluatePolicy(policy.conditions, profile, ctx.today).matched) continue;
      const [matchedAt, publicizedAt] = settle(ctx.now, [daysAgoAt(ctx, 6, '10:00'), daysAgoAt(ctx, 2, '15:30')]);
      const amountFen = 1_200_000;
      const id = await ctx.repos.benefits.insert({ policyId: policy.id, enterpriseId: enterprise.id, amountFen }, { by: policy.departmentName, actorUserId: null, note: null, at: matchedAt });
      if (id === null) continue;
      await ctx.repos.benefits.transition(
        id,
        ['matched'],
        'publicized',
        { basis: `${policy.basisDoc}，按部门共享数据自动比对`, dataUsed: `${enterprise.name}：2026年1–10月相关缴费及经营数据`, amountFen },
        { by: policy.departmentName, actorUserId: null, note: null, at: publicizedAt },
      );
      break;
    }
  }
}
