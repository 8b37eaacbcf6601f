import { useCallback, useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { fetchStaffDelivery, type Delivery } from './api';
import { DeliveryFacts } from './delivery-facts';
import { StaffActions } from './staff-actions';
import { StaffGate } from './staff-gate';
import { Timeline } from './timeline';
import './delivery.scss';

function StaffDelivery({ id }: { id: number }) {
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setDelivery(await fetchStaffDelivery(id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <View className="yst-field">
        <Text className="yst-field__error">{error}</Text>
        <View className="yst-actions">
          <Button block onClick={() => void load()}>
            重试
          </Button>
        </View>
      </View>
    );
  }
  if (!delivery) return <Text className="yst-note">正在加载…</Text>;
  return (
    <View>
      <DeliveryFacts delivery={delivery} showEnterprise />
      <Text className="yst-note">完整电话与地址仅用于本次递送，查看已记录。</Text>
      {/* Keyed by status so each step starts with an empty form. */}
      <StaffActions key={delivery.status} delivery={delivery} onChanged={setDelivery} />
      <View className="yst-card">
        <Text className="yst-card__title">办理进度</Text>
        <Timeline delivery={delivery} />
      </View>
    </View>
  );
}

export function StaffDetailScreen({ id }: { id: number }) {
  return (
    <Page title="递送处理">
      <StaffGate>{Number.isInteger(id) && id > 0 ? <StaffDelivery id={id} /> : <Text className="yst-note">未找到该递送预约</Text>}</StaffGate>
    </Page>
  );
}
