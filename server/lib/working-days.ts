/**
 * Working days for the whole backend (留言 reply deadlines, delivery slots, 整改 deadlines).
 *
 * Source of truth, in order:
 *   1. overrides entered by an admin (a year's 放假安排 is published each November, so the
 *      coming year is usually not in the package yet; overrides also fix any package error);
 *   2. the official calendar shipped by `chinese-days` (holidays and 调休 make-up working days);
 *   3. plain weekday rules (Mon–Fri work, Sat/Sun rest) for a year neither of the above knows.
 *      This is a fallback, not the truth: `hasSchedule(year)` lets the admin UI warn about it.
 *
 * Dates are China dates (Asia/Shanghai, UTC+8, no DST). An instant is first converted to the
 * China date it falls on, so 2026-09-30T17:00:00Z is 2026-10-01 here.
 *
 * Deadline rule: "N working days from an event" ends at the end (24:00 China time) of the N-th
 * working day strictly after the China date of the event. An event on a non-working day
 * therefore starts counting on the next working day: an event on Saturday with N=1 is due at
 * the end of Monday, the same as an event on Friday.
 */
// The package's own date functions read the host's local time zone; its data file does not,
// so the data is read directly (it is the JSON the package documents for non-JS users).
import officialData from 'chinese-days/dist/chinese-days.json';

export type OverrideKind = 'workday' | 'holiday';
export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
  name?: string | null;
}

export type DaySource = 'override' | 'official' | 'weekday-rule';
export interface DayDescription {
  date: string;
  working: boolean;
  /** 中文, e.g. 周末, 国庆节, 调休上班（国庆节）, 工作日 */
  reason: string;
  source: DaySource;
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The China date at whose end a deadline of n working days after `start` falls. */
  addWorkingDays(start: string | Date, n: number): string;
  /** Like addWorkingDays, as the instant the deadline passes (next China midnight, in UTC). */
  deadlineAt(start: string | Date, n: number): string;
  /** Working days in (a, b]: after a's day, up to and including b's day; negative if b < a. */
  workingDaysBetween(a: string | Date, b: string | Date): number;
  /** The first `count` working days on or after `from` (from itself included when working). */
  nextWorkingDays(from: string | Date, count: number): string[];
  describe(date: string | Date): DayDescription;
  /** Whether the year's 放假安排 is known (package or overrides); if not, weekday rules apply. */
  hasSchedule(year: number): boolean;
}

interface OfficialData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const official = officialData as OfficialData;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Guards loops against a malformed request (e.g. n = 1e9); no real deadline is ten years long.
const MAX_SPAN_DAYS = 3660;

const officialYears = new Set(Object.keys(official.holidays).map((d) => Number(d.slice(0, 4))));

// The package stores "English,中文,n"; short forms are expanded to the names people say.
const HOLIDAY_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function holidayName(raw: string): string {
  const zh = raw.split(',')[1] ?? raw;
  return HOLIDAY_NAMES[zh] ?? zh;
}

function parseDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatUtcDate(ms) !== date) throw new RangeError(`No such date: ${date}`);
  return ms;
}

