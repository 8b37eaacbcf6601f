const CHINA_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;

/**
 * A deadline as people read it. Deadlines end a China day, so they fall on the next day's 00:00, which reads
 * as one day late ("截止 12月1日 00:00" for a reply due on 11月30日); shown as that day's 24:00 instead,
 * the way official notices write it. `format` is the screen's own "HH:mm"-ending formatter.
 */
export function chinaDeadline(iso: string, format: (iso: string) => string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || (ms + CHINA_OFFSET_MS) % 86_400_000 !== 0) return format(iso);
  return format(new Date(ms - MINUTE_MS).toISOString()).replace(/23:59$/, '24:00');
}
