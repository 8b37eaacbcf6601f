import { useCallback, useEffect, useRef, useState } from 'react';
import type { SatisfactionGroup, SatisfactionStats, StatsGroupBy } from '@contract/satisfaction';
import { errorMessage } from '@/lib/api/api-error';
import { getSatisfactionStats } from './api';

export interface SatisfactionPages {
  /** The first page's answer: the district total, trend and page counts (over all groups). */
  stats: SatisfactionStats | null;
  /** Every group loaded so far, in the API's order. */
  groups: SatisfactionGroup[];
  error: string | null;
  loadingMore: boolean;
  /** A later page failed: the loaded groups stay and 加载更多 retries. */
  moreError: string | null;
  hasMore: boolean;
  loadMore: () => void;
}

/**
 * The dashboard's groups page by page (a district has ~1,000 key projects): each 加载更多 follows
 * the last answer's cursor and appends. A new period or grouping starts over, and answers to
 * the old one are dropped.
 */
export function useSatisfactionPages(period: string, by: StatsGroupBy): SatisfactionPages {
  const [stats, setStats] = useState<SatisfactionStats | null>(null);
  const [groups, setGroups] = useState<SatisfactionGroup[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    // Never show one period's figures under another period's heading while loading.
    setStats(null);
    setGroups([]);
    setCursor(null);
    setError(null);
    setMoreError(null);
    setLoadingMore(false);
    getSatisfactionStats(period, by).then(
      (s) => {
        if (mine !== generation.current) return;
        setStats(s);
        setGroups(s.groups);
        setCursor(s.page.nextCursor);
      },
      (e: unknown) => mine === generation.current && setError(errorMessage(e)),
    );
  }, [period, by]);

  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    getSatisfactionStats(period, by, cursor).then(
      (s) => {
        if (mine !== generation.current) return;
        setGroups((current) => [...current, ...s.groups]);
        setCursor(s.page.nextCursor);
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setMoreError(errorMessage(e));
        setLoadingMore(false);
      },
    );
  }, [period, by, cursor, loadingMore]);

  return { stats, groups, error, loadingMore, moreError, hasMore: cursor !== null, loadMore };
}
