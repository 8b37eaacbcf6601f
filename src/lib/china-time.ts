/**
 * China time for the whole app. China is UTC+8 all year (no daylight saving), and the district works in China time
 * whatever zone the phone is set to, so every calculation shifts the instant by 8 hours and reads the UTC fields.
 *
 * One display rule on every screen: a date or instant in the current China year leaves the year out
 * ("9月28日 10:05", "9月28日"); any other year names it ("2025年9月28日 10:05"). The exceptions are formal texts
 * (policy validity ranges, see formalDate) and what staff type into fields ('YYYY-MM-DD HH:mm', see toChinaInput).
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAYS = '日一二三四五六';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function wallClock(ms: number): WallClock {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** A China calendar date 'YYYY-MM-DD' as the instant its day starts in China. */
function dateStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate({ year, month, day }: WallClock): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "9月28日" this year, "2025年9月28日" in any other. */
function dayText(clock: WallClock, now: Date): string {
  const monthDay = `${clock.month}月${clock.day}日`;
  return clock.year === chinaYear(now) ? monthDay : `${clock.year}年${monthDay}`;
}

const clockText = ({ hour, minute }: WallClock) => `${pad(hour)}:${pad(minute)}`;

/** Today's China date, 'YYYY-MM-DD': the date the server books, dates and validates by. */
export function chinaToday(now: Date = new Date()): string {
  return isoDate(wallClock(now.getTime()));
}

export function chinaYear(now: Date = new Date()): number {
  return wallClock(now.getTime()).year;
}

/** The China quarter (1–4) and its year: statistics and visits are counted by quarter. */
export function chinaQuarter(now: Date = new Date()): { year: number; quarter: number } {
  const { year, month } = wallClock(now.getTime());
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** A quarter as people name it: "2026年第四季度". */
export function quarterText(year: number, quarter: number): string {
  return `${year}年第${'一二三四'[quarter - 1]}季度`;
}

/** Calendar arithmetic on 'YYYY-MM-DD' dates (negative days go back). */
export function addDays(date: string, days: number): string {
  return isoDate(wallClock(dateStart(date) + days * DAY_MS));
}

/** Whole days from one 'YYYY-MM-DD' date to another: 1 from today to tomorrow, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateStart(to) - dateStart(from)) / DAY_MS);
}

/** A 'YYYY-MM-DD' date for reading: "9月28日", or "2025年9月28日" outside the current China year. */
export function chinaDate(date: string, now: Date = new Date()): string {
  const ms = dateStart(date);
  return Number.isNaN(ms) ? '' : dayText(wallClock(ms), now);
}

/** A booking day with its weekday: "9月28日 周一" (the year only outside the current one). */
export function dayLabel(date: string, now: Date = new Date()): string {
  const ms = dateStart(date);
  if (Number.isNaN(ms)) return '';
  const clock = wallClock(ms);
  return `${dayText(clock, now)} 周${WEEKDAYS[clock.weekday]}`;
}

/** An ISO instant for reading, in China time: "9月28日 10:05", or "2025年9月28日 10:05" outside the current year. */
export function chinaDateTime(instant: string, now: Date = new Date()): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const clock = wallClock(ms);
  return `${dayText(clock, now)} ${clockText(clock)}`;
}

/**
 * The server ends deadlines with a China day, i.e. at the next day's 00:00, which reads one day late
 * ("12月1日 00:00" for a reply due on 11月30日). Such an instant belongs to the day before, as its 24:00.
 */
function endsChinaDay(ms: number): boolean {
  return (ms + CHINA_OFFSET_MS) % DAY_MS === 0;
}

/** A deadline for reading: like chinaDateTime, but one that ends a day reads "11月30日 24:00", as official notices write it. */
export function chinaDeadline(instant: string, now: Date = new Date()): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  if (!endsChinaDay(ms)) return chinaDateTime(instant, now);
  return `${dayText(wallClock(ms - MINUTE_MS), now)} 24:00`;
}

/** The last day a deadline allows: "11月30日" for a deadline at 12月1日 00:00. */
export function chinaDeadlineDate(instant: string, now: Date = new Date()): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  return dayText(wallClock(endsChinaDay(ms) ? ms - MINUTE_MS : ms), now);
}

/** Formal texts (policy validity ranges) always name the year: "2024年3月1日". */
export function formalDate(date: string): string {
  const ms = dateStart(date);
  if (Number.isNaN(ms)) return '';
  const { year, month, day } = wallClock(ms);
  return `${year}年${month}月${day}日`;
}

/** An instant as staff type it into a field, '2026-10-09 14:30' in China time; the inverse of parseChinaTime. */
export function toChinaInput(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const clock = wallClock(ms);
  return `${isoDate(clock)} ${clockText(clock)}`;
}

/** '2026-10-09 14:30' typed by staff in China time -> ISO instant; null when it is not such a time. */
export function parseChinaTime(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
  const back = wallClock(ms);
  // Rejects 2026-02-30 and 25:00, which Date.UTC would silently roll over.
  if (back.month !== mo || back.day !== d || h > 23 || mi > 59) return null;
  return new Date(ms).toISOString();
}