function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The China date ('YYYY-MM-DD') of a date string, an ISO instant or a Date. */
export function toChinaDate(input: string | Date): string {
  if (typeof input === 'string' && DATE_RE.test(input)) {
    parseDate(input);
    return input;
  }
  const ms = typeof input === 'string' ? Date.parse(input) : input.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date or instant: ${String(input)}`);
  return formatUtcDate(ms + CHINA_OFFSET_MS);
}

/** The instant a China date ends (its next midnight in Asia/Shanghai), as ISO-8601 UTC. */
export function endOfChinaDay(date: string): string {
  return new Date(parseDate(date) + DAY_MS - CHINA_OFFSET_MS).toISOString();
}

function shiftDate(date: string, days: number): string {
  return formatUtcDate(parseDate(date) + days * DAY_MS);
}

function isWeekend(date: string): boolean {
  const dow = new Date(parseDate(date)).getUTCDay();
  return dow === 0 || dow === 6;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPAN_DAYS) {
    throw new RangeError(`${what} must be an integer between 0 and ${MAX_SPAN_DAYS}: ${n}`);
  }
}

function indexOverrides(overrides: readonly CalendarOverride[]): Map<string, CalendarOverride> {
  const byDate = new Map<string, CalendarOverride>();
  for (const o of overrides) {
    parseDate(o.date);
    if (o.kind !== 'workday' && o.kind !== 'holiday') throw new RangeError(`Unknown override kind: ${String(o.kind)}`);
    // Later entries win, so a caller can append a correction without deleting the old row.
    byDate.set(o.date, o);
  }
  return byDate;
}

function describeOverride(date: string, o: CalendarOverride): DayDescription {
  const name = o.name?.trim() || '';
  if (o.kind === 'holiday') {
    return { date, working: false, reason: name || '节假日', source: 'override' };
  }
  const reason = isWeekend(date) ? `调休上班${name ? `（${name}）` : ''}` : name ? `工作日（${name}）` : '工作日';
  return { date, working: true, reason, source: 'override' };
}

function describeOfficial(date: string): DayDescription | null {
  const work = official.workdays[date];
  if (work) return { date, working: true, reason: `调休上班（${holidayName(work)}）`, source: 'official' };
  const rest = official.holidays[date];
  if (!rest) return null;
  // A weekday off only because a weekend day is worked instead is shown as such.
  const reason = official.inLieuDays[date] ? `${holidayName(rest)}（调休放假）` : holidayName(rest);
  return { date, working: false, reason, source: 'official' };
}

export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const byDate = indexOverrides(overrides);
  const overrideYears = new Set([...byDate.keys()].map((d) => Number(d.slice(0, 4))));
  const hasSchedule = (year: number) => officialYears.has(year) || overrideYears.has(year);

  // A calendar never changes (new overrides make a new one), and every deadline walks the same
  // few weeks of days: each day is worked out once.
  const described = new Map<string, Readonly<DayDescription>>();
  const deadlines = new Map<string, string>();
  function describe(input: string | Date): DayDescription {
    const date = toChinaDate(input);
    let day = described.get(date);
    if (!day) {
      day = Object.freeze(describeDate(date));
      if (described.size < 20_000) described.set(date, day);
    }
    return day;
  }

  function describeDate(date: string): DayDescription {
    const o = byDate.get(date);
    if (o) return describeOverride(date, o);
    const known = describeOfficial(date);
    if (known) return known;
    const weekend = isWeekend(date);
    if (officialYears.has(Number(date.slice(0, 4)))) {
      return { date, working: !weekend, reason: weekend ? '周末' : '工作日', source: 'official' };
    }
    const note = `（${date.slice(0, 4)}年放假安排尚未录入，暂按周一至周五上班计）`;
    return { date, working: !weekend, reason: (weekend ? '周末' : '工作日') + note, source: 'weekday-rule' };
  }

  const isWorkingDay = (date: string) => describe(date).working;

  function addWorkingDays(start: string | Date, n: number): string {
    checkCount(n, 'n');
    let day = toChinaDate(start);
    if (n === 0) return isWorkingDay(day) ? day : nextWorkingDays(shiftDate(day, 1), 1)[0];
    for (let counted = 0, steps = 0; counted < n; ) {
      day = shiftDate(day, 1);
      if (isWorkingDay(day)) counted++;
      if (++steps > MAX_SPAN_DAYS) throw new RangeError('No working days found within ten years');
    }
    return day;
  }

  function workingDaysBetween(a: string | Date, b: string | Date): number {
    const from = toChinaDate(a);
    const to = toChinaDate(b);
    if (to < from) return -workingDaysBetween(to, from);
    const span = (parseDate(to) - parseDate(from)) / DAY_MS;
    if (span > MAX_SPAN_DAYS) throw new RangeError('Span longer than ten years');
    let count = 0;
    for (let i = 1; i <= span; i++) if (isWorkingDay(shiftDate(from, i))) count++;
    return count;
  }

  function nextWorkingDays(from: string | Date, count: number): string[] {
    checkCount(count, 'count');
    const days: string[] = [];
    let day = toChinaDate(from);
    for (let steps = 0; days.length < count; steps++, day = shiftDate(day, 1)) {
      if (steps > MAX_SPAN_DAYS) throw new RangeError('No working days found within ten years');
      if (isWorkingDay(day)) days.push(day);
    }
    return days;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    deadlineAt(start, n) {
      // Depends only on the day the event falls on: every submission of a day shares the answer.
      const key = `${toChinaDate(start)}|${n}`;
      let deadline = deadlines.get(key);
      if (deadline === undefined) {
        deadline = endOfChinaDay(addWorkingDays(start, n));
        if (deadlines.size < 20_000) deadlines.set(key, deadline);
      }
      return deadline;
    },
    workingDaysBetween,
    nextWorkingDays,
    describe,
    hasSchedule,
  };
}
