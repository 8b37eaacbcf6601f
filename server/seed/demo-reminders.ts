import { overdueItems } from '../jobs/reminders';
import type { DemoContext } from './demo-context';

/**
 * Today's 工作提醒函 for what is overdue, composed by the reminder job's own overdueItems (without the
 * notifications: nobody has subscribed yet). The hourly job then finds today's letters written and
 * starts again tomorrow, so the reminders screen is not empty for the first hour.
 */
export async function seedReminderLetters(ctx: DemoContext): Promise<number> {
  const { repos, calendar, now } = ctx;
  const items = await overdueItems(repos, calendar, new Date(now));
  let letters = 0;
  for (const [departmentId, list] of [...items.entries()].sort(([a], [b]) => a - b)) {
    if ((await repos.reminders.insert({ departmentId, period: ctx.today, items: list, now })) !== null) letters++;
  }
  return letters;
}
