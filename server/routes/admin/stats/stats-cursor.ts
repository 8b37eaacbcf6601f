import type { StatsGroupBy } from '../../../../types/satisfaction';
import { HttpError } from '../../../lib/http-error';

const INVALID = '分页位置无效或已过期，请重新加载统计';
const MAX_ID = 2 ** 31 - 1;

/**
 * The position after the last group of a page. It names the grouping and period it belongs to, so a
 * cursor carried over to another period or grouping is refused rather than silently skipping groups.
 */
export function encodeStatsCursor(by: StatsGroupBy, period: string, lastId: number): string {
  return Buffer.from(`${by}~${period}~${lastId}`, 'utf8').toString('base64url');
}

/** The last id of the previous page; 400 INVALID_CURSOR for anything this server did not hand out for this view. */
export function decodeStatsCursor(cursor: string, by: StatsGroupBy, period: string): number {
  const m = /^(department|project)~(\d{4}(?:Q[1-4])?)~([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const after = m ? Number(m[3]) : NaN;
  if (!m || m[1] !== by || m[2] !== period || after > MAX_ID) throw new HttpError(400, 'INVALID_CURSOR', INVALID, 'cursor');
  return after;
}
