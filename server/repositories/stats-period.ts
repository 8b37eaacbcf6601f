import { HttpError } from '../lib/http-error';
import { endOfChinaDay, toChinaDate } from '../lib/working-days';

/** A statistics period: a quarter (2026Q4) or a year (2026), as China dates and instants. */
export interface PeriodRange {
  period: string;
  quarters: string[];
  /** First and last China date, inclusive. */
  from: string;
  to: string;
  /** Instants [startAt, endAt) covering those dates. */
  startAt: string;
  endAt: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

/** The quarter (e.g. 2026Q4) an instant falls in, in China time. */
export function quarterOf(instant: string | Date): string {
  const date = toChinaDate(instant);
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function startOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

export function parsePeriod(period: string): PeriodRange {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(period);
  if (!m) throw new RangeError(`Not a period: ${period}`);
  const year = Number(m[1]);
  // Four-digit years only, with room for the trend's earlier quarters: 0396Q3 would reach year 395.
  if (year < MIN_YEAR || year > MAX_YEAR) throw new HttpError(400, 'VALIDATION', `period：年份应在${MIN_YEAR}至${MAX_YEAR}之间`, 'period');
  const q = m[2] ? Number(m[2]) : null;
  const firstMonth = q ? (q - 1) * 3 + 1 : 1;
  const lastMonth = q ? q * 3 : 12;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const to = lastDayOfMonth(year, lastMonth);
  const quarters = q ? [`${year}Q${q}`] : [1, 2, 3, 4].map((n) => `${year}Q${n}`);
  return { period, quarters, from, to, startAt: startOfChinaDay(from), endAt: endOfChinaDay(to) };
}

/** `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  let year = Number(last.slice(0, 4));
  let q = Number(last.slice(5));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** Longest custom range a report covers: a longer one is a full-table scan nobody asked for. */
export const MAX_RANGE_YEARS = 3;
const RANGE = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;
const PERIOD_HINT = '应为季度（如 2026Q4）、全年（如 2026）或日期范围（如 2026-10-08~2026-11-27）';

function invalid(reason: string): HttpError {
  return new HttpError(400, 'VALIDATION', `period：${reason}`, 'period');
}

/** A real calendar date within MIN_YEAR..MAX_YEAR, or a 400 naming which end is wrong. */
function checkDate(date: string, end: '起始' | '截止'): void {
  const year = Number(date.slice(0, 4));
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw invalid(`${end}日期 ${date} 不存在`);
  if (year < MIN_YEAR || year > MAX_YEAR) throw invalid(`${end}日期的年份应在${MIN_YEAR}至${MAX_YEAR}之间`);
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

/** Every quarter the dates from..to touch, oldest first. */
function quartersBetween(from: string, to: string): string[] {
  const last = quarterOfDate(to);
  const out = [quarterOfDate(from)];
  while (out[out.length - 1] !== last) out.push(nextQuarter(out[out.length - 1]));
  return out;
}

/**
 * The reports' period: a quarter or a year as parsePeriod reads it, or any range of China dates
 * `YYYY-MM-DD~YYYY-MM-DD`, both ends inclusive ('~' needs no escaping in a URL).
 */
export function parseReportPeriod(period: string): PeriodRange {
  if (/^\d{4}(Q[1-4])?$/.test(period)) return parsePeriod(period);
  const m = RANGE.exec(period);
  if (!m) throw invalid(PERIOD_HINT);
  const [, from, to] = m;
  checkDate(from, '起始');
  checkDate(to, '截止');
  if (to < from) throw invalid(`截止日期 ${to} 早于起始日期 ${from}`);
  if (to >= addYears(from, MAX_RANGE_YEARS)) throw invalid(`日期范围不能超过${MAX_RANGE_YEARS}年`);
  return { period, quarters: quartersBetween(from, to), from, to, startAt: startOfChinaDay(from), endAt: endOfChinaDay(to) };
}
