import { chinaDate, daysBetween, formalDate } from '@/lib/china-time';

export type ValidityTone = 'ok' | 'soon' | 'expired' | 'pending';

/**
 * What a person wants to know about a validity window: can I still use it, and for how long.
 * The end date counts as a valid day, so a policy ending today has "剩余 0 天" → shown as 今日截止.
 * `today` is the China date; the start date is named by the app's date rule, relative to today's year.
 */
export function validity(validFrom: string, validTo: string | null, today: string): { label: string; tone: ValidityTone } {
  if (validFrom > today) return { label: `${chinaDate(validFrom, new Date(`${today}T12:00:00+08:00`))}起施行`, tone: 'pending' };
  if (validTo === null) return { label: '长期有效', tone: 'ok' };
  const days = daysBetween(today, validTo);
  if (days < 0) return { label: '已过期', tone: 'expired' };
  if (days === 0) return { label: '今日截止', tone: 'soon' };
  return { label: `剩余 ${days} 天`, tone: days <= 30 ? 'soon' : 'ok' };
}

/** The formal range, years always named as in the policy text: "2024年3月1日 至 2025年12月31日". */
export function validityRange(validFrom: string, validTo: string | null): string {
  return `${formalDate(validFrom)} 至 ${validTo ? formalDate(validTo) : '长期'}`;
}
