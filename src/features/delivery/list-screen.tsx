import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { DeliverySummary } from '@contract/delivery';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { fetchMyDeliveries } from './api';
import { DeliveryCard } from './delivery-card';
import { EnterpriseGate } from './enterprise-gate';
import { DELIVERY_PAGES } from './routes';
import './delivery.scss';

const PAGE_SIZE = 20;

function MyDeliveries() {
  const [items, setItems] = useState<DeliverySummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (nextPage: number) => {
    setError(null);
    try {
      const list = await fetchMyDeliveries(nextPage, PAGE_SIZE);
      setItems((old) => (nextPage === 1 || !old ? list.items : [...old, ...list.items]));
      setTotal(list.total);
      setPage(nextPage);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load(1);
  }, [load]);
  // Back from a detail page (cancelled, rated): show the new status.
  useDidShow(() => {
    if (items) void load(1);
  });

  const book = () => void Taro.navigateTo({ url: DELIVERY_PAGES.book });
  if (error && !items) {
    return (
      <View>
        <Empty title="加载失败" description={error} />
        <View className="yst-actions">
          <Button block onClick={() => void load(1)}>
            重试
          </Button>
        </View>
      </View>
    );
  }
  if (!items) return <Text className="yst-note">正在加载…</Text>;
  if (items.length === 0) {
    return (
      <View>
        <Empty title="还没有递送预约" description="营业执照、印章等证照可预约送上门" />
        <View className="yst-actions">
          <Button type="primary" block onClick={book}>
            去预约
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View>
      {items.map((d) => (
        <DeliveryCard key={d.id} delivery={d} onOpen={() => void Taro.navigateTo({ url: `${DELIVERY_PAGES.detail}?id=${d.id}` })} />
      ))}
      {items.length < total ? (
        <View className="yst-actions">
          <Button block onClick={() => void load(page + 1)}>
            加载更多
          </Button>
        </View>
      ) : (
        <Text className="yst-note">共 {total} 条预约</Text>
      )}
      <View className="yst-actions">
        <Button type="primary" block onClick={book}>
          新的预约
        </Button>
      </View>
    </View>
  );
}

export function ListScreen() {
  return (
    <Page title="我的递送预约">
      <EnterpriseGate>
        <MyDeliveries />
      </EnterpriseGate>
    </Page>
  );
}
