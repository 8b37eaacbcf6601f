import type { ReactNode } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { PagedList } from '@/lib/use-paged-list';

interface PagedCardsProps<T> {
  list: PagedList<T>;
  emptyTitle: string;
  children: (item: T) => ReactNode;
}

/** The staff lists' frame: the error line, the empty state, the cards, and 加载更多 (which also retries a failed page). */
export function PagedCards<T>({ list, emptyTitle, children }: PagedCardsProps<T>) {
  const error = list.error ?? list.moreError;
  return (
    <>
      {error ? <Text className="yst-field__error yst-ledger__error">{error}</Text> : null}
      {list.status === 'ready' && list.items.length === 0 ? <Empty title={emptyTitle} /> : null}
      {list.items.map(children)}
      {list.hasMore && !list.loadingMore ? (
        <View className="yst-actions">
          <Button block onClick={list.loadMore}>
            加载更多
          </Button>
        </View>
      ) : null}
    </>
  );
}
