import { useCallback, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageThreadSummary } from '@contract/message';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { StaffGate } from '@/features/auth/staff-gate';
import { usePagedList } from '@/lib/use-paged-list';
import { useOnReturn } from '@/lib/use-on-return';
import { fetchInbox } from '../api';
import { ThreadListItem } from '../thread-list-item';
import '../../policies/policies.scss';

const TABS = [
  { label: '待答复', answered: false },
  { label: '已答复', answered: true },
  { label: '全部', answered: undefined },
] as const;

function Inbox() {
  const [tab, setTab] = useState(0);
  const answered = TABS[tab].answered;
  const load = useCallback((page: number) => fetchInbox({ answered }, page), [answered]);
  const list = usePagedList<MessageThreadSummary>(String(tab), load);
  useReachBottom(() => list.loadMore());
  // Back from a thread just answered: it must leave 待答复.
  useOnReturn(list.reload);
  const overdue = list.items.filter((t) => t.overdue).length;

  return (
    <View>
      <View className="yst-filters" ariaRole="tablist">
        {TABS.map((t, i) => (
          <View key={t.label} className={`yst-chip ${tab === i ? 'yst-chip--on' : ''}`} ariaRole="tab" aria-selected={tab === i} onClick={() => setTab(i)}>
            {t.label}
          </View>
        ))}
      </View>
      {overdue > 0 ? <Text className="yst-note yst-field__error">有 {overdue} 条留言已超过答复期限，请尽快答复</Text> : null}
      {list.status === 'loading' ? <ListSkeleton /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title="暂无留言" /> : null}
      {list.items.map((thread) => (
        <ThreadListItem key={thread.id} thread={thread} party={thread.enterprise.name} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

/** 留言收件箱: the department's messages, overdue first (the server's order), with the reply page one tap away. */
export function InboxScreen() {
  return (
    <StaffGate title="留言处理" roles={['staff', 'admin']} loginText="请先使用部门工作人员账号登录">
      <Inbox />
    </StaffGate>
  );
}
