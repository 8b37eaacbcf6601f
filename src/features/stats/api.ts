import type { QuarterlyReport, QuarterlyRows, SatisfactionStats, StatsGroupBy } from '@contract/satisfaction';
import { request } from '@/lib/api/client';

/** One page of the dashboard's groups (the server's page size); `cursor` is the previous page's `page.nextCursor`. */
export function getSatisfactionStats(period: string, by: StatsGroupBy, cursor?: string): Promise<SatisfactionStats> {
  return request<SatisfactionStats>('/api/v1/admin/stats/satisfaction', { query: cursor ? { period, by, cursor } : { period, by } });
}

export function getQuarterlyReport(period: string): Promise<QuarterlyReport> {
  return request<QuarterlyReport>('/api/v1/admin/reports/quarterly', { query: { period } });
}

export const DRILL_PAGE_SIZE = 200;

/** Follows a figure's `drillDown` link exactly as the API gave it, adding only the page. */
export function getFigureRows(drillDown: string, page: number): Promise<QuarterlyRows> {
  const [path, search = ''] = drillDown.split('?');
  const query: Record<string, string | number> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return request<QuarterlyRows>(path, { query: { ...query, page, pageSize: DRILL_PAGE_SIZE } });
}
