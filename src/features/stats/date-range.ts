import { chinaToday } from '@/lib/china-time';

export interface DateRange {
  /** China dates YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

/** The reports API's name for a range: 2026-10-08~2026-11-27. */
export function rangePeriod({ from, to }: DateRange): string {
  return `${from}~${to}`;
}

function parts(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** 2026年10月8日至11月27日; the end's year only when it differs; a single day is just that day. */
export function rangeLabel({ from, to }: DateRange): string {
  const a = parts(from);
  const b = parts(to);
  const start = `${a.y}年${a.m}月${a.d}日`;
  if (from === to) return start;
  return `${start}至${b.y === a.y ? '' : `${b.y}年`}${b.m}月${b.d}日`;
}

/** From the first of this month to today: the usual “so far this month” question. */
export function defaultRange(now: Date): DateRange {
  const today = chinaToday(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
