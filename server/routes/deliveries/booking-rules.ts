import { DELIVERY_MAX_DAYS_AHEAD, DELIVERY_PERIODS, type DeliveryPeriod } from '../../../types/delivery';
import { chinaDateText } from '../../lib/china-text';
import { HttpError } from '../../lib/http-error';
import { toChinaDate, type WorkingCalendar } from '../../lib/working-days';

const DAY_MS = 86_400_000;

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && shiftDate(date, 0) === date;
}

const invalid = (field: string, message: string) => new HttpError(400, 'VALIDATION', message, field);

/**
 * A slot may be booked from tomorrow (China date) up to 14 days ahead, on working days only:
 * holidays and ordinary weekends are closed, 调休 working Saturdays are open.
 */
export function requireBookableSlot(calendar: WorkingCalendar, now: Date, date: string, period: string): DeliveryPeriod {
  if (!isCalendarDate(date)) throw invalid('date', '预约日期：日期格式不正确，应为 YYYY-MM-DD');
  const today = toChinaDate(now);
  if (date <= today) throw invalid('date', '预约日期：请选择明天及以后的日期');
  if (daysBetween(today, date) > DELIVERY_MAX_DAYS_AHEAD) {
    throw invalid('date', `预约日期：只能预约${DELIVERY_MAX_DAYS_AHEAD}天以内的日期（最晚${chinaDateText(shiftDate(today, DELIVERY_MAX_DAYS_AHEAD))}）`);
  }
  const day = calendar.describe(date);
  if (!day.working) throw invalid('date', `预约日期：${chinaDateText(date)}为${day.reason}，不办理递送，请选择工作日`);
  if (!(DELIVERY_PERIODS as readonly string[]).includes(period)) throw invalid('period', '预约时段：请选择上午或下午');
  return period as DeliveryPeriod;
}
