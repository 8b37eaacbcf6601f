import dayjs from 'dayjs';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Today's date in China (YYYY-MM-DD), whatever the phone's time zone: validity is decided in China time. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** "12月1日 18:00" in China time, for deadlines and posts. */
export function chinaDateTime(instant: string): string {
  const china = new Date(Date.parse(instant) + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** "2024年3月1日" from YYYY-MM-DD. */
export function chineseDate(date: string): string {
  const d = dayjs(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}

export type ValidityTone = 'ok' | 'soon' | 'expired' | 'pending';

/**
 * What a person wants to know about a validity window: can I still use it, and for how long.
 * The end date counts as a valid day, so a policy ending today has "剩余 0 天" → shown as 今日截止.
 */
export function validity(validFrom: string, validTo: string | null, today: string): { label: string; tone: ValidityTone } {
  if (validFrom > today) return { label: `${chineseDate(validFrom)}起施行`, tone: 'pending' };
  if (validTo === null) return { label: '长期有效', tone: 'ok' };
  const days = dayjs(validTo).diff(dayjs(today), 'day');
  if (days < 0) return { label: '已过期', tone: 'expired' };
  if (days === 0) return { label: '今日截止', tone: 'soon' };
  return { label: `剩余 ${days} 天`, tone: days <= 30 ? 'soon' : 'ok' };
}

export function validityRange(validFrom: string, validTo: string | null): string {
  return `${chineseDate(validFrom)} 至 ${validTo ? chineseDate(validTo) : '长期'}`;
}
