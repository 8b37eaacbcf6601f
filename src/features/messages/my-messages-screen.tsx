import { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MessageThreadSummary } from '@contract/message';
import { Page } from '@/components/page';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { usePagedList } from '@/lib/use-paged-list';
import { useOnReturn } from '@/lib/use-on-return';
import { fetchMyMessages } from './api';
import { ThreadListItem } from './thread-list-item';
import '../policies/policies.scss';

/** 我的留言: waiting ones first (overdue at the top), then answered. */
export function MyMessagesScreen() {
  const list = usePagedList<MessageThreadSummary>('mine', fetchMyMessages);
  useReachBottom(() => list.loadMore());
  // Back from a thread after a follow-up: its status and deadline changed.
  useOnReturn(list.reload);
  return (
    <Page title="我的留言">
      {list.status === 'loading' ? <ListSkeleton /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState title="暂无留言" description="在政策详情或享受记录中点击“留言咨询”即可向部门提问" />
      ) : null}
      <View>
        {list.items.map((thread) => (
          <ThreadListItem key={thread.id} thread={thread} party={thread.department.name} />
        ))}
      </View>
      <ListFooter list={list} />
    </Page>
  );
}
