import { chinaDateText } from '../../lib/china-text';

/**
 * A booked slot inside a text the server writes once — a timeline note, a notice, an error — and people
 * read later, maybe in another year: "2026年12月1日 上午". Exports keep 'YYYY-MM-DD' for sorting.
 */
export function slotText(date: string, period: string): string {
  return `${chinaDateText(date)} ${period}`;
}

/** The timeline note of a 改约: where the booking moved to. */
export function rescheduleNote(date: string, period: string): string {
  return `改约至 ${slotText(date, period)}`;
}

/** 409 SLOT_FULL names the slot, so a booker who picked it a while ago knows which one filled up. */
export function slotFullMessage(date: string, period: string): string {
  return `${chinaDateText(date)}${period}已约满，请选择其他时段`;
}
