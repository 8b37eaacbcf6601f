import { DELIVERY_MAX_DAYS_AHEAD } from '@contract/delivery-rules';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = '日一二三四五六';

/** The date in China (the server books by China dates, whatever the phone's time zone). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 2026-09-28 -> 9月28日 周一 */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** Bookable range: tomorrow up to 14 days ahead (the server also skips non-working days). */
export function bookingWindow(now: Date = new Date()): { from: string; to: string } {
  const today = chinaToday(now);
  return { from: addDays(today, 1), to: addDays(today, DELIVERY_MAX_DAYS_AHEAD) };
}

/** An instant as staff and owners read it: 2026-09-28 10:05 (China time). */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
