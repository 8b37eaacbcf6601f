import { addDays } from '@/lib/china-time';
import { fetchSlots } from './api';

/** Longer than any run of days off in China's calendar (春节 with its weekends is at most 9). */
const LOOK_DAYS = 14;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Without the calendar (offline) at least the weekends are skipped; holidays may then show up empty. */
function nextWeekday(date: string, direction: 1 | -1): string {
  let day = addDays(date, direction);
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, direction);
  return day;
}

/**
 * The working day before or after `date`, as the server's calendar has it: public holidays are
 * skipped and 调休 make-up Saturdays/Sundays count. The slots endpoint lists working days only.
 */
export async function stepWorkingDay(date: string, direction: 1 | -1): Promise<string> {
  const near = addDays(date, direction);
  const far = addDays(date, direction * LOOK_DAYS);
  try {
    const slots = await fetchSlots(direction > 0 ? near : far, direction > 0 ? far : near);
    const days = [...new Set(slots.map((s) => s.date))].sort();
    const found = direction > 0 ? days[0] : days[days.length - 1];
    if (found) return found;
  } catch {
    // Fall through: the queue itself will say the network is down.
  }
  return nextWeekday(date, direction);
}
