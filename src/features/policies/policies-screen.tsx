import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { SearchBar } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PolicyList, PolicyListItem } from '@contract/policy';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { peekEarlyAnswer } from '@/lib/api/early';
import { usePagedList, type PagedList } from '@/lib/use-paged-list';
import { firstPageUrl, searchPolicies, type PolicyFilters } from './api';
import { chinaToday } from '@/lib/china-time';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { PolicyCard } from './policy-card';
import { PolicyFiltersBar } from './policy-filters';
import { SubscribeButton } from './subscribe-button';
import { useDebouncedValue } from './use-debounced-value';
import './policies.scss';

export const SEARCH_DEBOUNCE_MS = 300;

/** The list's key before the user searched or filtered: the first page index.html may have fetched early. */
const UNFILTERED = JSON.stringify(['', {}]);

/**
 * When index.html's early read of the first page (config/early-requests.ts) has already arrived, the
 * first render shows it rather than a skeleton that is replaced one render later; the list then loads
 * that same answer (request() takes it) and carries on as usual. Only until the list first answers.
 */
function useEarlyFirstPage(list: PagedList<PolicyListItem>, key: string): PagedList<PolicyListItem> {
  const [early] = useState(() => peekEarlyAnswer<PolicyList>(firstPageUrl()));
  const answered = useRef(false);
  if (list.status !== 'loading') answered.current = true;
  if (!early || answered.current || key !== UNFILTERED) return list;
  return { ...list, status: 'ready', items: early.items, total: early.total, hasMore: early.items.length < early.total };
}

/** Cards drawn in the first frame on H5; one screen of a phone shows three or four. */
const FIRST_CARDS = 4;

/**
 * H5: the first cards are drawn first and the rest a frame later, so the first card appears without
 * waiting for the layout of twenty (≈ 220 ms between the last byte and the first card on a slow
 * phone, bench/first-screen.ts). The mini-program keeps one render: a second would be a setData more.
 */
function useFirstCardsFirst(count: number): number {
  const [all, setAll] = useState(process.env.TARO_ENV !== 'h5');
  useEffect(() => {
    if (all || count <= FIRST_CARDS) return undefined;
    // Two frames: the first runs before the paint of the cards just committed, the second after it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setAll(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [all, count]);
  return all ? count : Math.min(count, FIRST_CARDS);
}

export function PoliciesScreen() {
  const session = useMe();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<PolicyFilters>({});
  const q = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const bound = Boolean(session.token && session.user?.role === 'enterprise' && session.enterprise);
  // A stale 仅看我可享 after unbinding would make the server answer 409.
  const effective = useMemo(() => (bound ? filters : { ...filters, eligible: undefined }), [bound, filters]);
  const key = JSON.stringify([q, effective]);
  const load = useCallback((page: number) => searchPolicies(q, effective, page), [q, effective]);
  const list = useEarlyFirstPage(usePagedList<PolicyListItem>(key, load), key);
  const today = chinaToday();
  const shown = useFirstCardsFirst(list.items.length);

  useReachBottom(() => list.loadMore());

  const filtered = Boolean(q) || Object.values(effective).some((v) => v !== undefined && v !== false);

  return (
    <Page title="政策">
      <View className="yst-search">
        <SearchBar
          value={text}
          placeholder="搜索政策，如 社保、补贴、贷款"
          maxLength={50}
          clearable
          onChange={(value: string) => setText(value)}
          onSearch={(value: string) => setText(value)}
          onClear={() => setText('')}
        />
      </View>
      <PolicyFiltersBar q={q} value={effective} onChange={setFilters} canFilterEligible={bound} />
      {/*
        In the mini-program, removing or inserting a node makes Taro re-send ALL of its parent's
        children in one setData. So what comes and goes (subscribe button, states, footer) sits in
        wrappers that always stay, and the cards have a parent of their own where pages only append:
        with 200 cards loaded a footer change cost 240 KB per setData before, now a few hundred bytes.
      */}
      <View>{session.token ? <SubscribeButton /> : null}</View>
      <View>
        {list.status === 'loading' ? <ListSkeleton /> : null}
        {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          <EmptyState
            title={filtered ? '没有找到相关政策' : '暂无政策'}
            description={filtered ? '换个关键词试试，如“社保”“补贴”，或清除筛选条件' : '政策发布后会显示在这里'}
          />
        ) : null}
      </View>
      <View>
        {list.status === 'ready' && list.items.length > 0 ? <Text className="yst-note">共 {list.total} 项政策</Text> : null}
        <View>
          {list.items.slice(0, shown).map((policy) => (
            <PolicyCard key={policy.id} policy={policy} today={today} />
          ))}
        </View>
      </View>
      <View>
        <ListFooter list={list} />
      </View>
    </Page>
  );
}
