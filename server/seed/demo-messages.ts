import type { MessageComplexity } from '../../types/message';
import { keptClearOf, messageStories, type MessageStory } from './data/activity';
import { ownerOf } from './demo-accounts';
import { daysAgoAt, lookup, settle, type DemoContext } from './demo-context';

/** Working days to reply (as the 留言 routes count them): 1 for a simple question, 3 once marked complex. */
const REPLY_DAYS: Record<MessageComplexity, number> = { simple: 1, complex: 3 };

/** The staff member who answers for a department: its first demo account. */
function answererOf(departmentId: number, departmentStaff: Map<number, number>): number {
  const id = departmentStaff.get(departmentId);
  if (id === undefined) throw new Error(`演示留言的部门 #${departmentId} 没有工作人员账号`);
  return id;
}

async function subjectOf(ctx: DemoContext, story: MessageStory, enterpriseId: number): Promise<{ policyId: number; benefitId: number | null }> {
  if ('policy' in story.subject) return { policyId: lookup(ctx.policies, story.subject.policy, '政策'), benefitId: null };
  // A question about its own record: the one in 公示 if there is one, else the latest.
  const mine = await ctx.repos.benefits.list({ enterpriseId, page: 1, pageSize: 50 });
  const record = mine.items.find((b) => b.status === 'publicized') ?? mine.items[0];
  if (!record) throw new Error(`演示留言：企业 #${story.enterprise} 没有享受记录`);
  return { policyId: record.policy.id, benefitId: record.id };
}

/**
 * 留言 threads as the 留言 routes leave them: the enterprise's question, staff replies (a complex
 * mark first where the story has one), follow-ups that reopen a thread with a new deadline. Replies
 * are due by the same working-day rule, so one unanswered question is already overdue.
 */
export async function seedMessages(ctx: DemoContext, departmentStaff: Map<number, number>): Promise<number> {
  const { repos, calendar } = ctx;
  let threads = 0;
  for (const story of messageStories) {
    if (keptClearOf.has(story.enterprise)) throw new Error(`演示留言不应使用浏览器测试所用的企业 #${story.enterprise}`);
    const enterprise = ctx.enterprises[story.enterprise];
    const userId = await ownerOf(ctx, story.enterprise);
    const { policyId, benefitId } = await subjectOf(ctx, story, enterprise.id);
    const policy = (await repos.benefits.findPolicy(policyId))!;
    const staffId = answererOf(policy.departmentId, departmentStaff);

    const planned = [daysAgoAt(ctx, story.askedDaysAgo, '09:35')];
    if (story.complexNote) planned.push(daysAgoAt(ctx, story.askedDaysAgo, '11:20'));
    if (story.answer) planned.push(daysAgoAt(ctx, story.answer.daysAgo, '15:10'));
    if (story.followUp) planned.push(daysAgoAt(ctx, story.followUp.daysAgo, '16:30'));
    const times = settle(ctx.now, planned);
    let step = 0;
    const askedAt = times[step++];

    const id = await repos.messages.insertThread({
      enterpriseId: enterprise.id,
      departmentId: policy.departmentId,
      policyId,
      benefitId,
      askedAt,
      replyDueAt: calendar.deadlineAt(askedAt, REPLY_DAYS.simple),
    });
    await repos.messages.addPost({ threadId: id, from: 'enterprise', author: enterprise.name, authorUserId: userId, body: story.question, at: askedAt });
    if (story.complexNote) {
      const at = times[step++];
      await repos.messages.addPost({ threadId: id, from: 'staff', author: policy.departmentName, authorUserId: staffId, body: story.complexNote, at });
      await repos.messages.updateThread(id, { complexity: 'complex', replyDueAt: calendar.deadlineAt(askedAt, REPLY_DAYS.complex), at });
    }
    if (story.answer) {
      const at = times[step++];
      await repos.messages.addPost({ threadId: id, from: 'staff', author: policy.departmentName, authorUserId: staffId, body: story.answer.body, at });
      await repos.messages.updateThread(id, { answered: true, at });
    }
    if (story.followUp) {
      const at = times[step++];
      const complexity: MessageComplexity = story.complexNote ? 'complex' : 'simple';
      await repos.messages.addPost({ threadId: id, from: 'enterprise', author: enterprise.name, authorUserId: userId, body: story.followUp.body, at });
      await repos.messages.updateThread(id, { answered: false, askedAt: at, replyDueAt: calendar.deadlineAt(at, REPLY_DAYS[complexity]), at });
    }
    threads++;
  }
  return threads;
}
