import type { FastifyInstance } from 'fastify';
import type { ReminderItem } from '../../types/satisfaction';
import { toChinaDate, type WorkingCalendar } from '../lib/working-days';
import type { Repositories } from '../repositories';
import type { TicketRow } from '../repositories/tickets';

export const REMINDER_TEMPLATE_KEY = 'reminderLetter';
const REMINDER_TEMPLATE = { env: 'WECHAT_TEMPLATE_REMINDER_LETTER', demo: 'demo-tpl-reminder-letter', title: '工作提醒函' };
const LETTER_PAGE = (id: number) => `pages/staff/reminders/detail?id=${id}`;

export interface ReminderRun {
  /** China date the letters cover. */
  period: string;
  /** Letters created by this run (a department that already had today's letter is skipped). */
  created: { letterId: number; departmentId: number; items: number; notified: number }[];
  skippedDepartments: number[];
}

function thing(text: string): string {
  // Subscribe-message `thing` fields hold at most 20 characters.
  return text.length <= 20 ? text : `${text.slice(0, 19)}…`;
}

/**
 * What each department has overdue at `now`, as letter items: tickets past their rectification deadline,
 * tickets still waiting for their callback past its time, and unanswered 留言 past their reply deadline.
 * Read through the given repositories (the demo seed composes its letters with its transaction's).
 */
export async function overdueItems(repos: Repositories, calendar: WorkingCalendar, now: Date): Promise<Map<number, ReminderItem[]>> {
  const at = now.toISOString();
  const items = new Map<number, ReminderItem[]>();
  const add = (departmentId: number, item: ReminderItem) => items.set(departmentId, [...(items.get(departmentId) ?? []), item]);
  // A deadline is the end of a China day; count working days after that day, today included.
  const lateBy = (dueAt: string) => Math.max(0, calendar.workingDaysBetween(new Date(Date.parse(dueAt) - 1), now));
  const subject = (t: TicketRow) => {
    const title = t.target_kind === 'project' ? (t.project_name ?? '重点项目') : t.target_kind === 'delivery' ? '证照递送' : t.department_name;
    return `${title}${t.stage ? `（${t.stage}）` : ''}`;
  };
  const listed = new Set<number>();
  for (const t of await repos.tickets.overdue(at)) {
    listed.add(t.id);
    add(t.department_id, { kind: 'ticket', id: t.id, title: `差评整改：${subject(t)}`, dueAt: t.deadline_at, overdueWorkingDays: lateBy(t.deadline_at) });
  }
  // The callback is due a working day after the rating: a late one is overdue long before the rectification.
  for (const t of await repos.tickets.overdueCallbacks(at)) {
    if (listed.has(t.id)) continue;
    add(t.department_id, { kind: 'ticket', id: t.id, title: `差评回访：${subject(t)}`, dueAt: t.callback_due_at, overdueWorkingDays: lateBy(t.callback_due_at) });
  }
  for (const m of await repos.reminders.overdueMessages(at)) {
    add(m.department_id, { kind: 'message', id: m.id, title: `企业留言：${m.title}`, dueAt: m.reply_due_at, overdueWorkingDays: lateBy(m.reply_due_at) });
  }
  return items;
}

/**
 * Writes one 工作提醒函 per department per day for what it has overdue (re-running the same day
 * changes nothing) and notifies that department's staff.
 */
export async function runReminders(app: FastifyInstance, now: Date = app.clock.now()): Promise<ReminderRun> {
  if (!app.notifications.templates[REMINDER_TEMPLATE_KEY]) app.notifications.registerTemplate(REMINDER_TEMPLATE_KEY, REMINDER_TEMPLATE);
  const at = now.toISOString();
  const period = toChinaDate(now);
  const items = await overdueItems(app.repos, app.calendar, now);

  const run: ReminderRun = { period, created: [], skippedDepartments: [] };
  for (const [departmentId, list] of [...items.entries()].sort(([a], [b]) => a - b)) {
    const letterId = await app.repos.reminders.insert({ departmentId, period, items: list, now: at });
    if (letterId === null) {
      run.skippedDepartments.push(departmentId);
      continue;
    }
    let notified = 0;
    for (const userId of await app.repos.reminders.departmentStaff(departmentId)) {
      const status = await app.notifications.notify(
        userId,
        REMINDER_TEMPLATE_KEY,
        { thing1: thing('工作提醒函'), number2: String(list.length), date3: period, thing4: thing('有事项已超期，请尽快办理') },
        LETTER_PAGE(letterId),
      );
      if (status === 'sent') notified++;
    }
    run.created.push({ letterId, departmentId, items: list.length, notified });
  }
  return run;
}
