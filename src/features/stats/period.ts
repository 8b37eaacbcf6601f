import { chinaQuarter, quarterText } from '@/lib/china-time';

/** The quarter a date falls in, in China time, as the API names it: 2026Q4. */
export function quarterOf(now: Date): string {
  const { year, quarter } = chinaQuarter(now);
  return `${year}Q${quarter}`;
}

export interface PeriodOption {
  value: string;
  label: string;
}

export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? quarterText(Number(m[1]), Number(m[2])) : `${m[1]}年全年`;
}

/** The choices offered: the last `quarters` quarters (newest first), then this year and last year. */
export function recentPeriods(now: Date, quarters = 6): PeriodOption[] {
  let { year, quarter } = chinaQuarter(now);
  const thisYear = year;
  const out: string[] = [];
  for (let i = 0; i < quarters; i++) {
    out.push(`${year}Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  out.push(String(thisYear), String(thisYear - 1));
  return out.map((value) => ({ value, label: value.includes('Q') ? value : `${value}全年` }));
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
