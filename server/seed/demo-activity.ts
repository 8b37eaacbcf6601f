import { createCalendar, toChinaDate } from '../lib/working-days';
import type { Repositories } from '../repositories';
import { staff as staffAccounts } from './data/staff';
import { seedOwnerBenefits } from './demo-accounts';
import { seededRandom, type DemoConfig, type DemoContext } from './demo-context';
import { seedDeliveries } from './demo-deliveries';
import { seedMessages } from './demo-messages';
import { seedRatings } from './demo-ratings';
import { seedReminderLetters } from './demo-reminders';

export interface DemoCatalogue {
  departments: Map<string, number>;
  enterprises: DemoContext['enterprises'];
  policies: Map<string, number>;
  projects: DemoContext['projects'];
  staff: Map<string, number>;
}

export interface DemoActivitySummary {
  deliveries: number;
  messages: number;
  ratings: number;
  tickets: number;
  reminderLetters: number;
}

/**
 * What a district has after a few months of use, for demo mode only: bookings around today in every
 * status, 留言 answered and waiting (one overdue), five quarters of ratings with their 整改 tickets,
 * visits, today's 工作提醒函, and a 公示 for each demo owner. Everything goes through the repositories inside the
 * seed's transaction, so slot counts, rater counts, score and ticket pre-aggregates stay exact.
 */
export async function seedDemoActivity(repos: Repositories, catalogue: DemoCatalogue, config: DemoConfig, now: string): Promise<DemoActivitySummary> {
  const ctx: DemoContext = {
    repos,
    config,
    // Whatever an admin has entered by now (nothing on a fresh database) plus the official calendar.
    calendar: createCalendar(await repos.calendar.all()),
    now,
    today: toChinaDate(now),
    ...catalogue,
    owners: new Map(),
    random: seededRandom(20_260_101),
    counts: { ratings: 0, tickets: 0 },
  };
  const departmentStaff = new Map<number, number>();
  for (const s of staffAccounts) {
    const departmentId = s.department ? catalogue.departments.get(s.department) : undefined;
    const userId = catalogue.staff.get(s.username);
    if (s.role === 'staff' && departmentId !== undefined && userId !== undefined && !departmentStaff.has(departmentId)) departmentStaff.set(departmentId, userId);
  }

  await seedOwnerBenefits(ctx);
  const delivered = await seedDeliveries(ctx);
  const messages = await seedMessages(ctx, departmentStaff);
  const { ratings, tickets } = await seedRatings(ctx, departmentStaff, delivered);
  const reminderLetters = await seedReminderLetters(ctx);
  const { total: deliveries } = await repos.deliveries.queue({ page: 1, pageSize: 1 });
  return { deliveries, messages, ratings, tickets, reminderLetters };
}
