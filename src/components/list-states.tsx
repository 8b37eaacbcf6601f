import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Empty } from './empty';
import { View } from '@tarojs/components';
import type { PagedList } from '@/lib/use-paged-list';

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

/**
 * Below a paged list: the scroll-to-bottom trigger's visible twin, for taps and for screen readers.
 * Always the same outer node: when Taro swaps a node it re-sends every sibling in one setData,
 * so a footer that changed element type would re-send all the cards loaded so far.
 */
export function ListFooter<T>({ list }: { list: PagedList<T> }) {
  const shown = list.status === 'ready' && list.items.length > 0;
  const tappable = shown && !list.loadingMore && (Boolean(list.moreError) || list.hasMore);
  let text = '';
  if (!shown) text = '';
  else if (list.loadingMore) text = '正在加载…';
  else if (list.moreError) text = `${list.moreError}，点此重试`;
  else if (list.hasMore) text = `加载更多（已显示 ${list.items.length}/${list.total}）`;
  else text = `没有更多了（共 ${list.total} 条）`;
  return (
    <View
      className={`yst-list-footer${tappable ? ' yst-link' : ''}${shown ? '' : ' yst-hidden'}`}
      ariaRole={tappable ? 'button' : undefined}
      onClick={tappable ? list.loadMore : undefined}
    >
      {text}
    </View>
  );
}
