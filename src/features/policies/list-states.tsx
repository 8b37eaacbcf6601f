import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PagedList } from './use-paged-list';

export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View aria-label="加载中" data-testid="list-skeleton">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="yst-card">
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="yst-state">
      <Empty status="error" title="加载失败" description={message} />
      <View className="yst-actions">
        <Button type="primary" block onClick={onRetry}>
          重新加载
        </Button>
      </View>
    </View>
  );
}

export function EmptyState({ title, description }: { title: string; description?: string }) {
  return (
    <View className="yst-state">
      <Empty status="empty" title={title} description={description} />
    </View>
  );
}

/** Below a paged list: the scroll-to-bottom trigger's visible twin, for taps and for screen readers. */
export function ListFooter({ list }: { list: PagedList<unknown> }) {
  if (list.status !== 'ready' || list.items.length === 0) return null;
  if (list.loadingMore) return <Text className="yst-list-footer">正在加载…</Text>;
  if (list.moreError) {
    return (
      <Text className="yst-list-footer yst-link" onClick={list.loadMore}>
        {list.moreError}，点此重试
      </Text>
    );
  }
  if (list.hasMore) {
    return (
      <View className="yst-list-footer yst-link" ariaRole="button" onClick={list.loadMore}>
        加载更多（已显示 {list.items.length}/{list.total}）
      </View>
    );
  }
  return <Text className="yst-list-footer">没有更多了（共 {list.total} 条）</Text>;
}
