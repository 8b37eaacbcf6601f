import { chinaQuarter, quarterText } from '@/lib/china-time';

/** The default stage of a visit: one rating per enterprise and department each quarter, as the quarter is in China. */
export function quarterStage(now: Date): string {
  const { year, quarter } = chinaQuarter(now);
  return `${quarterText(year, quarter)}走访`;
}
