import type { ReminderItem } from '../../types/satisfaction';
import type { DemoContext } from './demo-context';

/**
 * Today's 工作提醒函 for the overdue ticket and 留言, composed as server/jobs/reminders.ts composes
 * them (without the notifications: nobody has subscribed yet). The hourly job then finds today's
 * letters written and starts again tomorrow, so the reminders screen is not empty for the first hour.
 */
export async function seedReminderLetters(ctx: DemoContext): Promise<number> {
  const { repos, calendar, now } = ctx;
  const items = new Map<number, ReminderItem[]>();
  const add = (departmentId: number, item: ReminderItem) => items.set(departmentId, [...(items.get(departmentId) ?? []), item]);
  const lateBy = (dueAt: string) => Math.max(0, calendar.workingDaysBetween(new Date(Date.parse(dueAt) - 1), now));
  for (const t of await repos.tickets.overdue(now)) {
    const title = t.target_kind === 'project' ? (t.project_name ?? '重点项目') : t.target_kind === 'delivery' ? '证照递送' : t.department_name;
    add(t.department_id, { kind: 'ticket', id: t.id, title: `差评整改：${title}${t.stage ? `（${t.stage}）` : ''}`, dueAt: t.deadline_at, overdueWorkingDays: lateBy(t.deadline_at) });
  }
  for (const m of await repos.reminders.overdueMessages(now)) {
    add(m.department_id, { kind: 'message', id: m.id, title: `企业留言：${m.title}`, dueAt: m.reply_due_at, overdueWorkingDays: lateBy(m.reply_due_at) });
  }
  let letters = 0;
  for (const [departmentId, list] of [...items.entries()].sort(([a], [b]) => a - b)) {
    if ((await repos.reminders.insert({ departmentId, period: ctx.today, items: list, now })) !== null) letters++;
  }
  return letters;
}
