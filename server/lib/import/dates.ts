const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/;
/** Day 0 of Excel's 1900 date system as it is actually used (serial 60 is the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  return toDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

function toDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A spreadsheet date cell as YYYY-MM-DD: typed as 2026-01-31, 2026/1/31 or 2026年1月31日, or an
 * Excel date serial (what a date cell holds when its format is lost, e.g. 46053). Null if none of these.
 */
export function parseSheetDate(text: string): string | null {
  const value = text.trim();
  const m = ISO_DATE.exec(value) ?? SLASH_DATE.exec(value);
  if (m) return toDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Serials from 1 (1900-01-01) to 2958465 (9999-12-31); a plain year like 2026 is too small to be a recent date,
  // so only serials of dates from 1950 on are accepted.
  if (/^\d{5}(\.0+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    if (serial >= 18264 && serial <= 2958465) {
      const d = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
  }
  return null;
}
