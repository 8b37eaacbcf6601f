/**
 * Dates and times inside texts the server writes once and people read later: reminder letters,
 * notifications, timeline notes, error messages. Such a text outlives the year it was written in, so
 * it always names the year ("2026年12月1日"), unlike the app, which leaves out the current year.
 * Exports (CSV/Excel) keep sortable 'YYYY-MM-DD HH:mm' (admin/tickets/table-file.ts).
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

function wall(ms: number): Date {
  return new Date(ms + CHINA_OFFSET_MS);
}

function dayText(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 'YYYY-MM-DD' → "2026年12月1日". */
export function chinaDateText(date: string): string {
  return dayText(new Date(`${date}T00:00:00Z`));
}

/** An instant → "2026年11月27日 10:20" in China time. */
export function chinaTimeText(iso: string): string {
  const d = wall(Date.parse(iso));
  return `${dayText(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * A deadline → its last day and hour. Deadlines end a China day (the next midnight), which would read
 * one day late as "11月21日 00:00": such an instant is written "2026年11月20日 24:00", as notices write it.
 */
export function chinaDeadlineText(iso: string): string {
  const ms = Date.parse(iso);
  if ((ms + CHINA_OFFSET_MS) % DAY_MS !== 0) return chinaTimeText(iso);
  return `${dayText(wall(ms - DAY_MS))} 24:00`;
}
