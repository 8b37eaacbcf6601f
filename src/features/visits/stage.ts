const QUARTER_NAMES = ['一', '二', '三', '四'];

/** The default stage of a visit: one rating per enterprise and department each quarter. */
export function quarterStage(now: Date): string {
  // The quarter as it is in Beijing, where the visit happens.
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${china.getUTCFullYear()}年第${QUARTER_NAMES[Math.floor(china.getUTCMonth() / 3)]}季度走访`;
}
